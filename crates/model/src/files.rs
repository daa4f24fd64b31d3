//! The data files the app fetches, by path under `data/`, and the typed contents of the
//! record files: one file (and one type) per kind of record, so a page that loaded only
//! targets cannot read departments it never asked for.

use crate::wire::{Comparison, Department, Facts, Field, Project, RecordList, Target, Theme};
use serde::{Deserialize, Serialize};

/// `data/index.json`: the documents and their counts.
pub const INDEX: &str = "index.json";
/// `data/facts.json`: every record in one file, offered as a download.
pub const ALL_FACTS: &str = "facts.json";

/// The file of one part of a document's text (`DocumentMeta::parts[k].file`).
pub fn document_part(file: &str) -> String {
    format!("doc/{file}")
}

/// `data/records/<doc>.json`: one document's fields, projects and targets, for its reader
/// (the marks beside paragraphs and the document's charts) without the whole library.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocRecordsFile {
    pub schema_version: u32,
    pub doc: String,
    pub fields: Vec<Field>,
    pub projects: Vec<Project>,
    pub targets: Vec<Target>,
}

impl DocRecordsFile {
    /// The file of one document's records; ids are checked safe before they reach a path.
    pub fn path(doc: &str) -> String {
        format!("records/{doc}.json")
    }

    pub fn of(facts: &Facts, doc: &str) -> Self {
        DocRecordsFile {
            schema_version: facts.schema_version,
            doc: doc.to_string(),
            fields: facts
                .fields
                .iter()
                .filter(|f| f.doc == doc)
                .cloned()
                .collect(),
            projects: facts
                .projects
                .iter()
                .filter(|p| p.doc == doc)
                .cloned()
                .collect(),
            targets: facts
                .targets
                .iter()
                .filter(|t| t.doc == doc)
                .cloned()
                .collect(),
        }
    }
}

/// A file of records of one kind.
pub trait RecordFile: serde::de::DeserializeOwned + Serialize + 'static {
    /// Path under `data/`.
    const PATH: &'static str;
    /// The records of this kind out of all of them.
    fn from_facts(facts: &Facts) -> Self;
}

/// `data/facts-fields.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FieldsFile {
    pub schema_version: u32,
    pub fields: Vec<Field>,
}

/// `data/facts-projects.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectsFile {
    pub schema_version: u32,
    pub projects: Vec<Project>,
}

/// `data/facts-targets.json`, with the curated comparisons between them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TargetsFile {
    pub schema_version: u32,
    pub targets: Vec<Target>,
    #[serde(default)]
    pub comparisons: Vec<Comparison>,
}

/// `data/facts-departments.json`: the departments, with the named lists (small, and shown
/// with them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DepartmentsFile {
    pub schema_version: u32,
    pub departments: Vec<Department>,
    pub lists: Vec<RecordList>,
}

/// `data/themes.json`: the fixed taxonomy of resident themes (主题), each with how many
/// records of each kind it gathers. Small: the home page can offer the themes from it
/// without fetching any records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThemesFile {
    pub schema_version: u32,
    pub themes: Vec<Theme>,
}

impl RecordFile for ThemesFile {
    const PATH: &'static str = "themes.json";
    fn from_facts(facts: &Facts) -> Self {
        ThemesFile {
            schema_version: facts.schema_version,
            themes: facts.themes.clone(),
        }
    }
}

impl ThemesFile {
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
}

impl RecordFile for FieldsFile {
    const PATH: &'static str = "facts-fields.json";
    fn from_facts(facts: &Facts) -> Self {
        FieldsFile {
            schema_version: facts.schema_version,
            fields: facts.fields.clone(),
        }
    }
}

impl RecordFile for ProjectsFile {
    const PATH: &'static str = "facts-projects.json";
    fn from_facts(facts: &Facts) -> Self {
        ProjectsFile {
            schema_version: facts.schema_version,
            projects: facts.projects.clone(),
        }
    }
}

impl RecordFile for TargetsFile {
    const PATH: &'static str = "facts-targets.json";
    fn from_facts(facts: &Facts) -> Self {
        TargetsFile {
            schema_version: facts.schema_version,
            targets: facts.targets.clone(),
            comparisons: facts.comparisons.clone(),
        }
    }
}

impl RecordFile for DepartmentsFile {
    const PATH: &'static str = "facts-departments.json";
    fn from_facts(facts: &Facts) -> Self {
        DepartmentsFile {
            schema_version: facts.schema_version,
            departments: facts.departments.clone(),
            lists: facts.lists.clone(),
        }
    }
}

