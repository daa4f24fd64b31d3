//! The brute-force answers the fast paths are checked against: every filter of the list
//! pages over all records, the search over every entry, a theme's records. Test code only
//! (this crate's tests, and `bench-data`'s brute-force column, through the `test-oracles`
//! feature): the app and the build answer from the prebuilt files (`lists`,
//! `search_index`), which the tests require to give exactly these answers.

use crate::lists::Listed;
use crate::query::{target_year, Filter};
use crate::search::{hit, rank, score, terms, Entry, Hit, Kind};
use crate::wire::{Department, DocumentMeta, Field, Index, Project, Target};

/// The list pages' filters over every record, as `query::Filter` states them.
pub trait FilterOracle {
    /// The targets that pass every filter set; `dept` is looked up in `departments`.
    fn targets<'a>(
        &self,
        targets: &'a [Target],
        departments: &[Department],
        docs: &[DocumentMeta],
    ) -> Vec<&'a Target>;
    fn projects<'a>(&self, projects: &'a [Project], docs: &[DocumentMeta]) -> Vec<&'a Project>;
    /// The documents that pass the filters the documents list has: region and type (`kind`).
    fn documents<'a>(&self, docs: &'a [DocumentMeta]) -> Vec<&'a DocumentMeta>;
    fn fields<'a>(&self, fields: &'a [Field], docs: &[DocumentMeta]) -> Vec<&'a Field>;
}

impl FilterOracle for Filter {
    /// The targets that pass every filter set; `dept` is looked up in `departments`.
    fn targets<'a>(
        &self,
        targets: &'a [Target],
        departments: &[Department],
        docs: &[DocumentMeta],
    ) -> Vec<&'a Target> {
        targets
            .iter()
            .filter(|t| self.doc.is_empty() || t.doc == self.doc)
            .filter(|t| region_matches(self, &t.doc, docs))
            .filter(|t| theme_matches(self, &t.themes))
            .filter(|t| self.category.is_empty() || t.category == self.category)
            .filter(|t| {
                self.attribute.is_empty()
                    || t.attribute.is_some_and(|a| a.label() == self.attribute)
            })
            .filter(|t| {
                self.year.is_empty() || target_year(t).is_some_and(|y| y.to_string() == self.year)
            })
            .filter(|t| {
                self.dept.is_empty()
                    || departments
                        .iter()
                        .any(|d| d.id == self.dept && d.targets.contains(&t.id))
            })
            .filter(|t| {
                self.status.is_empty()
                    || t.progress
                        .as_ref()
                        .is_some_and(|p| p.status.label() == self.status)
            })
            .filter(|t| text_matches(self, &t.indicator, &t.quotes()))
            .collect()
    }

    fn projects<'a>(&self, projects: &'a [Project], docs: &[DocumentMeta]) -> Vec<&'a Project> {
        projects
            .iter()
            .filter(|p| self.doc.is_empty() || p.doc == self.doc)
            .filter(|p| region_matches(self, &p.doc, docs))
            .filter(|p| theme_matches(self, &p.themes))
            .filter(|p| self.domain.is_empty() || p.domain == self.domain)
            .filter(|p| self.kind.is_empty() || p.kind.label() == self.kind)
            .filter(|p| self.place.is_empty() || p.place == self.place)
            .filter(|p| self.dept.is_empty() || p.departments.contains(&self.dept))
            .filter(|p| text_matches(self, &p.name, &p.quotes()))
            .collect()
    }

    /// The documents that pass the filters the documents list has: region and type (`kind`).
    fn documents<'a>(&self, docs: &'a [DocumentMeta]) -> Vec<&'a DocumentMeta> {
        docs.iter()
            .filter(|d| self.region.is_empty() || d.region == self.region)
            .filter(|d| self.kind.is_empty() || d.kind == self.kind)
            .collect()
    }

    fn fields<'a>(&self, fields: &'a [Field], docs: &[DocumentMeta]) -> Vec<&'a Field> {
        fields
            .iter()
            .filter(|f| self.doc.is_empty() || f.doc == self.doc)
            .filter(|f| region_matches(self, &f.doc, docs))
            .filter(|f| theme_matches(self, &f.themes))
            .filter(|f| self.dept.is_empty() || f.departments.contains(&self.dept))
            .filter(|f| text_matches(self, &f.title, &f.summary))
            .collect()
    }
}

/// The text filter: every term of `q` in the record's name or its text, as the search
/// page matches a record (`search::record_entries` gives the same name and text), so the
/// list pages can answer it from the search index.
fn text_matches(f: &Filter, name: &str, text: &str) -> bool {
    let (name, text) = (crate::search::fold(name), crate::search::fold(text));
    crate::search::terms(&f.q)
        .iter()
        .all(|t| name.contains(t.as_str()) || text.contains(t.as_str()))
}

fn theme_matches(f: &Filter, themes: &[String]) -> bool {
    f.theme.is_empty() || themes.contains(&f.theme)
}

