//! Resident themes (主题): the fixed taxonomy of `data/themes.toml`, its keyword rules, the
//! reviewed overrides of `data/theme-overrides.toml`, and the assignment of every field,
//! project and target to one or more themes, each with the keyword or reason that put it there.
//!
//! A record is matched in tiers, the first tier that matches any theme deciding:
//! 1. its own words: a project's `name`, a field's `title` and `label`, a target's `indicator`,
//!    against each theme's `keywords`;
//! 2. the group it is listed under: a project's `domain`, a target's `category`, against each
//!    theme's `groups`;
//! 3. its text: the quote (with a field's summary, a project's description, a target's
//!    qualitative goal), against each theme's `keywords`.
//!
//! Every theme matched in the deciding tier applies. Before matching, each theme masks its
//! `except` phrases, so that `养老保险` does not count as `养老` for elderly care. A theme may
//! also claim whole `documents` (the 养老 implementation opinion is about elderly care from
//! its first item to its last): their records get it on top of the tiers. Overrides then
//! set, add or remove themes of named records; the build fails on a record left without a
//! theme, an override of a record that does not exist, and an override that changes nothing.

use crate::normalize::squeeze;
use crate::Diagnostic;
use model::{Facts, Theme, ThemeCounts};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use toml::Spanned;

pub const THEMES_FILE: &str = "data/themes.toml";
pub const OVERRIDES_FILE: &str = "data/theme-overrides.toml";

/// `data/themes.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomy {
    #[serde(default)]
    pub theme: Vec<Spanned<ThemeSpec>>,
}

/// One theme and its rules.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSpec {
    pub id: String,
    pub name: String,
    pub description: String,
    /// Matched against a record's own words (tier 1) and its text (tier 3).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Matched against the group a record is listed under (tier 2).
    #[serde(default)]
    pub groups: Vec<String>,
    /// Phrases masked before this theme's keywords and groups are matched.
    #[serde(default)]
    pub except: Vec<String>,
    /// Documents wholly about this theme: every record of theirs is in it.
    #[serde(default)]
    pub documents: Vec<String>,
}

/// `data/theme-overrides.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    #[serde(default, rename = "override")]
    pub overrides: Vec<Spanned<Override>>,
}

/// One reviewed correction of the rules for one record: either `themes` (the whole set) or
/// `add` / `remove`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Override {
    /// Global record id (`<doc>.<id>`).
    pub record: String,
    pub themes: Option<Vec<String>>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
    /// Why the rules are wrong here (one line).
    pub reason: String,
}

/// Which of a record's texts matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// Name, title and label, or indicator.
    Own,
    /// Domain or category.
    Group,
    /// Quote and the other verbatim text.
    Text,
}

impl Tier {
    pub fn label(self) -> &'static str {
        match self {
            Tier::Own => "名称",
            Tier::Group => "分组",
            Tier::Text => "原文",
        }
    }
}

/// Why a record is in a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    Rule {
        tier: Tier,
        keyword: String,
    },
    /// The record's document is wholly about the theme.
    Document {
        doc: String,
    },
    Override {
        reason: String,
    },
}

impl std::fmt::Display for Why {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Why::Rule { tier, keyword } => write!(f, "{}含“{keyword}”", tier.label()),
            Why::Document { doc } => write!(f, "整份文件 {doc} 属于该主题"),
            Why::Override { reason } => write!(f, "override: {reason}"),
        }
    }
}

/// The kind of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Field,
    Project,
    Target,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Field => "field",
            Kind::Project => "project",
            Kind::Target => "target",
        }
    }
}

/// The words of a record the rules read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordText {
    /// Document id.
    pub doc: String,
    pub own: String,
    pub group: String,
    pub text: String,
}

/// One record's themes and why, in taxonomy order.
#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub record: String,
    pub kind: Kind,
    /// The record's name, for people reading the report.
    pub name: String,
    pub themes: Vec<(String, Why)>,
    /// Themes the rules gave that an override took away, with its reason.
    pub removed: Vec<(String, String)>,
}

/// The assignment of every record, for the coverage report and review.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub assignments: Vec<Assignment>,
}

/// A theme's rules made ready for matching (keywords squeezed).
#[derive(Debug)]
pub struct Rules {
    pub id: String,
    keywords: Vec<String>,
    groups: Vec<String>,
    except: Vec<String>,
    documents: Vec<String>,
}

impl Rules {
    pub fn new(spec: &ThemeSpec) -> Self {
        let prep = |v: &[String]| v.iter().map(|k| squeeze(k)).collect::<Vec<_>>();
        Rules {
            id: spec.id.clone(),
            keywords: prep(&spec.keywords),
            groups: prep(&spec.groups),
            except: prep(&spec.except),
            documents: spec.documents.clone(),
        }
    }

