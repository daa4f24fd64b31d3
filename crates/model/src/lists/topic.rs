//! A theme's or a department's page: its topic file, from the built lists.

use super::*;

/// Records of each kind a [`Topic`] names first: what a theme or department page shows
/// (and charts) before linking to the whole list.
pub const TOPIC_FIRST: usize = 40;

/// One record kind's built list, as [`Topic::all`] reads it: the kind, its index and its
/// member files (path, members).
pub type BuiltKind<'a> = (ListKind, &'a ListIndex, &'a [(String, Members)]);

/// `lists/topics/<key>-<value>.json`: one theme's or department's records of every kind,
/// what its page needs besides the chunks of the records it shows, so that the page
/// fetches no list index and no member file (each names the whole library).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub schema_version: u32,
    /// Per record kind, in the order of [`ListKind::ALL`].
    pub kinds: Vec<TopicKind>,
    /// The documents holding any of the records, in list order, with how many they hold.
    pub documents: Vec<TopicDoc>,
    /// The topic's targets that have linked results, counted by status (in the order of
    /// the targets list's status filter; a status no target of the topic has is left out):
    /// the page's overview, each count a link to the targets list filtered by the topic
    /// and the status.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<FacetValue>,
}

/// One kind's records of a topic: how many, and the list positions of the first
/// [`TOPIC_FIRST`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicKind {
    pub total: u32,
    pub first: Vec<u32>,
}

/// A document of a topic: `[id, short title, records of the topic]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicDoc(pub String, pub String, pub u32);

impl Topic {
    /// `lists/topics/<key>-<value>.json`. Only for a value its page has found in the
    /// themes or departments file: an address's id is never turned into a request before.
    pub fn path(key: &str, value: &str) -> String {
        format!("lists/topics/{key}-{value}.json")
    }

    /// The topic of every value of `key` in `values` (each theme, each department; one
    /// without records has an empty topic), from the record kinds' built lists
    /// (`[(kind, index, members)]`, in the order of [`ListKind::ALL`]).
    pub fn all(key: &str, values: &[&str], kinds: &[BuiltKind<'_>]) -> Vec<(String, Topic)> {
        values
            .iter()
            .map(|value| {
                let mut per_doc: HashMap<&str, u32> = HashMap::new();
                let mut statuses = Vec::new();
                let kinds_of = kinds
                    .iter()
                    .map(|(kind, index, members)| {
                        let f = Filter::default().with(key, value);
                        let ordinals = index
                            .member_files(*kind, &f)
                            .and_then(|files| {
                                let file = files.first()?;
                                members.iter().find(|(p, _)| p == file)
                            })
                            .map(|(_, m)| m.ordinals(index.total))
                            .unwrap_or_default();
                        for &o in &ordinals {
                            if let Some(span) = index.doc_of(o) {
                                *per_doc.entry(span.doc.as_str()).or_default() += 1;
                            }
                        }
                        if *kind == ListKind::Targets {
                            statuses = status_counts(index, members, &ordinals);
                        }
                        TopicKind {
                            total: ordinals.len() as u32,
                            first: ordinals.into_iter().take(TOPIC_FIRST).collect(),
                        }
                    })
                    .collect();
                let documents = kinds
                    .first()
                    .map(|(_, index, _)| {
                        index
                            .docs
                            .iter()
                            .filter_map(|d| {
                                let n = per_doc.get(d.doc.as_str())?;
                                Some(TopicDoc(d.doc.clone(), d.title.clone(), *n))
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let topic = Topic {
                    schema_version: crate::SCHEMA_VERSION,
                    kinds: kinds_of,
                    documents,
                    statuses,
                };
                (Topic::path(key, value), topic)
            })
            .collect()
    }

    /// How many records of `kind` the topic has.
    pub fn total(&self, kind: ListKind) -> usize {
        self.kind(kind).map_or(0, |k| k.total as usize)
    }

    /// The list positions of the first `n` records of `kind` (at most [`TOPIC_FIRST`]).
    pub fn first(&self, kind: ListKind, n: usize) -> &[u32] {
        self.kind(kind)
            .map(|k| k.first.get(..n).unwrap_or(&k.first))
            .unwrap_or(&[])
    }

    fn kind(&self, kind: ListKind) -> Option<&TopicKind> {
        let i = ListKind::ALL.iter().position(|k| *k == kind)?;
        self.kinds.get(i)
    }

    /// The short title of a document of the topic, empty for another.
    pub fn short_title(&self, doc: &str) -> String {
        self.documents
            .iter()
            .find(|d| d.0 == doc)
            .map(|d| d.1.clone())
            .unwrap_or_default()
    }

    /// The topic's documents as its page lists them: every one, in library order, when
    /// there are at most `all_up_to`; else the `leading` with the most records first (ties
    /// in library order), then the others in library order, which the page folds away (a
    /// theme of a large library comes from hundreds of documents).
    pub fn documents_shown(
        &self,
        all_up_to: usize,
        leading: usize,
    ) -> (Vec<&TopicDoc>, Vec<&TopicDoc>) {
        let docs: Vec<&TopicDoc> = self.documents.iter().collect();
        if docs.len() <= all_up_to {
            return (docs, Vec::new());
        }
        let mut by_count = docs.clone();
        by_count.sort_by_key(|d| std::cmp::Reverse(d.2));
        by_count.truncate(leading);
        let rest = docs
            .into_iter()
            .filter(|d| !by_count.iter().any(|l| std::ptr::eq(*l, *d)))
            .collect();
        (by_count, rest)
    }
}

/// How many of the targets at `ordinals` (ascending) have each status, from the targets
/// list's status facet and its member files; statuses none of them has are left out.
fn status_counts(
    index: &ListIndex,
    members: &[(String, Members)],
    ordinals: &[u32],
) -> Vec<FacetValue> {
    let Some(facet) = index.facet("status") else {
        return Vec::new();
    };
    facet
        .values
        .iter()
        .enumerate()
        .filter_map(|(n, v)| {
            let file = ListKind::Targets.member_file("status", n);
            let (_, m) = members.iter().find(|(p, _)| *p == file)?;
            let count = m
                .ordinals(index.total)
                .iter()
                .filter(|o| ordinals.binary_search(o).is_ok())
                .count() as u32;
            (count > 0).then(|| FacetValue { count, ..v.clone() })
        })
        .collect()
}
