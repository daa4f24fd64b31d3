//! A standing audit of the shipped records: rules that flag records a careful reader would
//! question (generic names, procedural items shipped as key fields, near-duplicates within a
//! document, qualitative targets that say only a deadline, target values read from prose
//! with no word saying whether they are a floor, a ceiling or exact), and the reviewed allow-list
//! (`data/audit-allow.toml`) that acknowledges the known ones, each with a reason.

use crate::Diagnostic;
use model::{Document, Facts, Section};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    /// A project named only by a generic word (an industry, a kind of place).
    GenericName,
    /// A key field that is a 保障措施 / 组织实施 / 实施步骤 item.
    ProceduralField,
    /// Two records of one kind in one document whose names are the same or one holds the other.
    NearDuplicate,
    /// A qualitative target that says nothing but a deadline or "完成".
    DeadlineOnly,
    /// A target value from prose with no comparator: shown as an exact number, which the
    /// sentence may not mean (至少, 争取, a 以上 printed after a list of numbers).
    BareProseValue,
}

impl Rule {
    pub const ALL: [Rule; 5] = [
        Rule::GenericName,
        Rule::ProceduralField,
        Rule::NearDuplicate,
        Rule::DeadlineOnly,
        Rule::BareProseValue,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::GenericName => "generic-name",
            Rule::ProceduralField => "procedural-field",
            Rule::NearDuplicate => "near-duplicate",
            Rule::DeadlineOnly => "deadline-only",
            Rule::BareProseValue => "bare-prose-value",
        }
    }
}

/// One suspicious record (or pair).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub rule: Rule,
    /// Global record ids, sorted.
    pub records: Vec<String>,
    /// What the rule saw, for people.
    pub detail: String,
}

/// Project names that name a field of activity or a kind of place, not one thing.
const GENERIC_NAMES: &[&str] = &[
    "生物医药",
    "现代物流",
    "产业金融",
    "医疗康养",
    "文化旅游",
    "精品旅游",
    "大数据",
    "新一代信息技术",
    "智能制造",
    "高端装备",
    "量子科技",
    "先进材料",
    "新能源汽车",
    "现代金融",
    "科技服务",
    "现代农业",
    "节能环保",
    "人工智能",
    "集成电路",
    "服务中心",
    "法律服务中心",
    "产业园",
    "产业园区",
    "示范区",
    "孵化器",
    "平台",
    "基地",
    "园区",
    "项目",
    "工程",
];

/// Headings whose items are how a plan is carried out, not what it does.
const PROCEDURAL_HEADINGS: &[&str] = &[
    "保障措施",
    "措施保障",
    "组织实施",
    "实施步骤",
    "实施机制",
    "实施保障",
    "保障规划实施",
    "组织领导",
];

/// Name prefixes that do not tell two things apart (the plan's own city or district).
const PLACE_PREFIXES: &[&str] = &["济南市", "济南", "青岛市", "青岛", "历下区", "山东省"];

/// A name without quotes or spaces.
fn plain(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '《' | '》'))
        .collect()
}

/// A name reduced for comparison: plain, and without a leading city name.
fn comparable(name: &str) -> String {
    let s = plain(name);
    for p in PLACE_PREFIXES {
        if let Some(rest) = s.strip_prefix(p) {
            return rest.to_string();
        }
    }
    s
}

/// The same name but for the city, or one name holding the other and most of its length.
fn near_duplicates(a: &str, b: &str) -> bool {
    if comparable(a) == comparable(b) {
        return true;
    }
    let (a, b) = (plain(a), plain(b));
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let (s, l) = (short.chars().count(), long.chars().count());
    s >= 4 && long.contains(&short) && s * 5 >= l * 3
}

/// True when a qualitative target, without its dates and completion words, says nothing.
fn only_a_deadline(q: &str) -> bool {
    let mut s: String = q.chars().filter(|c| !c.is_whitespace()).collect();
    // Dates: digits followed by 年/月/日, then deadline words.
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i < chars.len() && matches!(chars[i], '年' | '月' | '日') {
                i += 1;
                continue;
            }
            out.extend(&chars[start..i]);
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    s = out;
    for w in [
        "年底", "年内", "以前", "之前", "底前", "前", "底", "确保", "力争", "全面", "全部", "基本",
        "完成", "，", "。", "、",
    ] {
        s = s.replace(w, "");
    }
    s.is_empty()
}

