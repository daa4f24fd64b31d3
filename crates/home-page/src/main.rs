//! The home page's own small wasm. The page is prerendered in full by the build and its
//! links and search form are plain HTML, so it needs no explorer app: this only brings the
//! reader settings to life and installs the panic screen. The explorer app loads on the
//! next page a reader opens.

#![deny(clippy::indexing_slicing)]

use model::settings::ALL;
use wasm_bindgen::{closure::Closure, JsCast};
use web_shell::reader_settings;

fn main() {
    web_shell::panic_screen::install();
    enable_settings();
    // The page is live: the prerendered view stands as it is (nothing on the home page
    // depends on the address), and the tests can tell the wasm has run.
    if let Some(app) = document().and_then(|d| d.get_element_by_id("app")) {
        let _ = app.remove_attribute("data-prerendered");
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The prerendered toggles are disabled until a script can act on them.
fn enable_settings() {
    let Some(document) = document() else {
        return;
    };
    for setting in ALL {
        let selector = format!(".settings button[data-setting=\"{}\"]", setting.class);
        let Some(button) = document.query_selector(&selector).ok().flatten() else {
            continue;
        };
        let on = reader_settings::load(setting);
        reader_settings::apply(setting, on);
        let _ = button.set_attribute("aria-pressed", if on { "true" } else { "false" });
        let _ = button.remove_attribute("disabled");
        let target = button.clone();
        let on_click = Closure::<dyn Fn()>::new(move || {
            let on = target.get_attribute("aria-pressed").as_deref() != Some("true");
            reader_settings::apply(setting, on);
            reader_settings::store(setting, on);
            let _ = target.set_attribute("aria-pressed", if on { "true" } else { "false" });
        });
        let _ = button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        on_click.forget();
    }
}
