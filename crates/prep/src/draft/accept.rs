//! Accepting drafted records: the editor's corrected records are moved, as written, from
//! `draft.toml` into a curated file of the document. A draft's ids were never published, so
//! each accepted record takes the lowest free id of its kind, in reading order: the records
//! the editor dropped leave no gap, and the references among accepted records (`targets`,
//! `merged`) follow their renaming.

use std::collections::{BTreeMap, BTreeSet};

/// One record of a draft as written: its kind line, its id, its lines.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    id: String,
    text: String,
}

/// Splits a draft into its head (comments before the first record) and its records.
fn blocks(draft: &str) -> (String, Vec<Block>) {
    let mut head = String::new();
    let mut out: Vec<Block> = Vec::new();
    for line in draft.split_inclusive('\n') {
        let starts = matches!(line.trim(), "[[field]]" | "[[project]]" | "[[target]]");
        match out.last_mut() {
            Some(b) if !starts => {
                if let Some(id) = id_of(line) {
                    b.id = id;
                }
                b.text.push_str(line);
            }
            _ if starts => out.push(Block {
                id: String::new(),
                text: line.to_string(),
            }),
            _ => head.push_str(line),
        }
    }
    (head, out)
}

fn id_of(line: &str) -> Option<String> {
    let v = line
        .trim()
        .strip_prefix("id")?
        .trim_start()
        .strip_prefix('=')?;
    Some(v.trim().trim_matches('"').to_string())
}

/// The ids a document's curated files use, merged ones included.
fn taken(curated: &[&str]) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for text in curated {
        for line in text.lines() {
            if let Some(id) = id_of(line) {
                ids.insert(id);
            }
            if let Some(list) = line.trim().strip_prefix("merged") {
                for part in list.split('"').skip(1).step_by(2) {
                    ids.insert(part.to_string());
                }
            }
        }
    }
    ids
}

/// The next id of a kind (`t-`) not taken.
fn free_id(prefix: &str, taken: &BTreeSet<String>) -> String {
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default()
}

/// What accepting does: the draft left over, the records to append to the curated file,
/// and the ids that were renamed (old → new).
#[derive(Debug, Default, PartialEq)]
pub struct Accepted {
    pub draft: String,
    pub appended: String,
    pub count: usize,
    pub renamed: Vec<(String, String)>,
}

/// Moves the records named by `ids` (every record when `None`) out of a draft; `curated`
/// are the document's curated files, whose ids must not be taken again.
pub fn accept(draft: &str, curated: &[&str], ids: Option<&[String]>) -> Accepted {
    let (head, records) = blocks(draft);
    let mut used = taken(curated);
    let mut out = Accepted {
        draft: head,
        ..Accepted::default()
    };
    let (chosen, left): (Vec<Block>, Vec<Block>) = records
        .into_iter()
        .partition(|b| ids.is_none_or(|ids| ids.contains(&b.id)));
    for b in &left {
        out.draft.push_str(&b.text);
    }
    let mut renames = BTreeMap::new();
    for b in &chosen {
        let prefix =
            b.id.split_once('-')
                .map_or("r-".to_string(), |(p, _)| format!("{p}-"));
        let new = free_id(&prefix, &used);
        used.insert(new.clone());
        if new != b.id {
            out.renamed.push((b.id.clone(), new.clone()));
            renames.insert(b.id.clone(), new);
        }
    }
    for b in chosen {
        // The proposed themes were a hint for the review; the build assigns them.
        let kept: String = b
            .text
            .split_inclusive('\n')
            .filter(|l| !l.starts_with("# 主题（规则建议）"))
            .map(|l| renamed_ids(l, &renames))
            .collect();
        if !out.appended.is_empty() && !out.appended.ends_with("\n\n") {
            out.appended.push('\n');
        }
        out.appended.push_str(&kept);
        out.count += 1;
    }
    out
}

/// A line with the ids it names renamed, when it is one that names ids (`id`, `targets`,
/// `merged`).
fn renamed_ids(line: &str, renames: &BTreeMap<String, String>) -> String {
    let key = line.split('=').next().unwrap_or("").trim();
    if !matches!(key, "id" | "targets" | "merged") || renames.is_empty() {
        return line.to_string();
    }
    let mut out = String::new();
    for (i, part) in line.split('"').enumerate() {
        if i > 0 {
            out.push('"');
        }
        let inside = i % 2 == 1;
        match renames.get(part).filter(|_| inside) {
            Some(new) => out.push_str(new),
            None => out.push_str(part),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "# 草稿\n\n[[field]]\nid = \"f-1\"\n# 主题（规则建议）：elderly\ntitle = \"甲\"\n\n[[target]]\nid = \"t-1\"\nquote = \"乙\"\n\n[[target]]\nid = \"t-2\"\nquote = \"丙\"\n";

    fn check(
        curated: &[&str],
        ids: Option<&[String]>,
        draft: &str,
        appended: &str,
        renamed: &[(&str, &str)],
    ) {
        let got = accept(DRAFT, curated, ids);
        assert_eq!(got.draft, draft);
        assert_eq!(got.appended, appended);
        let renamed: Vec<(String, String)> = renamed
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got.renamed, renamed);
    }

    #[test]
    fn accepting_moves_records_and_keeps_ids_free() {
        check(
            &[],
            None,
            "# 草稿\n\n",
            "[[field]]\nid = \"f-1\"\ntitle = \"甲\"\n\n[[target]]\nid = \"t-1\"\nquote = \"乙\"\n\n[[target]]\nid = \"t-2\"\nquote = \"丙\"\n",
            &[],
        );
        let some = ["t-2".to_string()];
        check(
            &["[[target]]\nid = \"t-1\"\nmerged = [\"t-2\"]\n"],
            Some(&some),
            "# 草稿\n\n[[field]]\nid = \"f-1\"\n# 主题（规则建议）：elderly\ntitle = \"甲\"\n\n[[target]]\nid = \"t-1\"\nquote = \"乙\"\n\n",
            "[[target]]\nid = \"t-3\"\nquote = \"丙\"\n",
            &[("t-2", "t-3")],
        );
    }

    #[test]
    fn dropped_records_leave_no_gap_and_references_follow() {
        let draft = "[[target]]\nid = \"t-3\"\nquote = \"乙\"\n\n[[project]]\nid = \"p-2\"\ntargets = [\"t-3\", \"t-9\"]\nmerged = [\"f-4\"]\n";
        let got = accept(draft, &[], None);
        assert_eq!(
            got.appended,
            "[[target]]\nid = \"t-1\"\nquote = \"乙\"\n\n[[project]]\nid = \"p-1\"\ntargets = [\"t-1\", \"t-9\"]\nmerged = [\"f-4\"]\n"
        );
        assert_eq!(
            got.renamed,
            vec![("t-3".into(), "t-1".into()), ("p-2".into(), "p-1".into())]
        );
    }
}