/// The headings from a document's root down to a section, by anchor.
fn heading_chain(doc: &Document, anchor: &str) -> Vec<String> {
    let by_index: &[Section] = &doc.sections;
    let mut chain = Vec::new();
    let mut cur = by_index.iter().position(|s| s.anchor == anchor);
    while let Some(i) = cur {
        let Some(s) = by_index.get(i) else { break };
        chain.push(format!("{}{}", s.number, s.title));
        cur = s.parent.map(|p| p as usize);
    }
    chain.reverse();
    chain
}

/// Runs every rule over the records. `documents` are whole documents (one part each).
pub fn audit(facts: &Facts, documents: &[Document]) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &facts.projects {
        let name = comparable(&p.name);
        if GENERIC_NAMES.contains(&name.as_str()) {
            out.push(Finding {
                rule: Rule::GenericName,
                records: vec![p.id.clone()],
                detail: format!("项目名称“{}”是泛称", p.name),
            });
        }
    }
    for f in &facts.fields {
        let Some(doc) = documents.iter().find(|d| d.id == f.doc) else {
            continue;
        };
        let chain = heading_chain(doc, &f.source.section);
        if let Some(h) = chain
            .iter()
            .find(|h| PROCEDURAL_HEADINGS.iter().any(|w| h.contains(w)))
        {
            out.push(Finding {
                rule: Rule::ProceduralField,
                records: vec![f.id.clone()],
                detail: format!("重点领域“{}”位于“{h}”之下", f.title),
            });
        }
    }
    let mut names: BTreeMap<(&str, &str), Vec<(&str, &str)>> = BTreeMap::new();
    for p in &facts.projects {
        names
            .entry((&p.doc, "project"))
            .or_default()
            .push((&p.id, &p.name));
    }
    for f in &facts.fields {
        names
            .entry((&f.doc, "field"))
            .or_default()
            .push((&f.id, &f.title));
    }
    for t in &facts.targets {
        names
            .entry((&t.doc, "target"))
            .or_default()
            .push((&t.id, &t.indicator));
    }
    for list in names.values() {
        for (i, (a_id, a_name)) in list.iter().enumerate() {
            for (b_id, b_name) in list.iter().skip(i + 1) {
                if near_duplicates(a_name, b_name) {
                    let mut records = vec![a_id.to_string(), b_id.to_string()];
                    records.sort();
                    out.push(Finding {
                        rule: Rule::NearDuplicate,
                        records,
                        detail: format!("“{a_name}”与“{b_name}”"),
                    });
                }
            }
        }
    }
    for t in &facts.targets {
        let no_value = [&t.baseline, &t.target, &t.growth]
            .into_iter()
            .flatten()
            .all(|f| f.value.is_none());
        if no_value && !t.qualitative.is_empty() && only_a_deadline(&t.qualitative) {
            out.push(Finding {
                rule: Rule::DeadlineOnly,
                records: vec![t.id.clone()],
                detail: format!("“{}”只写了期限：{}", t.indicator, t.qualitative),
            });
        }
        let bare = t
            .target
            .as_ref()
            .is_some_and(|f| f.value.is_some() && f.comparator.is_empty());
        if t.origin == model::Origin::Prose && bare {
            out.push(Finding {
                rule: Rule::BareProseValue,
                records: vec![t.id.clone()],
                detail: format!(
                    "“{}”的目标值没有“达到”“以上”之类的说法：{}",
                    t.indicator, t.source.quote
                ),
            });
        }
    }
    out.sort();
    out
}

/// `data/audit-allow.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowList {
    #[serde(default)]
    pub allow: Vec<Spanned<Allow>>,
}

/// One reviewed, acknowledged finding.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allow {
    pub rule: Rule,
    pub records: Vec<String>,
    /// Why the finding is not a problem (one line).
    pub reason: String,
}

impl Allow {
    fn matches(&self, f: &Finding) -> bool {
        let mut mine = self.records.clone();
        mine.sort();
        self.rule == f.rule && mine == f.records
    }
}

