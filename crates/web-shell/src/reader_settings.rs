//! Reader settings (large font, high contrast) as classes on `<html>`, remembered in
//! `localStorage`. Storage that is missing, full, refused or holds garbage falls back to the
//! defaults without an error reaching the page.

use model::settings::ReaderSetting;

fn storage() -> Option<web_sys::Storage> {
    // Natively (the build's prerender) there is no browser to ask.
    if !cfg!(target_arch = "wasm32") {
        return None;
    }
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the reader turned `setting` on in an earlier visit.
pub fn load(setting: ReaderSetting) -> bool {
    storage()
        .and_then(|s| s.get_item(setting.storage_key).ok().flatten())
        .is_some_and(|v| v == "1")
}

pub fn store(setting: ReaderSetting, on: bool) {
    if let Some(s) = storage() {
        // A refused write (quota, privacy mode) only costs the memory of the setting.
        let _ = s.set_item(setting.storage_key, if on { "1" } else { "0" });
    }
}

/// Puts the setting's class on `<html>` or takes it off.
pub fn apply(setting: ReaderSetting, on: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let list = root.class_list();
        let _ = if on {
            list.add_1(setting.class)
        } else {
            list.remove_1(setting.class)
        };
    }
}
