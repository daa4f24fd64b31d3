//! Last line of defence: a panic replaces the page with a readable message instead of
//! leaving a dead app behind.

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("panic: {info}").into());
        show();
    }));
}

fn show() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(screen) = document.get_element_by_id("panic") {
        let _ = screen.remove_attribute("hidden");
    }
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
}

/// Exposed to the browser tests (as `window.wasmBindings.trigger_panic_for_test()`) so
/// they can prove the panic screen renders. Only in the test build of the home page
/// (feature `test-hooks`, `target/test-hooks/`): the site itself carries no test hook.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn trigger_panic_for_test() {
    #[allow(clippy::panic)]
    {
        panic!("panic requested by a browser test");
    }
}