/// The audit against the allow-list.
#[derive(Debug, Default)]
pub struct Review<'a> {
    /// Findings with the reason that acknowledges each, if any.
    pub findings: Vec<(&'a Finding, Option<&'a str>)>,
    /// Allow-list entries that match no finding any more, or lack a reason.
    pub stale: Vec<Diagnostic>,
}

impl Review<'_> {
    pub fn unacknowledged(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|(_, r)| r.is_none())
            .map(|(f, _)| *f)
    }
}

/// Parses the allow-list; errors carry the file's line.
pub fn parse_allow_list(file: &str, text: &str) -> Result<AllowList, Diagnostic> {
    toml::from_str(text).map_err(|e| Diagnostic {
        file: file.into(),
        line: crate::line_of(text, e.span().map_or(0, |s| s.start)),
        message: e.message().to_string(),
    })
}

/// Which findings the allow-list acknowledges, and which entries acknowledge nothing.
pub fn review<'a>(
    findings: &'a [Finding],
    allow: &'a AllowList,
    file: &str,
    text: &str,
) -> Review<'a> {
    let mut review = Review::default();
    for f in findings {
        let reason = allow
            .allow
            .iter()
            .find(|a| a.get_ref().matches(f))
            .map(|a| a.get_ref().reason.as_str());
        review.findings.push((f, reason));
    }
    for a in &allow.allow {
        let line = crate::line_of(text, a.span().start);
        let entry = a.get_ref();
        if !findings.iter().any(|f| entry.matches(f)) {
            review.stale.push(Diagnostic {
                file: file.into(),
                line,
                message: format!(
                    "{} {} 已不再出现，请删去这一条",
                    entry.rule.name(),
                    entry.records.join(" ")
                ),
            });
        }
        if entry.reason.trim().is_empty() || entry.reason.contains('\n') {
            review.stale.push(Diagnostic {
                file: file.into(),
                line,
                message: "reason 须是一行说明".into(),
            });
        }
    }
    review
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_alone_are_found() {
        assert!(only_a_deadline("2020年5月底前"));
        assert!(only_a_deadline("2021年年底前全面完成"));
        assert!(only_a_deadline("确保完成"));
        assert!(!only_a_deadline("全部开通"));
        assert!(!only_a_deadline("基本完成 2005 年以前建成小区的改造任务"));
        assert!(!only_a_deadline("达到省控目标"));
    }

    #[test]
    fn names_compare_without_city_and_quotes() {
        assert_eq!(comparable("济南量子谷"), comparable("“量子谷”"));
        assert_eq!(comparable("济南国际会展中心"), "国际会展中心");
        assert!(near_duplicates("济南量子谷", "“量子谷”"));
        assert!(near_duplicates(
            "休闲农业和乡村旅游精品工程",
            "乡村旅游精品工程"
        ));
        assert!(!near_duplicates("济南经济开发区", "临港经济开发区"));
        assert!(!near_duplicates(
            "大学路国际时尚消费街区",
            "山东路国际时尚消费街区"
        ));
        assert!(!near_duplicates(
            "地区生产总值",
            "全社会研发经费支出占地区生产总值比重"
        ));
    }

    #[test]
    fn an_allow_entry_acknowledges_only_its_finding_and_goes_stale_without_it() {
        let findings = vec![Finding {
            rule: Rule::NearDuplicate,
            records: vec!["d.p-1".into(), "d.p-2".into()],
            detail: String::new(),
        }];
        let text = "[[allow]]\nrule = \"near-duplicate\"\nrecords = [\"d.p-2\", \"d.p-1\"]\nreason = \"两处不同\"\n\n[[allow]]\nrule = \"generic-name\"\nrecords = [\"d.p-3\"]\nreason = \"已改名\"\n";
        let allow = parse_allow_list("a.toml", text).unwrap_or_default();
        let r = review(&findings, &allow, "a.toml", text);
        assert_eq!(r.unacknowledged().count(), 0);
        assert_eq!(r.stale.len(), 1, "{:?}", r.stale);
        assert_eq!(r.stale[0].line, 6);
        let none = AllowList::default();
        let r = review(&findings, &none, "a.toml", "");
        assert_eq!(r.unacknowledged().count(), 1);
    }
}