fn region_matches(f: &Filter, doc: &str, docs: &[DocumentMeta]) -> bool {
    f.region.is_empty() || docs.iter().any(|d| d.id == doc && d.region == f.region)
}

/// The brute-force filter of a list kind over its records.
pub trait ListOracle: Listed {
    fn filter<'a>(
        f: &Filter,
        records: &'a [Self],
        departments: &[Department],
        index: &Index,
    ) -> Vec<&'a Self>;
}

impl ListOracle for DocumentMeta {
    fn filter<'a>(f: &Filter, r: &'a [Self], _: &[Department], _: &Index) -> Vec<&'a Self> {
        f.documents(r)
    }
}

impl ListOracle for Field {
    fn filter<'a>(f: &Filter, r: &'a [Self], _: &[Department], index: &Index) -> Vec<&'a Self> {
        f.fields(r, &index.documents)
    }
}

impl ListOracle for Project {
    fn filter<'a>(f: &Filter, r: &'a [Self], _: &[Department], index: &Index) -> Vec<&'a Self> {
        f.projects(r, &index.documents)
    }
}

impl ListOracle for Target {
    fn filter<'a>(f: &Filter, r: &'a [Self], d: &[Department], index: &Index) -> Vec<&'a Self> {
        f.targets(r, d, &index.documents)
    }
}

/// One kind's hits of the brute-force search.
#[derive(Debug, Clone, PartialEq)]
pub struct Group<'a> {
    pub kind: Kind,
    /// All matches in this group, before the display cap.
    pub total: usize,
    pub hits: Vec<Hit<'a>>,
}

/// Every entry that contains all terms (in its title or text), ranked: title matches first,
/// then more occurrences, then document order. At most `per_group` hits per kind.
pub fn search<'a>(entries: &'a [Entry], query: &str, per_group: usize) -> Vec<Group<'a>> {
    let terms = terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    // Score every match first; snippets and highlights are built only for the hits shown.
    let mut scored: Vec<(Kind, u32, &'a Entry)> = Vec::new();
    for e in entries {
        let all = terms
            .iter()
            .all(|t| e.folded_title.contains(t.as_str()) || e.folded_text.contains(t.as_str()));
        if !all {
            continue;
        }
        let in_title = terms
            .iter()
            .filter(|t| e.folded_title.contains(t.as_str()))
            .count();
        let occurrences: usize = terms
            .iter()
            .map(|t| e.folded_text.matches(t.as_str()).count())
            .sum();
        scored.push((e.kind, score(in_title, occurrences), e));
    }
    rank(scored, per_group)
        .into_iter()
        .map(|g| Group {
            kind: g.kind,
            total: g.total,
            hits: g
                .hits
                .into_iter()
                .map(|(e, score)| hit(e, score, &terms))
                .collect(),
        })
        .collect()
}

/// What a theme page shows: the theme's records across documents, the documents they come
/// from and the departments responsible, each with a count.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRecords<'a> {
    pub fields: Vec<&'a Field>,
    pub projects: Vec<&'a Project>,
    pub targets: Vec<&'a Target>,
    /// `(document id, short title, records of this theme)`, in index order.
    pub documents: Vec<(String, String, usize)>,
    /// Departments responsible for any of the theme's records, with how many; most first.
    pub departments: Vec<(&'a Department, usize)>,
}

pub fn theme_records<'a>(
    theme: &str,
    fields: &'a [Field],
    projects: &'a [Project],
    targets: &'a [Target],
    departments: &'a [Department],
    index: &Index,
) -> ThemeRecords<'a> {
    let has = |themes: &[String]| themes.iter().any(|t| t == theme);
    let fields: Vec<&Field> = fields.iter().filter(|f| has(&f.themes)).collect();
    let projects: Vec<&Project> = projects.iter().filter(|p| has(&p.themes)).collect();
    let targets: Vec<&Target> =
        crate::view::in_list_order(targets.iter().filter(|t| has(&t.themes)).collect(), index);
    let documents = index
        .documents
        .iter()
        .map(|d| {
            let n = fields.iter().filter(|f| f.doc == d.id).count()
                + projects.iter().filter(|p| p.doc == d.id).count()
                + targets.iter().filter(|t| t.doc == d.id).count();
            (d.id.clone(), d.short_title.clone(), n)
        })
        .filter(|(_, _, n)| *n > 0)
        .collect();
    let ids: std::collections::HashSet<&str> = fields
        .iter()
        .map(|f| f.id.as_str())
        .chain(projects.iter().map(|p| p.id.as_str()))
        .chain(targets.iter().map(|t| t.id.as_str()))
        .collect();
    let mut responsible: Vec<(&Department, usize)> = departments
        .iter()
        .map(|d| {
            let n = d
                .fields
                .iter()
                .chain(&d.projects)
                .chain(&d.targets)
                .filter(|id| ids.contains(id.as_str()))
                .count();
            (d, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    // Stable: the departments file's own order among equal counts.
    responsible.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    ThemeRecords {
        fields,
        projects,
        targets,
        documents,
        departments: responsible,
    }
}
