//! Reader settings (large font, high contrast): classes on `<html>`, remembered in
//! `localStorage`. Storage that is missing, full, refused or holds garbage falls back to
//! the defaults without an error reaching the page.

use leptos::prelude::*;

const LARGE_FONT_KEY: &str = "zcdl.large-font";
const HIGH_CONTRAST_KEY: &str = "zcdl.high-contrast";

#[derive(Clone, Copy)]
pub struct Settings {
    pub large_font: RwSignal<bool>,
    pub high_contrast: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(key: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn store(key: &str, on: bool) {
    if let Some(s) = storage() {
        // A refused write (quota, privacy mode) only costs the memory of the setting.
        let _ = s.set_item(key, if on { "1" } else { "0" });
    }
}

fn apply_class(class: &str, on: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let list = root.class_list();
        let _ = if on {
            list.add_1(class)
        } else {
            list.remove_1(class)
        };
    }
}

impl Settings {
    pub fn provide() -> Self {
        let settings = Settings {
            large_font: RwSignal::new(load(LARGE_FONT_KEY)),
            high_contrast: RwSignal::new(load(HIGH_CONTRAST_KEY)),
        };
        Effect::new(move |_| {
            let on = settings.large_font.get();
            apply_class("large-font", on);
            store(LARGE_FONT_KEY, on);
        });
        Effect::new(move |_| {
            let on = settings.high_contrast.get();
            apply_class("high-contrast", on);
            store(HIGH_CONTRAST_KEY, on);
        });
        provide_context(settings);
        settings
    }
}

#[component]
pub fn SettingsBar() -> impl IntoView {
    let settings = expect_context::<Settings>();
    view! {
        <div class="settings" role="group" aria-label="阅读设置">
            <button
                type="button"
                class="toggle"
                aria-pressed=move || settings.large_font.get().to_string()
                on:click=move |_| settings.large_font.update(|v| *v = !*v)
            >
                "大字"
            </button>
            <button
                type="button"
                class="toggle"
                aria-pressed=move || settings.high_contrast.get().to_string()
                on:click=move |_| settings.high_contrast.update(|v| *v = !*v)
            >
                "高对比"
            </button>
        </div>
    }
}