impl DepartmentsFile {
    pub fn department(&self, id: &str) -> Option<&Department> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// The departments named by `ids`, in that order; unknown ids are skipped.
    pub fn departments_of<'a>(&'a self, ids: &'a [String]) -> impl Iterator<Item = &'a Department> {
        ids.iter().filter_map(|id| self.department(id))
    }
}

// A record merged into another keeps its address: its id finds the record it became.
impl FieldsFile {
    pub fn field(&self, id: &str) -> Option<&Field> {
        let found = self.fields.iter().find(|f| f.id == id);
        found.or_else(|| {
            self.fields
                .iter()
                .find(|f| f.merged.iter().any(|m| m == id))
        })
    }
}

impl ProjectsFile {
    pub fn project(&self, id: &str) -> Option<&Project> {
        let found = self.projects.iter().find(|p| p.id == id);
        found.or_else(|| {
            self.projects
                .iter()
                .find(|p| p.merged.iter().any(|m| m == id))
        })
    }
}

impl TargetsFile {
    pub fn target(&self, id: &str) -> Option<&Target> {
        let found = self.targets.iter().find(|t| t.id == id);
        found.or_else(|| {
            self.targets
                .iter()
                .find(|t| t.merged.iter().any(|m| m == id))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SCHEMA_VERSION;

    fn facts() -> Facts {
        serde_json::from_str(&format!(
            r#"{{"schema_version":{SCHEMA_VERSION},"fields":[],"projects":[],"targets":[],
            "themes":[{{"id":"elderly-care","name":"养老","description":"养老服务。","counts":{{"fields":1,"projects":0,"targets":2,"by_override":1}}}}],
            "departments":[{{"id":"d-1","name":"市发展改革委","kind":"agency","aliases":[],"fields":[],"projects":["a.p-1"],"targets":[]}},
                           {{"id":"d-2","name":"市财政局","kind":"agency","aliases":[],"fields":[],"projects":[],"targets":[]}}],
            "lists":[]}}"#
        ))
        .unwrap_or_default()
    }

    #[test]
    fn each_kind_file_holds_only_its_kind() {
        let all = facts();
        let departments = DepartmentsFile::from_facts(&all);
        assert_eq!(departments.departments.len(), 2);
        let json = serde_json::to_string(&TargetsFile::from_facts(&all)).unwrap_or_default();
        assert_eq!(
            json,
            format!(r#"{{"schema_version":{SCHEMA_VERSION},"targets":[],"comparisons":[]}}"#)
        );
    }

    #[test]
    fn the_themes_file_holds_the_taxonomy() {
        let themes = ThemesFile::from_facts(&facts());
        assert_eq!(themes.themes.len(), 1);
        let check = |id: &str, expected: Option<(&str, u32)>| {
            let got = themes
                .theme(id)
                .map(|t| (t.name.as_str(), t.counts.targets));
            assert_eq!(got, expected, "{id}");
        };
        check("elderly-care", Some(("养老", 2)));
        check("nope", None);
        let json = serde_json::to_string(&themes).unwrap_or_default();
        assert!(
            json.starts_with(&format!(
                r#"{{"schema_version":{SCHEMA_VERSION},"themes":[{{"id":"elderly-care""#
            )),
            "{json}"
        );
    }

    #[test]
    fn a_merged_id_finds_the_record_it_became() {
        let file: TargetsFile = serde_json::from_str(&format!(
            r#"{{"schema_version":{SCHEMA_VERSION},"targets":[{{"id":"a.t-2","doc":"a","indicator":"现代服务业比重","unit":"%","category":"","themes":["economy"],"origin":"table","cumulative":false,"qualitative":"",
            "source":{{"doc":"a","section":"s-1","block":"t-1","quote":"q"}},"merged":["a.t-36"]}}]}}"#
        ))
        .unwrap_or_default();
        fn check(file: &TargetsFile, id: &str, expected: Option<&str>) {
            assert_eq!(file.target(id).map(|t| t.id.as_str()), expected, "{id}");
        }
        check(&file, "a.t-2", Some("a.t-2"));
        check(&file, "a.t-36", Some("a.t-2"));
        check(&file, "a.t-3", None);
    }

    #[test]
    fn joins_skip_unknown_ids_and_keep_order() {
        let file = DepartmentsFile::from_facts(&facts());
        let ids = vec!["d-2".to_string(), "nope".to_string(), "d-1".to_string()];
        let names: Vec<&str> = file.departments_of(&ids).map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["市财政局", "市发展改革委"]);
    }
}
