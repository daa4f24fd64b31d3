//! Reader settings (large font, high contrast) as signals the app and its charts follow;
//! remembering them and putting their classes on `<html>` is `web_shell::reader_settings`.

use leptos::prelude::*;

use model::settings::{HIGH_CONTRAST, LARGE_FONT};
use web_shell::reader_settings::{apply as apply_class, load, store};

#[derive(Clone, Copy)]
pub struct Settings {
    pub large_font: RwSignal<bool>,
    pub high_contrast: RwSignal<bool>,
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

/// The two toggles. Prerendered natively they are disabled and unpressed: until the app
/// runs, nothing could act on them.
#[component]
pub fn SettingsBar() -> impl IntoView {
    let settings = expect_context::<Settings>();
    let live = cfg!(target_arch = "wasm32");
    let pressed = move |on: bool| live.then(|| on.to_string());
    view! {
        <div class="settings" role="group" aria-label="阅读设置">
            <button
                type="button"
                class="toggle"
                data-setting=LARGE_FONT.class
                disabled=!live
                aria-pressed=move || pressed(settings.large_font.get())
                on:click=move |_| settings.large_font.update(|v| *v = !*v)
            >
                "大字"
            </button>
            <button
                type="button"
                class="toggle"
                data-setting=HIGH_CONTRAST.class
                disabled=!live
                aria-pressed=move || pressed(settings.high_contrast.get())
                on:click=move |_| settings.high_contrast.update(|v| *v = !*v)
            >
                "高对比"
            </button>
        </div>
    }
}
