//! The data files the app fetches, by path under `data/`, and their typed contents (the
//! record lists are in `lists`, the search index in `search_index`).

use crate::wire::{
    Comparison, DepartmentSummary, Facts, Field, Project, RecordCounts, Target, Theme,
    ThemeDepartment,
};
use serde::{Deserialize, Serialize};

/// `data/index.json`: the documents and their counts.
pub const INDEX: &str = "index.json";
/// `data/facts.json`: every record in one file, offered as a download.
pub const ALL_FACTS: &str = "facts.json";
/// `data/documents.json`: every document's metadata in full (`index.json` plus where each
/// comes from: source lines, gazette issue), offered as a download.
pub const ALL_DOCUMENTS: &str = "documents.json";

/// The index the app fetches on every page: what it shows of each document, without the
/// source lines and gazette issue (those are in [`ALL_DOCUMENTS`]) and without the part
/// list of a document in one file, so it stays small as the library grows.
pub fn app_index(full: &crate::wire::Index) -> crate::wire::Index {
    let mut index = full.clone();
    for d in &mut index.documents {
        d.sources.clear();
        d.gazette = None;
        if d.is_single_file() {
            d.parts.clear();
        }
    }
    index
}

/// The file of one part of a document's text (`DocumentMeta::parts[k].file`).
pub fn document_part(file: &str) -> String {
    format!("doc/{file}")
}

/// `data/records/<doc>.json`: one document's fields, projects and targets, for its reader
/// (the marks beside paragraphs and the document's charts) without the whole library.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
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

// A record merged into another keeps its address: its id finds the record it became.
impl DocRecordsFile {
    pub fn field(&self, id: &str) -> Option<&Field> {
        find_or_merged(&self.fields, id, |f| (&f.id, &f.merged))
    }

    pub fn project(&self, id: &str) -> Option<&Project> {
        find_or_merged(&self.projects, id, |p| (&p.id, &p.merged))
    }

    pub fn target(&self, id: &str) -> Option<&Target> {
        find_or_merged(&self.targets, id, |t| (&t.id, &t.merged))
    }
}

fn find_or_merged<'a, R>(
    records: &'a [R],
    id: &str,
    ids: impl Fn(&R) -> (&String, &Vec<String>),
) -> Option<&'a R> {
    records
        .iter()
        .find(|r| ids(r).0 == id)
        .or_else(|| records.iter().find(|r| ids(r).1.iter().any(|m| m == id)))
}

/// `data/comparisons.json`: the curated comparisons of targets across documents, with the
/// targets they compare (a target page shows its comparison without the other documents'
/// records).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
pub struct ComparisonsFile {
    pub schema_version: u32,
    pub comparisons: Vec<Comparison>,
    pub targets: Vec<Target>,
}

impl RecordFile for ComparisonsFile {
    const PATH: &'static str = "comparisons.json";
    fn from_facts(facts: &Facts) -> Self {
        let compared = |t: &&Target| facts.comparisons.iter().any(|c| c.members.contains(&t.id));
        ComparisonsFile {
            schema_version: facts.schema_version,
            comparisons: facts.comparisons.clone(),
            targets: facts.targets.iter().filter(compared).cloned().collect(),
        }
    }
}

/// A file of records of one kind.
pub trait RecordFile:
    serde::de::DeserializeOwned + crate::json::FromJson + Serialize + 'static
{
    /// Path under `data/`.
    const PATH: &'static str;
    /// The records of this kind out of all of them.
    fn from_facts(facts: &Facts) -> Self;
}

/// `data/facts-departments.json`: the departments with their counts (their records are
/// found through the lists' member files).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
pub struct DepartmentsFile {
    pub schema_version: u32,
    pub departments: Vec<DepartmentSummary>,
}

/// `data/themes.json`: the fixed taxonomy of resident themes (主题), each with how many
/// records of each kind it gathers. Small: the home page can offer the themes from it
/// without fetching any records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::json::FromJson)]
pub struct ThemesFile {
    pub schema_version: u32,
    pub themes: Vec<Theme>,
}

impl RecordFile for ThemesFile {
    const PATH: &'static str = "themes.json";
    fn from_facts(facts: &Facts) -> Self {
        let themes = facts
            .themes
            .iter()
            .map(|t| Theme {
                departments: theme_departments(facts, &t.id),
                ..t.clone()
            })
            .collect();
        ThemesFile {
            schema_version: facts.schema_version,
            themes,
        }
    }
}

/// The departments responsible for a theme's records, most first (ties in the departments'
/// order), as the theme page lists them.
fn theme_departments(facts: &Facts, theme: &str) -> Vec<ThemeDepartment> {
    let has = |themes: &[String]| themes.iter().any(|t| t == theme);
    let ids: std::collections::HashSet<&str> = facts
        .fields
        .iter()
        .filter(|f| has(&f.themes))
        .map(|f| f.id.as_str())
        .chain(
            facts
                .projects
                .iter()
                .filter(|p| has(&p.themes))
                .map(|p| p.id.as_str()),
        )
        .chain(
            facts
                .targets
                .iter()
                .filter(|t| has(&t.themes))
                .map(|t| t.id.as_str()),
        )
        .collect();
    let mut out: Vec<ThemeDepartment> = facts
        .departments
        .iter()
        .map(|d| ThemeDepartment {
            id: d.id.clone(),
            name: d.name.clone(),
            count: d
                .fields
                .iter()
                .chain(&d.projects)
                .chain(&d.targets)
                .filter(|id| ids.contains(id.as_str()))
                .count() as u32,
        })
        .filter(|d| d.count > 0)
        .collect();
    out.sort_by_key(|d| std::cmp::Reverse(d.count));
    out
}

