//! Reader settings as both the app and the build know them: the `localStorage` key each is
//! remembered under and the class it puts on `<html>`. The build's early script applies
//! them before the first paint, so a large-font reader never sees the page jump.

/// One remembered reader setting.
#[derive(Debug, Clone, Copy)]
pub struct ReaderSetting {
    pub storage_key: &'static str,
    pub class: &'static str,
}

pub const LARGE_FONT: ReaderSetting = ReaderSetting {
    storage_key: "zcdl.large-font",
    class: "large-font",
};

pub const HIGH_CONTRAST: ReaderSetting = ReaderSetting {
    storage_key: "zcdl.high-contrast",
    class: "high-contrast",
};

pub const ALL: [ReaderSetting; 2] = [LARGE_FONT, HIGH_CONTRAST];

/// Class on `<html>` when the address carries a query: a prerendered list page shows the
/// unfiltered view, so it is hidden until the app has rendered the asked-for one (the
/// build marks such pages `data-prerendered="without-query"`; the home page is the same
/// whatever the query).
pub const HAS_QUERY_CLASS: &str = "has-query";

/// The inline script that runs in `<head>` before the first paint. Storage that throws or
/// holds garbage leaves the defaults, as in the app.
pub fn early_script() -> String {
    let mut js = String::from("(function(){var h=document.documentElement;try{var s=localStorage;");
    for s in ALL {
        js.push_str(&format!(
            "if(s.getItem(\"{}\")===\"1\")h.classList.add(\"{}\");",
            s.storage_key, s.class
        ));
    }
    js.push_str(&format!(
        "}}catch(e){{}}if(location.search.length>1)h.classList.add(\"{HAS_QUERY_CLASS}\")}})();"
    ));
    js
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn early_script_reads_every_setting_and_marks_queries() {
        let js = early_script();
        for s in ALL {
            assert!(js.contains(&format!("getItem(\"{}\")===\"1\"", s.storage_key)));
            assert!(js.contains(&format!("add(\"{}\")", s.class)));
        }
        assert!(js.contains("location.search.length>1"));
        assert!(
            !js.contains("</script"),
            "must stay inert inside a <script> element"
        );
    }
}
