//! Links under the hosting sub-path. The app is served from any directory of a static
//! server; `<base href>` says which, and every app path goes through [`url`].

/// Where the native prerender pretends the app is hosted; it turns links under it into
/// links relative to the page's `<base href>`, so one build serves any sub-path.
pub const PRERENDER_BASE: &str = "/__app_root__";

/// The path the app is hosted under, read once from `<base href>` in the browser.
pub fn router_base() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        if cfg!(target_arch = "wasm32") {
            let base = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.base_uri().ok().flatten())
                .unwrap_or_default();
            model::route::base_path(&base)
        } else {
            PRERENDER_BASE.to_string()
        }
    })
}

/// An app path (`/targets/?year=2025`) as a link under the hosting sub-path.
pub fn url(path: &str) -> String {
    format!("{}{path}", router_base())
}