impl ThemesFile {
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
}

impl RecordFile for DepartmentsFile {
    const PATH: &'static str = "facts-departments.json";
    fn from_facts(facts: &Facts) -> Self {
        DepartmentsFile {
            schema_version: facts.schema_version,
            departments: facts
                .departments
                .iter()
                .map(|d| DepartmentSummary {
                    id: d.id.clone(),
                    name: d.name.clone(),
                    kind: d.kind,
                    aliases: d.aliases.clone(),
                    counts: RecordCounts {
                        fields: d.fields.len() as u32,
                        projects: d.projects.len() as u32,
                        targets: d.targets.len() as u32,
                    },
                })
                .collect(),
        }
    }
}

impl DepartmentsFile {
    pub fn department(&self, id: &str) -> Option<&DepartmentSummary> {
        self.departments.iter().find(|d| d.id == id)
    }

    /// The departments named by `ids`, in that order; unknown ids are skipped.
    pub fn departments_of<'a>(
        &'a self,
        ids: &'a [String],
    ) -> impl Iterator<Item = &'a DepartmentSummary> {
        ids.iter().filter_map(|id| self.department(id))
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
    fn the_departments_file_holds_counts_not_record_ids() {
        let departments = DepartmentsFile::from_facts(&facts());
        let counts: Vec<(&str, u32)> = departments
            .departments
            .iter()
            .map(|d| (d.id.as_str(), d.counts.projects))
            .collect();
        assert_eq!(counts, [("d-1", 1), ("d-2", 0)]);
        let json = serde_json::to_string(&departments).unwrap_or_default();
        assert!(!json.contains("a.p-1"), "{json}");
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
        let file: DocRecordsFile = serde_json::from_str(&format!(
            r#"{{"schema_version":{SCHEMA_VERSION},"doc":"a","fields":[],"projects":[],"targets":[{{"id":"a.t-2","doc":"a","indicator":"现代服务业比重","unit":"%","category":"","themes":["economy"],"origin":"table","cumulative":false,"qualitative":"",
            "source":{{"doc":"a","section":"s-1","block":"t-1","quote":"q"}},"merged":["a.t-36"]}}]}}"#
        ))
        .unwrap_or_default();
        fn check(file: &DocRecordsFile, id: &str, expected: Option<&str>) {
            assert_eq!(file.target(id).map(|t| t.id.as_str()), expected, "{id}");
        }
        check(&file, "a.t-2", Some("a.t-2"));
        check(&file, "a.t-36", Some("a.t-2"));
        check(&file, "a.t-3", None);
    }

    #[test]
    fn the_app_index_leaves_out_only_what_it_can_rebuild() {
        use crate::wire::{Index, PartSpan};
        let part = |file: &str, first: &str| PartSpan {
            file: file.into(),
            first_anchor: first.into(),
            title: "一、总体".into(),
            last_section: 9,
            last_paragraph: 40,
            last_table: 1,
        };
        let Ok(mut full) = serde_json::from_str::<Index>(&format!(
            r#"{{"schema_version":{SCHEMA_VERSION},"documents":[
            {{"id":"a","title":"甲","short_title":"甲","issuer":"","doc_number":"","date":"","region":"济南市","kind":"","sources":[{{"file":"001.txt","first_line":1,"last_line":9}}],"counts":{{"sections":1,"paragraphs":1,"table_rows":0,"chars":10,"fields":0,"projects":0,"targets":0}},"parts":[]}},
            {{"id":"b","title":"乙","short_title":"乙","issuer":"","doc_number":"","date":"","region":"济南市","kind":"","sources":[],"counts":{{"sections":1,"paragraphs":1,"table_rows":0,"chars":10,"fields":0,"projects":0,"targets":0}},"parts":[]}}]}}"#
        )) else {
            panic!("the test index parses");
        };
        full.documents[0].parts = vec![part("a.json", "s-0")];
        full.documents[1].parts = vec![part("b.json", "s-0"), part("b.2.json", "s-10")];
        let app = app_index(&full);
        assert!(app.documents[0].parts.is_empty() && app.documents[0].sources.is_empty());
        assert_eq!(app.documents[0].part_files()[0].file, "a.json");
        assert_eq!(
            crate::parts::part_for_anchor(&app.documents[0].part_files(), "p-999"),
            0
        );
        assert_eq!(app.documents[1].part_files(), full.documents[1].parts);
    }

    #[test]
    fn joins_skip_unknown_ids_and_keep_order() {
        let file = DepartmentsFile::from_facts(&facts());
        let ids = vec!["d-2".to_string(), "nope".to_string(), "d-1".to_string()];
        let names: Vec<&str> = file.departments_of(&ids).map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["市财政局", "市发展改革委"]);
    }
}
