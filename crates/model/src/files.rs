//! The data files the app fetches, by path under `data/`, and their typed contents (the
//! record lists are in `lists`, the search index in `search_index`).

use crate::wire::{
    Comparison, DepartmentSummary, DocumentMeta, Facts, Field, Index, PartSpan, Project,
    RecordCounts, Reported, Target, Theme, ThemeDepartment,
};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// `data/facts.json`: every record in one file, offered as a download.
pub const ALL_FACTS: &str = "facts.json";
/// `data/results.csv`: every reported result (实际值) as CSV (`csv::results_csv`), written
/// at build time and offered as a download; not JSON, and not read by the app.
pub const RESULTS_CSV: &str = "results.csv";
/// `data/documents.json`: every document's metadata in full (with where each comes from:
/// source lines, gazette issue), offered as a download. The app fetches no list of every
/// document: a page reads what it shows of them from its list's index (short titles),
/// the documents list (`lists/documents/`), or one document's [`DocMetaFile`].
pub const ALL_DOCUMENTS: &str = "documents.json";

/// What the app shows of a document: its metadata without the source lines and gazette
/// issue (those are in [`ALL_DOCUMENTS`]) and without the part list of a document in one
/// file ([`DocumentMeta::part_files`] gives it back).
pub fn app_meta(full: &DocumentMeta) -> DocumentMeta {
    let mut d = full.clone();
    d.sources.clear();
    d.gazette = None;
    if d.is_single_file() {
        d.parts.clear();
    }
    d
}

/// `data/meta/<id>.json`: one document's metadata, for its reader's header and the pages of
/// its records (title, issuer, 文号, date, counts, parts).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocMetaFile {
    pub schema_version: u32,
    pub document: DocumentMeta,
}

impl DocMetaFile {
    /// The file of one document's metadata; fetched only for an id its [`DocBucket`] names.
    pub fn path(doc: &str) -> String {
        format!("meta/{doc}.json")
    }

    pub fn of(full: &DocumentMeta) -> Self {
        DocMetaFile {
            schema_version: crate::SCHEMA_VERSION,
            document: app_meta(full),
        }
    }
}

/// How many [`DocBucket`] files the document ids are spread over. Fixed, so that the app
/// finds the bucket of an id without asking: at 1 000 documents each holds about 60 ids.
pub const DOC_BUCKETS: u32 = 16;

/// The bucket of a document id: FNV-1a of its bytes, modulo [`DOC_BUCKETS`].
pub fn bucket_of(id: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h % DOC_BUCKETS
}

/// `data/ids/<n>.json`: the ids of the documents in bucket `n` (every bucket has a file,
/// empty or not), and for a document in several files its parts. Before a page fetches
/// anything of a document named in its address it reads the id's bucket: an unknown id is
/// answered there, and never turns into a request for a file that does not exist.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocBucket {
    pub schema_version: u32,
    pub docs: Vec<DocEntry>,
}

/// A document in its bucket.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocEntry {
    pub id: String,
    /// The parts of a document in several files (empty for one in `<id>.json`), so that the
    /// reader fetches the part it shows alongside the metadata.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartSpan>,
}

impl DocEntry {
    /// The files of the document's text ([`DocumentMeta::part_files`]).
    pub fn part_files(&self) -> Vec<PartSpan> {
        DocumentMeta {
            id: self.id.clone(),
            parts: self.parts.clone(),
            ..DocumentMeta::default()
        }
        .part_files()
    }
}

impl DocBucket {
    /// `ids/<n>.json`.
    pub fn path(n: u32) -> String {
        format!("ids/{n}.json")
    }

    /// The bucket file to read for a document id from an address: None for an id that is
    /// not safe in a path (it cannot be a document's).
    pub fn path_of(id: &str) -> Option<String> {
        crate::is_safe_id(id).then(|| Self::path(bucket_of(id)))
    }

    /// Every bucket, in order, from every document.
    pub fn all(index: &Index) -> Vec<DocBucket> {
        let mut buckets: Vec<DocBucket> = (0..DOC_BUCKETS)
            .map(|_| DocBucket {
                schema_version: crate::SCHEMA_VERSION,
                docs: Vec::new(),
            })
            .collect();
        for d in &index.documents {
            if let Some(b) = buckets.get_mut(bucket_of(&d.id) as usize) {
                b.docs.push(DocEntry {
                    id: d.id.clone(),
                    parts: app_meta(d).parts,
                });
            }
        }
        buckets
    }