    /// The first of `words` found in `text` once this theme's exceptions are masked.
    fn first_in<'a>(&self, words: &'a [String], text: &str) -> Option<&'a str> {
        let mut masked = squeeze(text);
        for e in &self.except {
            if !e.is_empty() {
                masked = masked.replace(e.as_str(), "\u{25a1}");
            }
        }
        words
            .iter()
            .find(|w| !w.is_empty() && masked.contains(w.as_str()))
            .map(String::as_str)
    }
}

/// The themes the rules give a record: every theme matched in the first tier that matches
/// any, with the keyword that matched, and the themes that claim its whole document.
pub fn match_rules(rules: &[Rules], record: &RecordText) -> Vec<(String, Why)> {
    let mut found = match_tiers(rules, record);
    for r in rules {
        if r.documents.contains(&record.doc) && !found.iter().any(|(t, _)| *t == r.id) {
            found.push((
                r.id.clone(),
                Why::Document {
                    doc: record.doc.clone(),
                },
            ));
        }
    }
    found
}

fn match_tiers(rules: &[Rules], record: &RecordText) -> Vec<(String, Why)> {
    let tiers = [
        (Tier::Own, &record.own),
        (Tier::Group, &record.group),
        (Tier::Text, &record.text),
    ];
    for (tier, text) in tiers {
        let found: Vec<(String, Why)> = rules
            .iter()
            .filter_map(|r| {
                let words = if tier == Tier::Group {
                    &r.groups
                } else {
                    &r.keywords
                };
                r.first_in(words, text).map(|k| {
                    (
                        r.id.clone(),
                        Why::Rule {
                            tier,
                            keyword: k.to_string(),
                        },
                    )
                })
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// Parses `data/themes.toml` and checks the taxonomy itself.
pub fn parse_taxonomy(text: &str) -> Result<Taxonomy, Vec<Diagnostic>> {
    let taxonomy: Taxonomy =
        toml::from_str(text).map_err(|e| vec![crate::toml_error(THEMES_FILE, text, &e)])?;
    let mut errors = Vec::new();
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for t in &taxonomy.theme {
        let line = crate::line_of(text, t.span().start);
        let spec = t.get_ref();
        let mut error = |message: String| {
            errors.push(Diagnostic {
                file: THEMES_FILE.into(),
                line,
                message: format!("{}: {message}", spec.id),
            })
        };
        let slug = !spec.id.is_empty()
            && spec
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !slug {
            error("编号只能使用小写字母、数字和 -".into());
        }
        if !ids.insert(spec.id.clone()) {
            error("编号重复".into());
        }
        if spec.name.trim().is_empty() || !names.insert(spec.name.clone()) {
            error("名称为空或重复".into());
        }
        if spec.description.trim().is_empty() || spec.description.contains('\n') {
            error("description 须是一句话".into());
        }
        if spec.keywords.is_empty() {
            error("没有关键词".into());
        }
        let all = spec.keywords.iter().chain(&spec.groups).chain(&spec.except);
        if all.clone().any(|k| squeeze(k).is_empty()) {
            error("关键词不能为空".into());
        }
        for list in [&spec.keywords, &spec.groups] {
            let mut seen = BTreeSet::new();
            for k in list {
                if !seen.insert(k) {
                    error(format!("关键词“{k}”重复"));
                }
                let masked = spec
                    .except
                    .iter()
                    .map(|e| squeeze(e))
                    .find(|e| !e.is_empty() && squeeze(k).contains(e.as_str()));
                if let Some(e) = masked {
                    error(format!("关键词“{k}”含例外“{e}”，永远不会匹配"));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(taxonomy)
    } else {
        Err(errors)
    }
}

/// Parses `data/theme-overrides.toml`.
pub fn parse_overrides(text: &str) -> Result<Overrides, Vec<Diagnostic>> {
    toml::from_str(text).map_err(|e| vec![crate::toml_error(OVERRIDES_FILE, text, &e)])
}

/// The words the rules read of every record, by global id, in shipping order.
fn record_texts(facts: &Facts) -> Vec<(String, Kind, String, RecordText)> {
    let joined = |parts: &[&str]| {
        parts
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = Vec::new();
    for f in &facts.fields {
        out.push((
            f.id.clone(),
            Kind::Field,
            f.title.clone(),
            RecordText {
                doc: f.doc.clone(),
                own: joined(&[&f.title, &f.label]),
                group: String::new(),
                text: joined(&[&f.source.quote, &f.summary]),
            },
        ));
    }
    for p in &facts.projects {
        out.push((
            p.id.clone(),
            Kind::Project,
            p.name.clone(),
            RecordText {
                doc: p.doc.clone(),
                own: p.name.clone(),
                group: p.domain.clone(),
                text: joined(&[&p.source.quote, &p.description]),
            },
        ));
    }
    for t in &facts.targets {
        out.push((
            t.id.clone(),
            Kind::Target,
            t.indicator.clone(),
            RecordText {
                doc: t.doc.clone(),
                own: t.indicator.clone(),
                group: t.category.clone(),
                text: joined(&[&t.source.quote, &t.qualitative]),
            },
        ));
    }
    out
}

/// Assigns every record its themes (rules, then overrides), writes them into the records,
/// and ships the taxonomy with counts in `facts.themes`. All problems are returned together.
pub fn assign(
    facts: &mut Facts,
    taxonomy: &Taxonomy,
    overrides: &Overrides,
    overrides_text: &str,
) -> Result<Report, Vec<Diagnostic>> {
    let specs: Vec<&ThemeSpec> = taxonomy.theme.iter().map(|t| t.get_ref()).collect();
    let rules: Vec<Rules> = specs.iter().map(|s| Rules::new(s)).collect();
    let order: BTreeMap<&str, usize> = specs
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut errors = Vec::new();
    let mut assignments: Vec<Assignment> = record_texts(facts)
        .into_iter()
        .map(|(record, kind, name, text)| Assignment {
            themes: match_rules(&rules, &text),
            record,
            kind,
            name,
            removed: Vec::new(),
        })
        .collect();
    documents_without_records(&specs, facts, &mut errors);

    apply_overrides(
        &mut assignments,
        overrides,
        overrides_text,
        &order,
        facts,
        &mut errors,
    );

    for a in &mut assignments {
        a.themes
            .sort_by_key(|(t, _)| order.get(t.as_str()).copied().unwrap_or(usize::MAX));
        if a.themes.is_empty() {
            errors.push(Diagnostic {
                file: OVERRIDES_FILE.into(),
                line: 0,
                message: format!(
                    "{}（{}）没有主题：补充 {THEMES_FILE} 的关键词；整份文件属于一个主题时，把文件编号加进该主题的 documents；或在此加一条 override",
                    a.record, a.name
                ),
            });
        }
    }

    let counts = theme_counts(&assignments);
    for s in &specs {
        if !counts.contains_key(s.id.as_str()) {
            errors.push(Diagnostic {
                file: THEMES_FILE.into(),
                line: 0,
                message: format!("{}: 主题没有任何记录", s.id),
            });
        }
    }
    facts.themes = specs
        .iter()
        .map(|s| Theme {
            id: s.id.clone(),
            name: s.name.clone(),
            description: s.description.clone(),
            counts: counts.get(s.id.as_str()).copied().unwrap_or_default(),
            // Filled in `themes.json` (`model::files::ThemesFile`).
            departments: Vec::new(),
        })
        .collect();
    write_back(facts, &assignments);
    if errors.is_empty() {
        Ok(Report { assignments })
    } else {
        Err(errors)
    }
}

/// A theme that claims a whole document must name one with records.
fn documents_without_records(specs: &[&ThemeSpec], facts: &Facts, errors: &mut Vec<Diagnostic>) {
    let docs: BTreeSet<&str> = facts
        .fields
        .iter()
        .map(|f| f.doc.as_str())
        .chain(facts.projects.iter().map(|p| p.doc.as_str()))
        .chain(facts.targets.iter().map(|t| t.doc.as_str()))
        .collect();
    for s in specs {
        for d in s.documents.iter().filter(|d| !docs.contains(d.as_str())) {
            errors.push(Diagnostic {
                file: THEMES_FILE.into(),
                line: 0,
                message: format!(
                    "{}: documents 中的文件 {d} 没有任何记录（尚未接受记录时，先从 documents 中删去它）",
                    s.id
                ),
            });
        }
    }
}

/// Checks every override (a one-line reason, known themes, `themes` or `add` / `remove`, a
/// record that exists and is not merged into another, one override a record) and applies
/// the valid ones.
fn apply_overrides(
    assignments: &mut [Assignment],
    overrides: &Overrides,
    overrides_text: &str,
    order: &BTreeMap<&str, usize>,
    facts: &Facts,
    errors: &mut Vec<Diagnostic>,
) {
    let by_id: BTreeMap<String, usize> = assignments
        .iter()
        .enumerate()
        .map(|(i, a)| (a.record.clone(), i))
        .collect();
    let merged_into = merged_ids(facts);
    let mut overridden = BTreeSet::new();
    for o in &overrides.overrides {
        let line = crate::line_of(overrides_text, o.span().start);
        let o = o.get_ref();
        let mut error = |message: String| {
            errors.push(Diagnostic {
                file: OVERRIDES_FILE.into(),
                line,
                message: format!("{}: {message}", o.record),
            })
        };
        if o.reason.trim().is_empty() || o.reason.contains('\n') {
            error("reason 须是一行说明".into());
        }
        let named = o.themes.iter().flatten().chain(&o.add).chain(&o.remove);
        let unknown: Vec<&String> = named.filter(|t| !order.contains_key(t.as_str())).collect();
        if !unknown.is_empty() {
            error(format!("没有这些主题：{unknown:?}"));
            continue;
        }
        match (&o.themes, o.add.is_empty() && o.remove.is_empty()) {
            (Some(t), true) if !t.is_empty() => {}
            (None, false) => {}
            _ => {
                error("须写 themes（非空），或写 add / remove，二者不可兼有".into());
                continue;
            }
        }
        let Some(&i) = by_id.get(&o.record) else {
            match merged_into.get(&o.record) {
                Some(kept) => error(format!("该记录已合并到 {kept}，请改用其编号")),
                None => error("没有这条记录".into()),
            }
            continue;
        };
        if !overridden.insert(o.record.clone()) {
            error("同一记录只能有一条 override".into());
            continue;
        }
        if let Some(a) = assignments.get_mut(i) {
            apply_override(a, o, &mut error);
        }
    }
}

/// Applies one valid override to its record's themes: `themes` in place of the rules',
/// `add`, `remove`, each change with its reason. An override that adds what the rules
/// give, removes what they do not, or changes nothing is an error.
fn apply_override(a: &mut Assignment, o: &Override, error: &mut impl FnMut(String)) {
    let before: BTreeSet<String> = a.themes.iter().map(|(t, _)| t.clone()).collect();
    let mut after = before.clone();
    if let Some(t) = &o.themes {
        after = t.iter().cloned().collect();
    }
    for t in &o.add {
        if !after.insert(t.clone()) {
            error(format!("add {t}：规则已给出该主题"));
        }
    }
    for t in &o.remove {
        if !after.remove(t) {
            error(format!("remove {t}：规则并未给出该主题"));
        }
    }
    if after == before {
        error("override 没有改变任何主题（已过时），请删去这一条".into());
        return;
    }
    let reason = o.reason.clone();
    a.removed = before
        .difference(&after)
        .map(|t| (t.clone(), reason.clone()))
        .collect();
    a.themes.retain(|(t, _)| after.contains(t));
    for t in after.difference(&before) {
        a.themes.push((
            t.clone(),
            Why::Override {
                reason: reason.clone(),
            },
        ));
    }
}

/// Each theme's records by kind, and how many an override gave it.
fn theme_counts(assignments: &[Assignment]) -> BTreeMap<&str, ThemeCounts> {
    let mut counts: BTreeMap<&str, ThemeCounts> = BTreeMap::new();
    for a in assignments {
        for (t, why) in &a.themes {
            let c = counts.entry(t.as_str()).or_default();
            match a.kind {
                Kind::Field => c.fields += 1,
                Kind::Project => c.projects += 1,
                Kind::Target => c.targets += 1,
            }
            if matches!(why, Why::Override { .. }) {
                c.by_override += 1;
            }
        }
    }
    counts
}

/// Merged (retired) record ids → the id of the record that absorbed each.
fn merged_ids(facts: &Facts) -> BTreeMap<String, String> {
    let fields = facts.fields.iter().map(|f| (&f.id, &f.merged));
    let projects = facts.projects.iter().map(|p| (&p.id, &p.merged));
    let targets = facts.targets.iter().map(|t| (&t.id, &t.merged));
    fields
        .chain(projects)
        .chain(targets)
        .flat_map(|(kept, merged)| merged.iter().map(move |m| (m.clone(), kept.clone())))
        .collect()
}

/// Writes the assigned theme ids into the records.
fn write_back(facts: &mut Facts, assignments: &[Assignment]) {
    let by_id: BTreeMap<&str, Vec<String>> = assignments
        .iter()
        .map(|a| {
            (
                a.record.as_str(),
                a.themes.iter().map(|(t, _)| t.clone()).collect(),
            )
        })
        .collect();
    let themes_of = |id: &str| by_id.get(id).cloned().unwrap_or_default();
    for f in &mut facts.fields {
        f.themes = themes_of(&f.id);
    }
    for p in &mut facts.projects {
        p.themes = themes_of(&p.id);
    }
    for t in &mut facts.targets {
        t.themes = themes_of(&t.id);
    }
}

#[cfg(test)]
mod tests;
