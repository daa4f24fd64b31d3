//! `#[derive(FromJson)]`: reading a wire type with the app's small JSON reader
//! (`model::json`), following the same `#[serde(...)]` attributes as the serde derive the
//! native tools use, so both read a file alike.
//!
//! serde's derive, instantiated for serde_json, was the largest part of the app's wasm
//! after the views. This one writes one plain function per type over one shared,
//! non-generic reader.
//!
//! Understood: named and tuple structs (`default` on a field, a missing `Option` field is
//! `None`), enums of unit variants (`rename`, `rename_all = "snake_case"`), and internally
//! tagged enums of newtype variants (`tag = "…"`). Anything else is a compile error, so a
//! new attribute cannot silently read differently from serde.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::quote;
use syn::{parse_macro_input, Data, DeriveInput, Fields, LitStr};

#[proc_macro_derive(FromJson, attributes(serde))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match expand(&input) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}

/// The `#[serde(...)]` settings this derive reads.
#[derive(Default)]
struct Serde {
    default: bool,
    rename: Option<String>,
    rename_all_snake: bool,
    tag: Option<String>,
}

fn serde_attrs(attrs: &[syn::Attribute]) -> syn::Result<Serde> {
    let mut out = Serde::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("default") {
                out.default = true;
            } else if meta.path.is_ident("skip_serializing_if") || meta.path.is_ident("bound") {
                // Writing only, or a bound the serde derive needs: nothing to read.
                let _: LitStr = meta.value()?.parse()?;
            } else if meta.path.is_ident("rename") {
                out.rename = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("rename_all") {
                let rule = meta.value()?.parse::<LitStr>()?.value();
                if rule != "snake_case" {
                    return Err(meta.error("FromJson: only rename_all = \"snake_case\""));
                }
                out.rename_all_snake = true;
            } else if meta.path.is_ident("tag") {
                out.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else {
                return Err(meta.error("FromJson does not read this serde attribute"));
            }
            Ok(())
        })?;
    }
    Ok(out)
}

fn snake_case(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn is_option(ty: &syn::Type) -> bool {
    matches!(ty, syn::Type::Path(p) if p.qself.is_none()
        && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let container = serde_attrs(&input.attrs)?;
    let mut generics = input.generics.clone();
    for param in generics.type_params_mut() {
        param.bounds.push(syn::parse_quote!(crate::json::FromJson));
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let body = match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(fields) => named_struct(fields)?,
            Fields::Unnamed(fields) => tuple_struct(fields)?,
            Fields::Unit => {
                return Err(syn::Error::new(Span::call_site(), "FromJson: unit struct"))
            }
        },
        Data::Enum(e) => match &container.tag {
            None => unit_enum(e, &container)?,
            Some(tag) => tagged_enum(e, &container, tag)?,
        },
        Data::Union(_) => return Err(syn::Error::new(Span::call_site(), "FromJson: union")),
    };
    Ok(quote! {
        impl #impl_generics crate::json::FromJson for #name #ty_generics #where_clause {
            fn from_json(p: &mut crate::json::Parser<'_>) -> ::core::result::Result<Self, crate::json::JsonError> {
                #body
            }
        }
    })
}

