//! Native prerender: the first view of each page that needs no id (`model::pages`),
//! rendered with Leptos `ssr` from the same presentation components the app mounts, from
//! the data in `public/data/`, and written into that page's `index.html` in `dist/`.
//! Rendering is a pure function of the data; only [`run`] reads and writes files.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use model::files::{DepartmentsFile, RecordFile, ThemesFile};
use model::lists::{self, ListIndex, ListPage, Listed};
use model::pages::{
    page_title, Page, PageDef, PRERENDERED_ANY_QUERY, PRERENDERED_ATTR, PRERENDERED_WITHOUT_QUERY,
    QUERY_LOADING_CLASS, QUERY_LOADING_TEXT,
};
use policy_explorer::links::PRERENDER_BASE;
use policy_explorer::pages::{first_view, FirstViewData};
use std::path::Path;
use std::sync::Arc;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The `<div id="app">` contents of a page's first view, with links still under
/// [`PRERENDER_BASE`]; None for pages that take an id.
pub fn render(page: Page, data: &FirstViewData) -> Option<String> {
    if page.def().takes_id {
        return None;
    }
    let data = data.clone();
    Some(render_at(&page.path(), move || first_view(page, &data)))
}

/// The view for an unknown address, with links still under [`PRERENDER_BASE`].
pub fn render_not_found() -> String {
    render_at("/404/", policy_explorer::pages::not_found_view)
}

/// The shell around `view`, rendered as the app would show it at the app path `path`
/// (under [`PRERENDER_BASE`]), without the text-node markers `<!>` that Leptos's server
/// renderer writes for hydration: the app does not hydrate (it renders anew and takes
/// over), nothing reads them, and an HTML validator rejects them as bogus comments. Text
/// and attribute values are escaped, so `<!>` stands only for a marker.
fn render_at<V: IntoView + 'static>(
    path: &str,
    view: impl FnOnce() -> V + Send + 'static,
) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(&format!("{PRERENDER_BASE}{path}")));
        policy_explorer::settings::Settings::provide();
        let html = view! {
            <Router base=PRERENDER_BASE>
                <policy_explorer::app::Shell>{view()}</policy_explorer::app::Shell>
            </Router>
        }
        .to_html();
        html.replace("<!>", "")
    })
}

/// `404.html` for a host's error page: served at any unknown address, so its `<base>` and
/// links are absolute, under `public_url` (`/zwgk/zcdl/`).
pub fn not_found_page(shell: &str, public_url: &str, body: &str) -> Result<String> {
    if !public_url.starts_with('/') || !public_url.ends_with('/') || public_url.contains('"') {
        return Err(format!(
            "--public-url must be an absolute path ending in /, e.g. /zwgk/zcdl/ (got {public_url:?})"
        ));
    }
    let body = body
        .replace(
            &format!("href=\"{PRERENDER_BASE}/"),
            &format!("href=\"{public_url}"),
        )
        .replace(
            &format!("href=\"{PRERENDER_BASE}\""),
            &format!("href=\"{public_url}\""),
        )
        .replace("href=\"#", &format!("href=\"{public_url}#"));
    if body.contains(PRERENDER_BASE) {
        return Err("404: a link was left under the prerender base".into());
    }
    // The shell is a route page's (`<base href="../">`): the app, not the home page's wasm.
    let shell = shell.replacen(
        "<base href=\"../\"",
        &format!("<base href=\"{public_url}\""),
        1,
    );
    if !shell.contains(&format!("<base href=\"{public_url}\"")) {
        return Err("404: the shell has no <base href=\"../\"> to make absolute".into());
    }
    let def = PageDef {
        page: Page::Home,
        segment: "",
        title: model::pages::NOT_FOUND_TITLE,
        column: model::pages::NOT_FOUND_COLUMN,
        prerendered: true,
        takes_id: false,
        nav: None,
    };
    fill(&shell, &def, &body, PRERENDERED_ANY_QUERY)
}

/// Links under [`PRERENDER_BASE`] made relative to the page's `<base href>` (the app root),
/// so one build serves any sub-path; `#main` names its page, as `<base>` would otherwise
/// send it to the home page.
pub fn relative_links(html: &str, def: &PageDef) -> Result<String> {
    let fragment_base = if def.segment.is_empty() {
        "./".to_string()
    } else {
        format!("{}/", def.segment)
    };
    let html = html
        .replace(&format!("href=\"{PRERENDER_BASE}/"), "href=\"./")
        .replace(&format!("href=\"{PRERENDER_BASE}\""), "href=\"./\"")
        .replace("href=\"#", &format!("href=\"{fragment_base}#"));
    if html.contains(PRERENDER_BASE) || html.contains(" href=\"/") {
        return Err(format!(
            "{:?}: an absolute link would leave the sub-path",
            def.page
        ));
    }
    if html.contains(" style=\"") {
        return Err(format!(
            "{:?}: a style attribute would break the CSP",
            def.page
        ));
    }
    Ok(html)
}