    /// The document with this id, if the library has it.
    pub fn entry(&self, id: &str) -> Option<&DocEntry> {
        self.docs.iter().find(|d| d.id == id)
    }
}

/// What a page shows of a document it names without opening it: the short title and the
/// region (a comparison's rows).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocName {
    pub id: String,
    pub short_title: String,
    pub region: String,
}

impl DocName {
    pub fn of(d: &DocumentMeta) -> Self {
        DocName {
            id: d.id.clone(),
            short_title: d.short_title.clone(),
            region: d.region.clone(),
        }
    }

    /// Every document's name (native: the tests and the build).
    pub fn all(index: &Index) -> Vec<DocName> {
        index.documents.iter().map(DocName::of).collect()
    }
}

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
    /// The comparisons of its targets with other documents' targets.
    pub compared: Compared,
    /// The results the document itself reports (实际值), linked to a target or not, for
    /// its reader. The results that measure its targets travel with them
    /// (`Target::progress`), whichever document reports them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<Reported>,
}

impl DocRecordsFile {
    /// The file of one document's records; ids are checked safe before they reach a path.
    pub fn path(doc: &str) -> String {
        format!("records/{doc}.json")
    }

    pub fn of(facts: &Facts, index: &Index, doc: &str) -> Self {
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
            compared: Compared::of(facts, index, doc),
            results: facts
                .results
                .iter()
                .filter(|r| r.doc == doc)
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

    /// One of the results the document reports.
    pub fn result(&self, id: &str) -> Option<&Reported> {
        self.results.iter().find(|r| r.id == id)
    }

    /// The record a retired id was merged into, of any kind, with that record's kind: a
    /// zone's project retired into the key field of its layout, a deadline target into its
    /// task. `None` for an id that is not a merged one.
    pub fn became(&self, id: &str) -> Option<(crate::search::Kind, &str)> {
        use crate::search::Kind;
        let has = |merged: &[String]| merged.iter().any(|m| m == id);
        let field = self.fields.iter().find(|f| has(&f.merged));
        let project = self.projects.iter().find(|p| has(&p.merged));
        let target = self.targets.iter().find(|t| has(&t.merged));
        field
            .map(|f| (Kind::Field, f.id.as_str()))
            .or(project.map(|p| (Kind::Project, p.id.as_str())))
            .or(target.map(|t| (Kind::Target, t.id.as_str())))
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

/// The curated comparisons that compare one of a document's targets, with every target
/// they compare and the names of those targets' documents: what the document's target
/// pages show, shipped in its records file, so a target page waits for no file that grows
/// with the library.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    pub comparisons: Vec<Comparison>,
    pub targets: Vec<Target>,
    /// The documents of `targets`, in the order of `documents.json`.
    pub documents: Vec<DocName>,
}

impl Compared {
    pub fn of(facts: &Facts, index: &Index, doc: &str) -> Self {
        // Linear in the library for each document (the build writes a file per document).
        let of_doc: HashSet<&str> = facts
            .targets
            .iter()
            .filter(|t| t.doc == doc)
            .map(|t| t.id.as_str())
            .collect();
        let comparisons: Vec<Comparison> = facts
            .comparisons
            .iter()
            .filter(|c| c.members.iter().any(|m| of_doc.contains(m.as_str())))
            .cloned()
            .collect();
        if comparisons.is_empty() {
            return Compared::default();
        }
        let members: HashSet<&str> = comparisons
            .iter()
            .flat_map(|c| c.members.iter().map(String::as_str))
            .collect();
        let targets: Vec<Target> = facts
            .targets
            .iter()
            .filter(|t| members.contains(t.id.as_str()))
            .cloned()
            .collect();
        let documents = index
            .documents
            .iter()
            .filter(|d| targets.iter().any(|t| t.doc == d.id))
            .map(DocName::of)
            .collect();
        Compared {
            comparisons,
            targets,
            documents,
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

/// `data/facts-departments.json`: the departments with their counts (their records are
/// found through the lists' member files).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DepartmentsFile {
    pub schema_version: u32,
    pub departments: Vec<DepartmentSummary>,
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
            "source":{{"doc":"a","section":"s-1","block":"t-1","quote":"q"}},"merged":["a.t-36"]}}],"compared":{{"comparisons":[],"targets":[],"documents":[]}}}}"#
        ))
        .unwrap_or_default();
        fn check(file: &DocRecordsFile, id: &str, expected: Option<&str>) {
            assert_eq!(file.target(id).map(|t| t.id.as_str()), expected, "{id}");
        }
        check(&file, "a.t-2", Some("a.t-2"));
        check(&file, "a.t-36", Some("a.t-2"));
        check(&file, "a.t-3", None);
        assert_eq!(
            file.became("a.t-36"),
            Some((crate::search::Kind::Target, "a.t-2"))
        );
        assert_eq!(file.became("a.t-2"), None);
    }

    #[test]
    fn a_project_merged_into_a_field_finds_the_field() {
        let file: DocRecordsFile = serde_json::from_str(&format!(
            r#"{{"schema_version":{SCHEMA_VERSION},"doc":"a","fields":[{{"id":"a.f-22","doc":"a","title":"东部高端产业集聚区","label":"东部","summary":"","themes":["economy"],"departments":[],
            "source":{{"doc":"a","section":"s-1","block":"p-1","quote":"q"}},"merged":["a.p-205"]}}],"projects":[],"targets":[],"compared":{{"comparisons":[],"targets":[],"documents":[]}}}}"#
        ))
        .unwrap_or_default();
        assert_eq!(file.project("a.p-205"), None);
        assert_eq!(
            file.became("a.p-205"),
            Some((crate::search::Kind::Field, "a.f-22"))
        );
    }

    fn two_documents() -> Index {
        use crate::wire::PartSpan;
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
        full
    }

    #[test]
    fn the_app_metadata_leaves_out_only_what_it_can_rebuild() {
        let full = two_documents();
        let a = app_meta(&full.documents[0]);
        assert!(a.parts.is_empty() && a.sources.is_empty());
        assert_eq!(a.part_files()[0].file, "a.json");
        assert_eq!(crate::parts::part_for_anchor(&a.part_files(), "p-999"), 0);
        assert_eq!(
            app_meta(&full.documents[1]).part_files(),
            full.documents[1].parts
        );
        assert_eq!(DocMetaFile::path("a"), "meta/a.json");
    }

    #[test]
    fn every_document_is_in_the_bucket_of_its_id_and_nothing_else_is() {
        let full = two_documents();
        let buckets = DocBucket::all(&full);
        assert_eq!(buckets.len(), DOC_BUCKETS as usize);
        let find = |id: &str| -> Option<&DocEntry> {
            let path = DocBucket::path_of(id)?;
            let n: usize = path
                .trim_start_matches("ids/")
                .trim_end_matches(".json")
                .parse()
                .ok()?;
            buckets[n].entry(id)
        };
        // Known ids are found where the app looks, with the parts the reader chooses from.
        assert_eq!(
            find("a").map(|e| e.part_files()[0].file.clone()),
            Some("a.json".into())
        );
        assert_eq!(
            find("b").map(|e| e.part_files()),
            Some(full.documents[1].parts.clone())
        );
        // Unknown ids are answered by their bucket (a file that exists); hostile ones never
        // name a file at all.
        assert_eq!(find("c"), None);
        assert_eq!(find("a.t-1"), None);
        for hostile in [
            "",
            "../a",
            "a/../../etc",
            "<script>",
            "a b",
            &"x".repeat(81),
        ] {
            assert_eq!(DocBucket::path_of(hostile), None, "{hostile:?}");
        }
        // The hash is fixed: the bucket files written by the build are the ones the app reads.
        assert_eq!(bucket_of(""), 0x811c_9dc5 % DOC_BUCKETS);
        assert_eq!(bucket_of("a"), 0xe40c_292c % DOC_BUCKETS);
        let total: usize = buckets.iter().map(|b| b.docs.len()).sum();
        assert_eq!(total, 2);
    }

    #[test]
    fn joins_skip_unknown_ids_and_keep_order() {
        let file = DepartmentsFile::from_facts(&facts());
        let ids = vec!["d-2".to_string(), "nope".to_string(), "d-1".to_string()];
        let names: Vec<&str> = file.departments_of(&ids).map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["市财政局", "市发展改革委"]);
    }
}
