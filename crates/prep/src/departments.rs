//! Responsible bodies (`data/departments.toml`): canonical names, the other names the texts
//! use for them, what kind of body each is, and stable ids.

use crate::facts::DocIndex;
use model::{Department, DepartmentKind};
use serde::Deserialize;
use std::collections::BTreeMap;

/// One entry of `data/departments.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentSpec {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// `agency` when left out.
    #[serde(default)]
    pub kind: DepartmentKind,
    /// The sentence of a document that defines the aliases as this name (`以下…统称为…`),
    /// verified against the texts; empty for common short forms.
    #[serde(default)]
    pub defined_by: String,
}

/// `data/departments.toml`.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DepartmentsFile {
    #[serde(default)]
    pub department: Vec<DepartmentSpec>,
}

/// Department name → id, built from the alias table; names not in it get their own entry
/// (an agency).
pub struct DepartmentBook {
    by_name: BTreeMap<String, String>,
    pub departments: BTreeMap<String, Department>,
    /// Problems with the table itself, found while building it.
    pub errors: Vec<String>,
}

impl DepartmentBook {
    pub fn new(specs: &[DepartmentSpec]) -> Self {
        let mut book = DepartmentBook {
            by_name: BTreeMap::new(),
            departments: BTreeMap::new(),
            errors: Vec::new(),
        };
        for s in specs {
            if book.by_name.contains_key(&s.name) {
                book.errors
                    .push(format!("{} 已是另一个单位的名称或别名", s.name));
                continue;
            }
            for a in &s.aliases {
                if a == &s.name || book.by_name.contains_key(a) {
                    book.errors
                        .push(format!("别名 {a} 重复（{} 的别名）", s.name));
                }
            }
            book.add(&s.name, &s.aliases, s.kind);
        }
        book
    }

    fn add(&mut self, name: &str, aliases: &[String], kind: DepartmentKind) -> String {
        if let Some(id) = self.by_name.get(name) {
            return id.clone();
        }
        let id = department_id(name);
        if let Some(other) = self.departments.get(&id) {
            // Two names, one hash: ids would no longer say which body is meant.
            self.errors
                .push(format!("单位编号冲突：{name} 与 {} 都是 {id}", other.name));
        }
        self.departments.insert(
            id.clone(),
            Department {
                id: id.clone(),
                name: name.to_string(),
                kind,
                aliases: aliases.to_vec(),
                fields: vec![],
                projects: vec![],
                targets: vec![],
            },
        );
        self.by_name.insert(name.to_string(), id.clone());
        for a in aliases {
            self.by_name.insert(a.clone(), id.clone());
        }
        id
    }

    /// The id for a name as written in a record.
    pub fn resolve(&mut self, name: &str) -> String {
        self.add(name.trim(), &[], DepartmentKind::Agency)
    }

    /// Resolves the names a record gives (as written) to ids, once each even where the text
    /// names one body twice under two names, and lists the record under each body.
    pub fn attribute(
        &mut self,
        names: &[String],
        record: &str,
        list: impl Fn(&mut Department) -> &mut Vec<String>,
    ) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for n in names {
            let id = self.resolve(n);
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        for id in &ids {
            if let Some(dep) = self.departments.get_mut(id) {
                let l = list(dep);
                if !l.iter().any(|r| r == record) {
                    l.push(record.to_string());
                }
            }
        }
        ids
    }

    /// What the names say a body is, against what the table says: a company must be marked
    /// `enterprise` and a placeholder for several bodies `collective`, so neither is shown as
    /// a government department by default.
    pub fn check_kinds(&self) -> Vec<String> {
        let mut errors = Vec::new();
        for d in self.departments.values() {
            if let Some(kind) = kind_by_name(&d.name) {
                if kind != d.kind {
                    errors.push(format!(
                        "{} 看来是 {kind:?}，请在 departments.toml 中标明 kind",
                        d.name
                    ));
                }
            }
        }
        errors
    }
}

