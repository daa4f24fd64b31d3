//! Departments from responsibility notes (`（责任单位：A、B）`, `牵头单位：`, `责任部门：`):
//! the bodies as printed, in order, once each.

use super::DraftFile;
use crate::departments::{DepartmentBook, DepartmentSpec};

/// Keeps each body once in a record's departments where the text names it twice under two
/// names (`市发改委`, `市发展改革委`), by `data/departments.toml`; the first name stays.
pub fn once_each(file: &mut DraftFile, specs: &[DepartmentSpec]) {
    let mut book = DepartmentBook::new(specs);
    let mut dedupe = |names: &mut Vec<String>| {
        let mut seen = Vec::new();
        names.retain(|n| {
            let id = book.resolve(n);
            let first = !seen.contains(&id);
            seen.push(id);
            first
        });
    };
    for f in &mut file.field {
        dedupe(&mut f.departments);
    }
    for p in &mut file.project {
        dedupe(&mut p.departments);
    }
}

/// The words that open a responsibility note.
const MARKERS: &[&str] = &[
    "责任单位：",
    "责任单位:",
    "牵头单位：",
    "牵头单位:",
    "责任部门：",
    "责任部门:",
    "牵头部门：",
    "配合单位：",
];

/// How a body's name starts: a list item starting otherwise continues the previous name
/// (`各区县政府及代管镇、街道的功能区管理机构`).
const NAME_STARTS: &[&str] = &[
    "市", "区", "县", "省", "各", "济南", "青岛", "山东", "中国", "国家", "国际", "历下",
];

/// Every body named in the responsibility notes of a text, in order, once each.
pub fn notes(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in MARKERS {
        let mut rest = text;
        while let Some(at) = rest.find(m) {
            let after = rest.get(at + m.len()..).unwrap_or_default();
            for name in names(note_body(after)) {
                if !out.contains(&name) {
                    out.push(name);
                }
            }
            rest = after;
        }
    }
    out
}

/// The note's list: up to its closing bracket, or the sentence or clause that ends it.
fn note_body(after: &str) -> &str {
    let mut depth = 0u32;
    for (i, c) in after.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth == 0 => return after.get(..i).unwrap_or_default(),
            '）' | ')' => depth -= 1,
            '。' | '；' | ';' | '\n' if depth == 0 => return after.get(..i).unwrap_or_default(),
            _ => {}
        }
    }
    after
}

/// The names of a note's list, split at `、` `，` and `及` where a new name starts.
fn names(list: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut rest = list.trim();
    while let Some(c) = rest.chars().next() {
        let next = rest.get(c.len_utf8()..).unwrap_or_default();
        let splits = matches!(c, '、' | '，' | ',')
            || (c == '及' && NAME_STARTS.iter().any(|s| next.starts_with(s)));
        let new_name = NAME_STARTS.iter().any(|s| next.starts_with(s))
            || matches!(c, '，' | ',')
            || next.starts_with("有关");
        if splits && new_name {
            out.extend(clean(&cur));
            cur.clear();
        } else {
            cur.push(c);
        }
        rest = next;
    }
    out.extend(clean(&cur));
    out
}

/// A name without the words around it (`牵头`, `配合`, `等有关部门`).
fn clean(name: &str) -> Option<String> {
    let mut n = name.trim();
    for suffix in [
        "等有关部门",
        "等相关部门",
        "等部门",
        "等单位",
        "等",
        "牵头",
        "配合",
    ] {
        n = n.strip_suffix(suffix).unwrap_or(n);
    }
    let n: String = n.chars().filter(|c| !c.is_whitespace()).collect();
    (n.chars().count() >= 2).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &[&str]) {
        assert_eq!(notes(input), expected, "input: {input}");
    }

    #[test]
    fn responsibility_notes() {
        check(
            "加快建设。（责任单位：市民政局、市财政局）",
            &["市民政局", "市财政局"],
        );
        check(
            "（责任单位：市卫生健康委、中国（山东）自由贸易试验区济南片区管委会）",
            &["市卫生健康委", "中国（山东）自由贸易试验区济南片区管委会"],
        );
        check(
            "（责任单位：市政府办公厅、各区县政府及代管镇、街道的功能区管理机构。以下将…统称为各区县政府）",
            &["市政府办公厅", "各区县政府及代管镇、街道的功能区管理机构"],
        );
        check(
            "（责任单位：市大数据局、市行政审批服务局及市有关部门；完成时间：2020年12月底前）",
            &["市大数据局", "市行政审批服务局", "市有关部门"],
        );
        check(
            "（责任单位：市发展改革委牵头，有关部门配合）",
            &["市发展改革委", "有关部门"],
        );
        check("牵头单位：市商务局。", &["市商务局"]);
        check("没有说明。", &[]);
    }

    #[test]
    fn a_body_named_twice_is_kept_once() {
        let specs: crate::departments::DepartmentsFile =
            toml::from_str("[[department]]\nname = \"市发展改革委\"\naliases = [\"市发改委\"]\n")
                .unwrap_or_default();
        let mut file = DraftFile::default();
        file.field.push(crate::facts::CuratedField {
            id: "f-1".into(),
            title: String::new(),
            label: String::new(),
            summary: String::new(),
            departments: vec!["市发改委".into(), "市财政局".into(), "市发展改革委".into()],
            quote: String::new(),
            also: Vec::new(),
            merged: Vec::new(),
        });
        once_each(&mut file, &specs.department);
        let got = file
            .field
            .first()
            .map(|f| f.departments.clone())
            .unwrap_or_default();
        assert_eq!(got, ["市发改委", "市财政局"]);
    }
}
