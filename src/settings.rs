//! Reader settings (large font, high contrast): classes on `<html>`, remembered in
//! `localStorage`. Storage that is missing, full, refused or holds garbage falls back to
//! the defaults without an error reaching the page.

use leptos::prelude::*;

use model::settings::{ReaderSetting, HIGH_CONTRAST, LARGE_FONT};

#[derive(Clone, Copy)]
pub struct Settings {
    pub large_font: RwSignal<bool>,
    pub high_contrast: RwSignal<bool>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn load(setting: ReaderSetting) -> bool {
    storage()
        .and_then(|s| s.get_item(setting.storage_key).ok().flatten())
        .is_some_and(|v| v == "1")
}

fn store(setting: ReaderSetting, on: bool) {
    if let Some(s) = storage() {
        // A refused write (quota, privacy mode) only costs the memory of the setting.
        let _ = s.set_item(setting.storage_key, if on { "1" } else { "0" });
    }
}

fn apply_class(setting: ReaderSetting, on: bool) {
    let class = setting.class;
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
            large_font: RwSignal::new(load(LARGE_FONT)),
            high_contrast: RwSignal::new(load(HIGH_CONTRAST)),
        };
        Effect::new(move |_| {
            let on = settings.large_font.get();
            apply_class(LARGE_FONT, on);
            store(LARGE_FONT, on);
        });
        Effect::new(move |_| {
            let on = settings.high_contrast.get();
            apply_class(HIGH_CONTRAST, on);
            store(HIGH_CONTRAST, on);
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
