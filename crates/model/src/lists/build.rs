//! The builder: one kind's list files from every record.

use super::*;

/// The files of one kind's list, built from every record.
#[derive(Debug, Clone)]
pub struct Built<R> {
    pub index: ListIndex,
    pub chunks: Vec<Chunk<R>>,
    /// `(path, members)`.
    pub members: Vec<(String, Members)>,
}

/// Builds one kind's list files. `labels` names ids shown in facets (themes, departments).
pub fn build<R: Listed>(facts: &Facts, index: &Index) -> Built<R> {
    let records = R::in_order(facts, index);
    let mut depts: HashMap<&str, Vec<&str>> = HashMap::new();
    for d in &facts.departments {
        for t in &d.targets {
            depts.entry(t.as_str()).or_default().push(d.id.as_str());
        }
    }
    let docs = doc_spans(&records, index, &depts);
    let (facets, members) = facets_of(&records, facts, &depts);
    let chunks = records
        .chunks(CHUNK as usize)
        .enumerate()
        .map(|(c, rs)| Chunk {
            schema_version: crate::SCHEMA_VERSION,
            start: c as u32 * CHUNK,
            records: rs.to_vec(),
        })
        .collect();
    Built {
        index: ListIndex {
            total: records.len() as u32,
            chunk: CHUNK,
            docs,
            facets,
        },
        chunks,
        members,
    }
}

/// Every document's run of records in `records` (in document order), with the years of its
/// targets; none for the documents' own list.
fn doc_spans<R: Listed>(
    records: &[R],
    index: &Index,
    depts: &HashMap<&str, Vec<&str>>,
) -> Vec<DocSpan> {
    let mut docs: Vec<DocSpan> = Vec::new();
    if R::KIND.has_doc_runs() {
        let mut at = 0usize;
        for d in &index.documents {
            let start = at;
            while records.get(at).is_some_and(|r| r.doc() == d.id) {
                at += 1;
            }
            docs.push(DocSpan {
                doc: d.id.clone(),
                title: d.short_title.clone(),
                region: d.region.clone(),
                start: start as u32,
                count: (at - start) as u32,
                years: Vec::new(),
            });
        }
    }
    if R::KIND == ListKind::Targets {
        for span in &mut docs {
            let mut years: BTreeMap<u32, u32> = BTreeMap::new();
            let span_records = records.get(span.start as usize..(span.start + span.count) as usize);
            for r in span_records.unwrap_or_default() {
                for y in r.values("year", depts) {
                    if let Ok(y) = y.parse::<u32>() {
                        *years.entry(y).or_default() += 1;
                    }
                }
            }
            span.years = years.into_iter().map(|(y, n)| [y, n]).collect();
        }
    }
    docs
}

/// The facets of `records` (an option per value, with its label and count) and each
/// option's member file.
fn facets_of<R: Listed>(
    records: &[R],
    facts: &Facts,
    depts: &HashMap<&str, Vec<&str>>,
) -> (Vec<Facet>, Vec<(String, Members)>) {
    let label_of = |key: &str, value: &str| -> String {
        match key {
            "theme" => facts
                .themes
                .iter()
                .find(|t| t.id == value)
                .map(|t| t.name.clone())
                .unwrap_or_default(),
            "dept" => facts
                .departments
                .iter()
                .find(|d| d.id == value)
                .map(|d| d.name.clone())
                .unwrap_or_default(),
            _ => String::new(),
        }
    };
    let mut facets = Vec::new();
    let mut members = Vec::new();
    for &key in R::KIND.facet_keys() {
        let mut by_value: Vec<(String, Vec<u32>)> = Vec::new();
        for (i, r) in records.iter().enumerate() {
            for v in r.values(key, depts) {
                match by_value.iter_mut().find(|(value, _)| *value == v) {
                    Some((_, list)) => list.push(i as u32),
                    None => by_value.push((v, vec![i as u32])),
                }
            }
        }
        // Options in a stable, meaningful order: themes and departments as their files
        // list them, years ascending, other values in list order.
        let rank = |v: &str| -> usize {
            match key {
                "theme" => facts.themes.iter().position(|t| t.id == v),
                "dept" => facts.departments.iter().position(|d| d.id == v),
                "year" => v.parse::<usize>().ok(),
                "status" => crate::wire::Status::from_label(v)
                    .and_then(|s| crate::wire::Status::ALL.iter().position(|a| *a == s)),
                _ => Some(0),
            }
            .unwrap_or(usize::MAX)
        };
        by_value.sort_by_key(|(v, _)| rank(v));
        let values = by_value
            .iter()
            .enumerate()
            .map(|(n, (value, list))| {
                members.push((R::KIND.member_file(key, n), Members::of(list)));
                FacetValue {
                    value: value.clone(),
                    label: label_of(key, value),
                    count: list.len() as u32,
                }
            })
            .collect();
        facets.push(Facet {
            key: key.to_string(),
            values,
        });
    }
    (facets, members)
}