/// Puts a first view into the page's HTML shell (the built `index.html` of that route):
/// the view in `<div id="app">`, marked as prerendered, its title, and no preload of the
/// wasm, which the first view does not need.
pub fn fill(shell: &str, def: &PageDef, body: &str, kind: &str) -> Result<String> {
    let open = "<div id=\"app\">";
    // In the body: a comment in the head may name the element too.
    let body_at = shell
        .find("<body")
        .ok_or_else(|| format!("{:?}: the shell has no <body>", def.page))?;
    let start = shell[body_at..]
        .find(open)
        .map(|i| body_at + i)
        .ok_or_else(|| format!("{:?}: no {open} in the shell", def.page))?;
    let end = shell
        .rfind("</body>")
        .and_then(|b| shell[..b].rfind("</div>"))
        .filter(|&e| e > start)
        .ok_or_else(|| format!("{:?}: <div id=\"app\"> is not closed", def.page))?;
    let main = "<main id=\"main\" tabindex=\"-1\">";
    if !body.contains(main) {
        return Err(format!("{:?}: the view has no {main}", def.page));
    }
    // Shown instead of the unfiltered view while the app renders the one the query asks for.
    let body = body.replacen(
        main,
        &format!(
            "{main}<p class=\"{QUERY_LOADING_CLASS}\" role=\"status\">{QUERY_LOADING_TEXT}</p>"
        ),
        1,
    );
    let head = without_wasm_preload(&shell[..start]);
    let title = escape(&page_title(def.title));
    let head = replace_title(&head, &title)?;
    Ok(format!(
        "{head}<div id=\"app\" {PRERENDERED_ATTR}=\"{kind}\">{body}{}",
        &shell[end..]
    ))
}

fn without_wasm_preload(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(i) = rest.find("<link rel=\"preload\"") {
        let Some(len) = rest[i..].find('>') else {
            break;
        };
        let tag = &rest[i..i + len + 1];
        out.push_str(&rest[..i]);
        if !tag.contains(".wasm\"") {
            out.push_str(tag);
        }
        rest = &rest[i + len + 1..];
    }
    out.push_str(rest);
    out
}

fn replace_title(head: &str, title: &str) -> Result<String> {
    let start = head.find("<title>").ok_or("the shell has no <title>")?;
    let end = head[start..]
        .find("</title>")
        .map(|e| start + e)
        .ok_or("the shell's <title> is not closed")?;
    Ok(format!("{}<title>{title}{}", &head[..start], &head[end..]))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn read_json<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> Result<Arc<T>> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    model::parse_versioned::<T>(&text)
        .map(Arc::new)
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn record_file<T: RecordFile>(dir: &Path) -> Result<Arc<T>> {
    read_json(dir, T::PATH)
}

/// The first page of a kind's list, unfiltered, from the files the app would fetch for it.
fn first_page<R: Listed>(dir: &Path) -> Result<Arc<ListPage<R>>> {
    let file: Arc<lists::ListIndexFile> = read_json(dir, &R::KIND.index_file())?;
    let names = match R::KIND.has_doc_runs() {
        true => Some(read_json::<lists::DocNames>(dir, lists::DOC_NAMES)?),
        false => None,
    };
    let list = ListIndex::assemble(&file, names.as_deref())
        .map(Arc::new)
        .map_err(|e| format!("{}: {e}", R::KIND.index_file()))?;
    let ordinals: Vec<u32> = (0..list.total).collect();
    let (_, shown) = ListPage::<R>::shown(&ordinals, "");
    let chunks = lists::chunk_files(R::KIND, list.chunk, &shown)
        .iter()
        .map(|f| read_json::<lists::Chunk<R>>(dir, f))
        .collect::<Result<Vec<_>>>()?;
    Ok(Arc::new(ListPage::new(list, ordinals, "", &chunks)))
}

/// The data the first views are drawn from, read from the files the app fetches for them.
pub fn first_view_data(data: &Path) -> Result<FirstViewData> {
    Ok(FirstViewData {
        documents: first_page::<model::DocumentMeta>(data)?,
        fields: first_page::<model::Field>(data)?,
        projects: first_page::<model::Project>(data)?,
        targets: first_page::<model::Target>(data)?,
        departments: record_file::<DepartmentsFile>(data)?,
        themes: record_file::<ThemesFile>(data)?,
    })
}

/// Reads the data files, renders every prerendered page and writes it into
/// `dist/<segment>/index.html` (which the post-build step has written from Trunk's output);
/// with a public URL, also `dist/404.html`.
pub fn run(dist: &Path, data: &Path, public_url: Option<&str>) -> Result {
    let data = first_view_data(data)?;
    // From a route page's plain shell (the app, not the home page's small wasm), before
    // that page's own view is written into it.
    if let Some(public_url) = public_url {
        let file = dist.join(Page::About.def().segment).join("index.html");
        let shell =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let page = not_found_page(&shell, public_url, &render_not_found())?;
        std::fs::write(dist.join("404.html"), page).map_err(|e| format!("404.html: {e}"))?;
        eprintln!("wrote 404.html for {public_url}");
    }
    for def in Page::prerendered() {
        let Some(html) = render(def.page, &data) else {
            continue;
        };
        let body = relative_links(&html, def)?;
        let file = dist.join(def.segment).join("index.html");
        let shell =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        // The home page is the same whatever the query; a list's content depends on it.
        let kind = if def.page == Page::Home {
            PRERENDERED_ANY_QUERY
        } else {
            PRERENDERED_WITHOUT_QUERY
        };
        let page = fill(&shell, def, &body, kind)?;
        std::fs::write(&file, page).map_err(|e| format!("{}: {e}", file.display()))?;
        eprintln!(
            "prerendered /{}: {:.1} KB",
            def.segment,
            body.len() as f64 / 1024.0
        );
    }
    Ok(())
}