/// What a missing field becomes: its default, `None`, or an error.
fn when_missing(ty: &syn::Type, attrs: &Serde, key: &str) -> Tokens {
    if attrs.default {
        quote! { ::core::default::Default::default() }
    } else if is_option(ty) {
        quote! { ::core::option::Option::None }
    } else {
        quote! { return ::core::result::Result::Err(p.missing_field(#key)) }
    }
}

fn named_struct(fields: &syn::FieldsNamed) -> syn::Result<Tokens> {
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut build = Vec::new();
    for (i, f) in fields.named.iter().enumerate() {
        let attrs = serde_attrs(&f.attrs)?;
        let ident = f
            .ident
            .as_ref()
            .ok_or_else(|| syn::Error::new(Span::call_site(), "field"))?;
        let key = attrs.rename.clone().unwrap_or_else(|| ident.to_string());
        let slot = syn::Ident::new(&format!("slot_{i}"), Span::call_site());
        let ty = &f.ty;
        let missing = when_missing(ty, &attrs, &key);
        slots.push(
            quote! { let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None; },
        );
        arms.push(quote! { #key => #slot = ::core::option::Option::Some(crate::json::FromJson::from_json(p)?), });
        build.push(quote! { #ident: match #slot { ::core::option::Option::Some(v) => v, ::core::option::Option::None => { #missing } }, });
    }
    Ok(quote! {
        #(#slots)*
        p.object(&mut |p, key| {
            match key {
                #(#arms)*
                _ => return ::core::result::Result::Ok(false),
            }
            ::core::result::Result::Ok(true)
        })?;
        ::core::result::Result::Ok(Self { #(#build)* })
    })
}

fn tuple_struct(fields: &syn::FieldsUnnamed) -> syn::Result<Tokens> {
    let mut slots = Vec::new();
    let mut arms = Vec::new();
    let mut build = Vec::new();
    let n = fields.unnamed.len();
    for (i, f) in fields.unnamed.iter().enumerate() {
        let attrs = serde_attrs(&f.attrs)?;
        let slot = syn::Ident::new(&format!("slot_{i}"), Span::call_site());
        let ty = &f.ty;
        let key = format!("element {i}");
        let missing = if attrs.default {
            quote! { ::core::default::Default::default() }
        } else {
            quote! { return ::core::result::Result::Err(p.missing_field(#key)) }
        };
        slots.push(
            quote! { let mut #slot: ::core::option::Option<#ty> = ::core::option::Option::None; },
        );
        arms.push(quote! { #i => #slot = ::core::option::Option::Some(crate::json::FromJson::from_json(p)?), });
        build.push(quote! { match #slot { ::core::option::Option::Some(v) => v, ::core::option::Option::None => { #missing } }, });
    }
    Ok(quote! {
        #(#slots)*
        p.array(&mut |p, i| {
            match i {
                #(#arms)*
                _ => return ::core::result::Result::Err(p.too_long(#n)),
            }
            ::core::result::Result::Ok(())
        })?;
        ::core::result::Result::Ok(Self(#(#build)*))
    })
}

fn variant_name(v: &syn::Variant, container: &Serde) -> syn::Result<String> {
    let attrs = serde_attrs(&v.attrs)?;
    Ok(attrs.rename.unwrap_or_else(|| {
        if container.rename_all_snake {
            snake_case(&v.ident.to_string())
        } else {
            v.ident.to_string()
        }
    }))
}

fn unit_enum(e: &syn::DataEnum, container: &Serde) -> syn::Result<Tokens> {
    let mut arms = Vec::new();
    for v in &e.variants {
        if !matches!(v.fields, Fields::Unit) {
            return Err(syn::Error::new_spanned(
                v,
                "FromJson: untagged data in an enum",
            ));
        }
        let name = variant_name(v, container)?;
        let ident = &v.ident;
        arms.push(quote! { #name => ::core::result::Result::Ok(Self::#ident), });
    }
    Ok(quote! {
        let at = p.position();
        let name = p.string()?;
        match name.as_str() {
            #(#arms)*
            _ => ::core::result::Result::Err(p.unknown_variant(at, &name)),
        }
    })
}

fn tagged_enum(e: &syn::DataEnum, container: &Serde, tag: &str) -> syn::Result<Tokens> {
    let mut arms = Vec::new();
    for v in &e.variants {
        let Fields::Unnamed(f) = &v.fields else {
            return Err(syn::Error::new_spanned(
                v,
                "FromJson: tagged enums of newtype variants only",
            ));
        };
        if f.unnamed.len() != 1 {
            return Err(syn::Error::new_spanned(
                v,
                "FromJson: tagged enums of newtype variants only",
            ));
        }
        let name = variant_name(v, container)?;
        let ident = &v.ident;
        arms.push(quote! { #name => ::core::result::Result::Ok(Self::#ident(crate::json::FromJson::from_json(p)?)), });
    }
    // The tag may come anywhere in the object: find it first, then read the object again
    // as the variant's content (which ignores the tag as an unknown key).
    Ok(quote! {
        let at = p.position();
        let name = p.tag(#tag)?;
        p.reset(at);
        match name.as_str() {
            #(#arms)*
            _ => ::core::result::Result::Err(p.unknown_variant(at, &name)),
        }
    })
}
