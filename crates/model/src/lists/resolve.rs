//! The app's side: a list index assembled from its files, and a filter answered from it.

use super::*;

impl ListIndex {
    /// The index of `file`, its runs named by `names` (a record kind's); the documents'
    /// own list has no runs and needs no names. An error when the two files do not
    /// describe the same documents (say, one of them is from another build).
    pub fn assemble(file: &ListIndexFile, names: Option<&DocNames>) -> Result<Self, String> {
        let mismatch = || "列表索引与文件名单不一致".to_string();
        let mut docs = Vec::new();
        if let Some(names) = names {
            if file.counts.len() != names.docs.len()
                || !(file.years.is_empty() || file.years.len() == names.docs.len())
            {
                return Err(mismatch());
            }
            let mut start = 0u32;
            for (i, (DocName(doc, title, region), &count)) in
                names.docs.iter().zip(&file.counts).enumerate()
            {
                let region = names.regions.get(*region as usize).ok_or_else(mismatch)?;
                docs.push(DocSpan {
                    doc: doc.clone(),
                    title: title.clone(),
                    region: region.clone(),
                    start,
                    count,
                    years: file.years.get(i).cloned().unwrap_or_default(),
                });
                start = start.checked_add(count).ok_or_else(mismatch)?;
            }
            if start != file.total {
                return Err(mismatch());
            }
        }
        Ok(ListIndex {
            total: file.total,
            chunk: file.chunk,
            docs,
            facets: file.facets.clone(),
        })
    }

    /// The index file of this index (its documents' names go to [`DocNames`]).
    pub fn to_file(&self) -> ListIndexFile {
        let years = if self.docs.iter().any(|d| !d.years.is_empty()) {
            self.docs.iter().map(|d| d.years.clone()).collect()
        } else {
            Vec::new()
        };
        ListIndexFile {
            schema_version: crate::SCHEMA_VERSION,
            total: self.total,
            chunk: self.chunk,
            counts: self.docs.iter().map(|d| d.count).collect(),
            years,
            facets: self.facets.clone(),
        }
    }

    pub fn facet(&self, key: &str) -> Option<&Facet> {
        self.facets.iter().find(|f| f.key == key)
    }

    /// The options of filter `key`: `(value, label)`.
    pub fn options(&self, key: &str) -> Vec<(String, String)> {
        self.facet(key)
            .map(|f| {
                f.values
                    .iter()
                    .map(|v| (v.value.clone(), v.label().to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The member files the filters set in `f` need, or None when a filter names a value no
    /// record of this kind has (nothing can match: no file is worth fetching).
    pub fn member_files(&self, kind: ListKind, f: &Filter) -> Option<Vec<String>> {
        let mut out = Vec::new();
        for &key in kind.facet_keys() {
            let wanted = f.get(key);
            if wanted.is_empty() {
                continue;
            }
            let n = self
                .facet(key)?
                .values
                .iter()
                .position(|v| v.value == wanted)?;
            out.push(kind.member_file(key, n));
        }
        Some(out)
    }

    /// The ordinals that pass every filter of `f`, ascending. `members` holds (at least)
    /// the files [`Self::member_files`] named, by path; `text` the ordinals matching `f.q`
    /// (None when the query has no terms).
    pub fn resolve(
        &self,
        kind: ListKind,
        f: &Filter,
        members: &BTreeMap<String, std::sync::Arc<Members>>,
        text: Option<&[u32]>,
    ) -> Vec<u32> {
        let Some(files) = self.member_files(kind, f) else {
            return Vec::new();
        };
        if !kind.has_doc_runs() {
            return self.resolve_members(&files, members);
        }
        let spans: Vec<&DocSpan> = self
            .docs
            .iter()
            .filter(|s| f.doc.is_empty() || s.doc == f.doc)
            .filter(|s| f.region.is_empty() || s.region == f.region)
            .collect();
        let mut sets: Vec<Vec<u32>> = Vec::new();
        for file in &files {
            match members.get(file) {
                Some(m) => sets.push(m.ordinals(self.total)),
                None => return Vec::new(),
            }
        }
        if let Some(t) = text {
            sets.push(t.to_vec());
        }
        sets.sort_by_key(|s| s.len());
        // Spans are in list order: the one that could hold `o` is found by bisection.
        let in_spans = |o: u32| {
            let i = spans.partition_point(|s| s.start + s.count <= o);
            spans.get(i).is_some_and(|s| o >= s.start)
        };
        let mut out: Vec<u32> = match sets.first() {
            Some(first) => first.iter().copied().filter(|&o| in_spans(o)).collect(),
            None => spans
                .iter()
                .flat_map(|s| s.start..s.start + s.count)
                .collect(),
        };
        for s in sets.iter().skip(1) {
            out.retain(|o| s.binary_search(o).is_ok());
        }
        out.sort();
        out.dedup();
        out
    }

    /// A list without document runs (the documents'): the ordinals in every member file
    /// named, or all of them when none is.
    fn resolve_members(
        &self,
        files: &[String],
        members: &BTreeMap<String, std::sync::Arc<Members>>,
    ) -> Vec<u32> {
        let mut out: Option<Vec<u32>> = None;
        for file in files {
            let Some(m) = members.get(file) else {
                return Vec::new();
            };
            let set = m.ordinals(self.total);
            out = Some(match out {
                None => set,
                Some(mut o) => {
                    o.retain(|x| set.binary_search(x).is_ok());
                    o
                }
            });
        }
        let mut out = out.unwrap_or_else(|| (0..self.total).collect());
        out.sort();
        out.dedup();
        out
    }

    /// The span of one document.
    pub fn doc(&self, doc: &str) -> Option<&DocSpan> {
        self.docs.iter().find(|s| s.doc == doc)
    }

    /// The short title of a document, empty for one the list does not name.
    pub fn short_title(&self, doc: &str) -> String {
        self.doc(doc).map(|s| s.title.clone()).unwrap_or_default()
    }

    /// The document filter's options, `(id, short title)`: every document, in list order.
    pub fn doc_options(&self) -> Vec<(String, String)> {
        self.docs
            .iter()
            .map(|s| (s.doc.clone(), s.title.clone()))
            .collect()
    }

    /// The region filter's options: each region once, in the order documents first name it.
    pub fn region_options(&self) -> Vec<String> {
        crate::query::distinct(self.docs.iter(), |s| s.region.as_str())
    }

    /// Which document holds ordinal `o`.
    pub fn doc_of(&self, o: u32) -> Option<&DocSpan> {
        let i = self.docs.partition_point(|s| s.start + s.count <= o);
        self.docs.get(i).filter(|s| o >= s.start)
    }
}