/// The kind a name makes plain, if any.
fn kind_by_name(name: &str) -> Option<DepartmentKind> {
    if ["公司", "集团"].iter().any(|w| name.contains(w)) {
        Some(DepartmentKind::Enterprise)
    } else if name.starts_with('各') || name.contains("有关部门") || name.contains("相关部门")
    {
        Some(DepartmentKind::Collective)
    } else {
        None
    }
}

/// Each `defined_by` sentence must be in a document and name the body and an alias.
pub fn check_definitions(specs: &[DepartmentSpec], indexes: &[&DocIndex]) -> Vec<String> {
    let mut errors = Vec::new();
    for s in specs.iter().filter(|s| !s.defined_by.is_empty()) {
        if !indexes.iter().any(|i| i.contains(&s.defined_by)) {
            errors.push(format!("{} 的 defined_by 不在任何文件中", s.name));
        }
        if !s.defined_by.contains(&s.name) || !s.aliases.iter().any(|a| s.defined_by.contains(a)) {
            errors.push(format!("{} 的 defined_by 须同时写出名称与别名", s.name));
        }
    }
    errors
}

/// A stable id from the name itself (FNV-1a), so adding a department never renames another.
fn department_id(name: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("d-{:08x}", h >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str, aliases: &[&str], kind: DepartmentKind) -> DepartmentSpec {
        DepartmentSpec {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            kind,
            defined_by: String::new(),
        }
    }

    #[test]
    fn aliases_resolve_to_one_department() {
        let mut book =
            DepartmentBook::new(&[spec("市发展改革委", &["市发改委"], DepartmentKind::Agency)]);
        assert_eq!(book.resolve("市发改委"), book.resolve("市发展改革委"));
        assert_ne!(book.resolve("市商务局"), book.resolve("市发展改革委"));
        assert!(book.errors.is_empty());
    }

    #[test]
    fn adding_a_department_renames_no_other() {
        let table = [
            spec("市发展改革委", &["市发改委"], DepartmentKind::Agency),
            spec("市商务局", &[], DepartmentKind::Agency),
        ];
        let mut before = DepartmentBook::new(&table);
        let mut after = DepartmentBook::new(&table);
        after.resolve("市审计局");
        after.resolve("市财政局");
        for name in ["市发改委", "市商务局", "市大数据局"] {
            assert_eq!(before.resolve(name), after.resolve(name), "{name}");
        }
    }

    #[test]
    fn an_alias_of_two_bodies_is_refused() {
        let book = DepartmentBook::new(&[
            spec("市城管局", &["市城市管理局"], DepartmentKind::Agency),
            spec("市综合执法局", &["市城市管理局"], DepartmentKind::Agency),
        ]);
        assert_eq!(book.errors.len(), 1, "{:?}", book.errors);
    }

    #[test]
    fn colliding_ids_are_refused() {
        // Find two names with the same 32-bit id, then check the book refuses them.
        let mut seen = std::collections::HashMap::new();
        let mut pair = None;
        for i in 0u32.. {
            let name = format!("单位{i}");
            if let Some(first) = seen.insert(department_id(&name), name.clone()) {
                pair = Some((first, name));
                break;
            }
        }
        let Some((a, b)) = pair else {
            unreachable!("the loop only ends with a pair")
        };
        let mut book = DepartmentBook::new(&[spec(&a, &[], DepartmentKind::Agency)]);
        book.resolve(&b);
        assert!(
            book.errors.iter().any(|e| e.contains("编号冲突")),
            "{:?}",
            book.errors
        );
    }

    #[test]
    fn companies_and_placeholders_must_be_marked() {
        let mut book =
            DepartmentBook::new(&[spec("济南城市建设集团", &[], DepartmentKind::Enterprise)]);
        book.resolve("市有关部门");
        book.resolve("国网济南供电公司");
        book.resolve("市商务局");
        let errors = book.check_kinds();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors.iter().any(|e| e.contains("市有关部门")));
        assert!(errors.iter().any(|e| e.contains("国网济南供电公司")));
    }
}
