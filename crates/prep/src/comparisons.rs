//! The curated comparisons (`data/comparisons.toml`): the same indicator in several
//! documents, checked against the verified targets before it ships.

use crate::Diagnostic;
use model::{Comparison, Target};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    comparison: Vec<toml::Spanned<Entry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    title: String,
    unit: String,
    members: Vec<String>,
}

const FILE: &str = "data/comparisons.toml";

/// Parses and checks the comparisons: every member is a target, with the comparison's
/// unit and a numeric target value, and no two members come from one document.
pub fn verify(text: &str, targets: &[Target], errors: &mut Vec<Diagnostic>) -> Vec<Comparison> {
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            errors.push(Diagnostic {
                file: FILE.into(),
                line: e.span().map_or(0, |s| line_of(text, s.start)),
                message: e.message().to_string(),
            });
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for spanned in file.comparison {
        let line = line_of(text, spanned.span().start);
        let entry = spanned.into_inner();
        let mut fail = |message: String| {
            errors.push(Diagnostic {
                file: FILE.into(),
                line,
                message: format!("{}：{message}", entry.title),
            })
        };
        if entry.members.len() < 2 {
            fail("一项比较至少要有两份文件".into());
        }
        let mut docs = Vec::new();
        for id in &entry.members {
            let Some(t) = targets.iter().find(|t| &t.id == id) else {
                fail(format!("没有编号为 {id} 的目标指标"));
                continue;
            };
            if t.unit != entry.unit {
                fail(format!("{id} 的单位是“{}”，不是“{}”", t.unit, entry.unit));
            }
            if t.target.as_ref().and_then(|f| f.value).is_none() {
                fail(format!("{id} 没有可比较的目标数值"));
            }
            if docs.contains(&t.doc) {
                fail(format!("{id} 与另一成员来自同一文件"));
            }
            docs.push(t.doc.clone());
        }
        out.push(Comparison {
            title: entry.title,
            unit: entry.unit,
            members: entry.members,
        });
    }
    out
}

fn line_of(text: &str, byte: usize) -> u32 {
    text.get(..byte)
        .map_or(0, |t| t.matches('\n').count() as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(id: &str, doc: &str, unit: &str) -> Target {
        serde_json::from_value(serde_json::json!({
            "id": id, "doc": doc, "indicator": "x", "unit": unit, "category": "",
            "origin": "table", "cumulative": false, "qualitative": "", "themes": ["economy"],
            "target": {"year": 2025, "year_source": "printed", "value": 1.0, "comparator": "", "text": "1", "note": ""},
            "source": {"doc": doc, "section": "s-1", "block": "p-1", "quote": "q"}
        }))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn check(toml: &str, expected_errors: &[&str]) {
        let targets = [
            target("a.t-1", "a", "家"),
            target("b.t-1", "b", "家"),
            target("a.t-2", "a", "%"),
        ];
        let mut errors = Vec::new();
        verify(toml, &targets, &mut errors);
        let got: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{}", e.line, e.message))
            .collect();
        assert_eq!(got, expected_errors, "{toml}");
    }

    #[test]
    fn comparisons_are_checked_against_the_targets() {
        check(
            "[[comparison]]\ntitle = \"x\"\nunit = \"家\"\nmembers = [\"a.t-1\", \"b.t-1\"]\n",
            &[],
        );
        check(
            "\n[[comparison]]\ntitle = \"x\"\nunit = \"家\"\nmembers = [\"a.t-1\", \"a.t-2\", \"c.t-9\"]\n",
            &[
                "2:x：a.t-2 的单位是“%”，不是“家”",
                "2:x：a.t-2 与另一成员来自同一文件",
                "2:x：没有编号为 c.t-9 的目标指标",
            ],
        );
        check(
            "[[comparison]]\ntitle = \"x\"\nunit = \"家\"\nmembers = [\"a.t-1\"]\n",
            &["1:x：一项比较至少要有两份文件"],
        );
    }
}
