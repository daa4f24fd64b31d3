//! Targets from running text: a number with its unit in a clause of a chapter that is not
//! background (`到2025年，…达到/突破/不低于…`, `…以上`, `…左右`, `年均增长…`), its year
//! printed in the sentence or in the nearest dated heading, its comparator as printed.

use super::outline::Outline;
use crate::facts::{years_in, CuratedFigure, CuratedTarget};
use crate::normalize::squeeze;
use model::Origin;

/// Units a target's number is followed by (longest first where one starts another).
const UNITS: &[&str] = &[
    "%",
    "％",
    "个百分点",
    "平方公里",
    "平方米",
    "公里",
    "千米",
    "千瓦",
    "兆瓦",
    "亩",
    "吨",
    "元",
    "美元",
    "家",
    "个",
    "项",
    "处",
    "座",
    "条",
    "列",
    "所",
    "张",
    "名",
    "人次",
    "人",
    "户",
    "件",
    "套",
    "辆",
    "台",
    "间",
    "床",
    "批",
    "场",
    "届",
    "倍",
    "支",
    "栋",
    "类",
    "站",
    "米",
    "次",
    "部",
    "种",
    "款",
    "位",
    "只",
    "块",
    "园",
    "中心",
    "级",
];

/// Words before a number that say how it binds, and the comparator they give.
const BEFORE: &[(&str, &str)] = &[
    ("突破", "突破"),
    ("不低于", "不低于"),
    ("不少于", "不少于"),
    ("不超过", "不超过"),
    ("超过", "超过"),
    ("至少", "至少"),
    ("力争", "力争"),
    ("争取", "争取"),
    ("累计", "累计"),
];

/// Words after a number's unit that say how it binds.
const AFTER: &[&str] = &["以上", "左右", "以内", "以下"];

/// One number with its unit found in a clause.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub value: f64,
    /// As printed: the number, with `%` when it is a percentage.
    pub text: String,
    pub unit: String,
    pub comparator: String,
    /// Where the number starts in the clause (chars), for its indicator.
    pub at: usize,
    /// What the clause says after the number and its unit (`个高端生活性服务业集聚区` gives
    /// `高端生活性服务业集聚区`): what a count counts.
    pub after: String,
}

/// Every number with a unit in a clause, skipping years, dates, ordinals and names
/// (`2号线`, `5G`, `1+5+N`, `PM2.5`, `第3届`).
pub fn numbers(clause: &str) -> Vec<Found> {
    let chars: Vec<char> = clause.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars.get(i).is_some_and(char::is_ascii_digit)
            && !(i > 0
                && chars
                    .get(i - 1)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.'));
        if !starts {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| {
                !chars
                    .get(j)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.')
            })
            .unwrap_or(chars.len());
        if let Some(f) = read_number(&chars, i, end) {
            out.push(f);
        }
        i = end.max(i + 1);
    }
    out
}

/// The number printed at `start..end` with its unit and comparator, if it is a target's.
fn read_number(chars: &[char], start: usize, end: usize) -> Option<Found> {
    let digits: String = chars.get(start..end)?.iter().collect();
    let value: f64 = digits.trim_end_matches('.').parse().ok()?;
    // Spaces around a number are the PDF's, not the text's (`突破 2500 亿元`).
    let before: String = chars
        .get(start.saturating_sub(8)..start)?
        .iter()
        .filter(|c| !c.is_whitespace())
        .collect();
    let rest: String = chars
        .get(end..)?
        .iter()
        .collect::<String>()
        .trim_start()
        .to_string();
    if before.ends_with('第') || before.ends_with('+') || rest.starts_with('+') {
        return None;
    }
    if rest.starts_with(['年', '月', '日', '号', '时', 'G', '-', '—', '～', '~', '.']) {
        return None;
    }
    let multiplier = ["万亿", "亿", "万", "千"]
        .into_iter()
        .find(|m| rest.starts_with(m))
        .unwrap_or("");
    let after_mult = rest
        .get(multiplier.len()..)
        .unwrap_or_default()
        .trim_start();
    let unit = UNITS.iter().find(|u| after_mult.starts_with(**u))?;
    let after_unit = after_mult
        .get(unit.len()..)
        .unwrap_or_default()
        .trim_start();
    let percent = matches!(*unit, "%" | "％");
    // The multiplier belongs to the unit (`200` `亿元`), as curated.
    let text = if percent {
        format!("{digits}{unit}")
    } else {
        digits.clone()
    };
    let comparator = AFTER
        .iter()
        .find(|a| after_unit.starts_with(**a))
        .map(|a| a.to_string())
        .or_else(|| {
            let near: String = before
                .chars()
                .rev()
                .take(4)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            BEFORE
                .iter()
                .find(|(w, _)| near.contains(w))
                .map(|(_, c)| c.to_string())
        })
        .unwrap_or_else(|| "达到".to_string());
    Some(Found {
        value,
        text,
        unit: if percent {
            "%".into()
        } else {
            format!("{multiplier}{unit}")
        },
        after: AFTER
            .iter()
            .fold(after_unit, |a, w| a.strip_prefix(w).unwrap_or(a))
            .trim()
            .to_string(),
        comparator,
        at: start,
    })
}

/// The prose targets of a document, in reading order.
pub fn targets(outline: &Outline, _tables: &[CuratedTarget]) -> Vec<CuratedTarget> {
    let mut out = Vec::new();
    for (owner, p) in outline.paragraphs() {
        if outline.past(owner) || outline.in_box(owner).is_some_and(|_| false) {
            continue;
        }
        let category = outline
            .get(owner)
            .map(|s| s.title.trim().trim_end_matches('。').to_string())
            .unwrap_or_default();
        let heading_year = heading_year(outline, owner);
        for sentence in p.text.split_inclusive(['。', '；']) {
            out.extend(sentence_targets(sentence, &category, heading_year));
        }
    }
    out
}

/// The year of the nearest heading above a section that prints one, when it prints one
/// year only (the verifier's rule for a year not in the quote).
fn heading_year(outline: &Outline, i: usize) -> Option<u16> {
    let dated = outline
        .chain(i)
        .into_iter()
        .map(|s| years_in(&squeeze(&format!("{}{}", s.number, s.title))))
        .find(|y| !y.is_empty())?;
    match dated.as_slice() {
        [y] => Some(*y),
        _ => None,
    }
}

/// The targets of one sentence: a record per number, quoting its clause (with the
/// sentence's opening `到2025年，` when the clause follows it directly).
pub fn sentence_targets(
    sentence: &str,
    category: &str,
    heading_year: Option<u16>,
) -> Vec<CuratedTarget> {
    let mut out = Vec::new();
    let clauses: Vec<&str> = sentence.split_inclusive(['，', ',', '：']).collect();
    // The clause that dates what follows it (`到2025年，`), and the text from it on.
    let mut dated: Option<String> = None;
    for clause in &clauses {
        let is_date = clause.chars().count() <= 14 && !years_in(&squeeze(clause)).is_empty();
        if is_date && numbers(clause).is_empty() {
            dated = Some(String::new());
        }
        if let Some(d) = dated.as_mut() {
            d.push_str(clause);
        }
        let body = clause.trim_end_matches(['，', ',', '：', '。', '；']);
        if is_date || body.contains("责任单位") || body.contains("完成时间") {
            continue;
        }
        // Under `到2025年，` the quote runs from it, so that it prints the year.
        let quote = match &dated {
            Some(d) => d
                .trim_end_matches(['，', ',', '：', '。', '；'])
                .to_string(),
            None => body.to_string(),
        };
        let q = squeeze(&quote);
        let year = years_in(&q)
            .first()
            .copied()
            .or(heading_year.filter(|_| years_in(&q).is_empty()));
        let found = numbers(body);
        // A named programme's completion is the programme, drafted as a project.
        let programme = crate::audit::completed_programme(body).is_some();
        if found.is_empty() && is_qualitative(body) && year.is_some() && !programme {
            out.push(qualitative(body, &quote, category, year));
        }
        for f in found {
            out.push(record(body, &quote, category, year, f));
        }
    }
    out
}

/// Words that state a dated aim without a number (`实现…全覆盖`, `完成…任务`).
const QUALITATIVE: &[&str] = &[
    "全覆盖",
    "清零",
    "任务",
    "达标",
    "全部建成",
    "基本建成",
    "全面建成",
    "全面完成",
    "基本完成",
    "全部完成",
    "投入使用",
    "通车",
    "领先水平",
    "前列",
    "显著提升",
    "明显提升",
    "大幅提升",
    "基本形成",
    "初步建成",
    "省控目标",
];

/// A dated clause that states an aim in words (the year is the sentence's or its heading's).
fn is_qualitative(clause: &str) -> bool {
    let c = squeeze(clause);
    QUALITATIVE.iter().any(|w| c.contains(w)) && years_in(&c).len() <= 1 && c.chars().count() >= 6
}

/// A clause stating an aim, split into what it is about and what it aims at
/// (`生活性服务业企业数字化程度` / `达到国内领先水平`); the whole clause both ways when it
/// does not split.
fn split_aim(clause: &str) -> (&str, &str) {
    const AIMS: &[&str] = &[
        "实现", "达到", "居", "显著", "明显", "大幅", "基本", "全面", "全部", "初步", "完成",
    ];
    let at = AIMS
        .iter()
        .filter_map(|w| clause.find(w))
        .filter(|&i| clause.get(..i).is_some_and(|s| s.chars().count() >= 2))
        .min();
    match at.and_then(|i| Some((clause.get(..i)?, clause.get(i..)?))) {
        Some((subject, aim)) => (subject.trim_end_matches('，'), aim),
        None => (clause, clause),
    }
}

/// A target stated in words: the clause, with its year.
fn qualitative(clause: &str, quote: &str, category: &str, year: Option<u16>) -> CuratedTarget {
    let (subject, words) = split_aim(clause.trim());
    CuratedTarget {
        id: String::new(),
        indicator: subject.to_string(),
        unit: String::new(),
        category: category.to_string(),
        attribute: None,
        origin: Origin::Prose,
        cumulative: false,
        baseline: None,
        target: Some(CuratedFigure {
            year,
            value: None,
            comparator: String::new(),
            text: String::new(),
            note: String::new(),
        }),
        growth: None,
        qualitative: words.to_string(),
        quote: quote.trim().to_string(),
        shared_quote: String::new(),
        unit_misprint: None,
        also: Vec::new(),
        merged: Vec::new(),
    }
}

fn record(clause: &str, quote: &str, category: &str, year: Option<u16>, f: Found) -> CuratedTarget {
    // A yearly growth is the target's value too (`年均增长5%以上`), as curated: the
    // verifier wants a target, a baseline or words.
    let target = Some(CuratedFigure {
        year,
        value: Some(f.value),
        comparator: f.comparator.clone(),
        text: f.text.clone(),
        note: String::new(),
    });
    CuratedTarget {
        id: String::new(),
        indicator: indicator(clause, f.at, &f.after),
        unit: f.unit,
        category: category.to_string(),
        attribute: None,
        origin: Origin::Prose,
        cumulative: false,
        baseline: None,
        target,
        growth: None,
        qualitative: String::new(),
        quote: quote.trim().to_string(),
        shared_quote: String::new(),
        unit_misprint: None,
        also: Vec::new(),
        merged: Vec::new(),
    }
}

/// What a number measures: the clause before it, without the verb that states it.
fn indicator(clause: &str, at: usize, after: &str) -> String {
    const VERBS: &[&str] = &[
        "达到",
        "突破",
        "不低于",
        "不少于",
        "不超过",
        "超过",
        "至少",
        "力争",
        "争取",
        "累计",
        "年均增长",
        "增长",
        "保持在",
        "控制在",
        "提高到",
        "提升到",
        "增加到",
        "稳定在",
        "分别",
        "实现",
        "新增",
        "建设",
        "新建",
        "建成",
        "培育",
        "打造",
        "打造形成",
        "形成",
        "引进",
        "完成",
        "开通",
        "举办",
        "实施",
        "建设提升",
    ];
    let mut s: String = clause
        .chars()
        .take(at)
        .collect::<String>()
        .trim()
        .to_string();
    let mut changed = true;
    while changed {
        changed = false;
        for v in VERBS {
            if let Some(r) = s.strip_suffix(v) {
                s = r.trim().to_string();
                changed = true;
            }
        }
    }
    for p in ["全市", "全区", "我市"] {
        s = s.strip_prefix(p).unwrap_or(&s).to_string();
    }
    // A count with nothing before it but its verb measures what follows it.
    if s.chars().count() < 2 && after.chars().count() >= 2 {
        s = after.trim_start_matches('的').to_string();
    }
    if s.chars().count() < 2 {
        s = clause.trim().to_string();
    }
    s.chars().take(40).collect()
}

/// A prose target restating a table target (the same number, the indicator's words) is
/// kept as a further place of the table's record (`also`), not as a record of its own.
pub fn merge_restatements(table: &mut Vec<CuratedTarget>, prose: Vec<CuratedTarget>) {
    for p in prose {
        let value = p
            .target
            .as_ref()
            .or(p.growth.as_ref())
            .and_then(|f| f.value);
        let q = squeeze(&p.quote);
        let restated = table.iter_mut().find(|t| {
            let values = [&t.target, &t.growth]
                .into_iter()
                .flatten()
                .filter_map(|f| f.value);
            let same = values.into_iter().any(|v| Some(v) == value);
            same && shares_words(&squeeze(&t.indicator), &q)
        });
        match restated {
            Some(t) if t.origin == Origin::Table => {
                if !t.also.contains(&p.quote) {
                    t.also.push(p.quote.clone());
                }
            }
            _ => table.push(p),
        }
    }
}

/// True when two texts share a run of four characters.
fn shares_words(a: &str, b: &str) -> bool {
    let chars: Vec<char> = a.chars().collect();
    chars
        .windows(4)
        .any(|w| b.contains(&w.iter().collect::<String>()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each drafted target of a sentence: value, comparator, year, text as printed, quote.
    type Expected<'a> = (f64, &'a str, Option<u16>, &'a str, &'a str);

    fn check(sentence: &str, heading_year: Option<u16>, expected: &[Expected]) {
        let got: Vec<(f64, String, Option<u16>, String, String)> =
            sentence_targets(sentence, "", heading_year)
                .into_iter()
                .filter_map(|t| {
                    let f = t.target?;
                    Some((f.value?, f.comparator, f.year, f.text, t.quote))
                })
                .collect();
        let expected: Vec<(f64, String, Option<u16>, String, String)> = expected
            .iter()
            .map(|(v, c, y, t, q)| (*v, c.to_string(), *y, t.to_string(), q.to_string()))
            .collect();
        assert_eq!(got, expected, "sentence: {sentence}");
    }

    #[test]
    fn by_a_year_reaches() {
        let s = "到2025年，商务服务业总规模达到200亿元。";
        check(
            s,
            None,
            &[(
                200.0,
                "达到",
                Some(2025),
                "200",
                "到2025年，商务服务业总规模达到200亿元",
            )],
        );
    }

    #[test]
    fn breaks_through() {
        let s = "到 2025 年，地区生产总值突破 2500 亿元，人均 GDP 达到 28 万元以上。";
        check(
            s,
            None,
            &[
                (
                    2500.0,
                    "突破",
                    Some(2025),
                    "2500",
                    "到 2025 年，地区生产总值突破 2500 亿元",
                ),
                (
                    28.0,
                    "以上",
                    Some(2025),
                    "28",
                    "到 2025 年，地区生产总值突破 2500 亿元，人均 GDP 达到 28 万元以上",
                ),
            ],
        );
    }

    #[test]
    fn not_below() {
        let s = "到2022年年底，护理型床位占比不低于60%。";
        check(
            s,
            None,
            &[(
                60.0,
                "不低于",
                Some(2022),
                "60%",
                "到2022年年底，护理型床位占比不低于60%",
            )],
        );
    }

    #[test]
    fn or_more_and_about() {
        let s = "城乡居民人均可支配收入分别增长6.5%左右和7%左右，工业投资增长10%以上。";
        check(
            s,
            Some(2020),
            &[
                (
                    6.5,
                    "左右",
                    Some(2020),
                    "6.5%",
                    "城乡居民人均可支配收入分别增长6.5%左右和7%左右",
                ),
                (
                    7.0,
                    "左右",
                    Some(2020),
                    "7%",
                    "城乡居民人均可支配收入分别增长6.5%左右和7%左右",
                ),
                (10.0, "以上", Some(2020), "10%", "工业投资增长10%以上"),
            ],
        );
    }

    #[test]
    fn yearly_growth() {
        let s = "到2025年，规上商务服务企业主营业务收入年均增长5%以上。";
        check(
            s,
            None,
            &[(
                5.0,
                "以上",
                Some(2025),
                "5%",
                "到2025年，规上商务服务企业主营业务收入年均增长5%以上",
            )],
        );
    }

    #[test]
    fn a_year_from_the_heading_only_when_the_quote_prints_none() {
        check(
            "开行欧亚班列220列。",
            Some(2020),
            &[(220.0, "达到", Some(2020), "220", "开行欧亚班列220列")],
        );
        check(
            "2019年新增上云企业突破1万家。",
            Some(2020),
            &[(1.0, "突破", Some(2019), "1", "2019年新增上云企业突破1万家")],
        );
    }

    #[test]
    fn names_dates_and_ordinals_are_not_targets() {
        check(
            "确保2号线年内通车，推广5G应用，办好第3届博览会，构建“1+5+N”体系。",
            Some(2020),
            &[],
        );
    }

    #[test]
    fn what_a_number_measures() {
        let indicators = |s: &str| -> Vec<String> {
            sentence_targets(s, "", None)
                .into_iter()
                .map(|t| t.indicator)
                .collect()
        };
        assert_eq!(
            indicators("到2025年，打造形成10个高端生活性服务业集聚区，5个国际时尚高端消费商圈。"),
            ["高端生活性服务业集聚区", "国际时尚高端消费商圈"]
        );
        assert_eq!(
            indicators("到2025年，商务服务业总规模突破200亿元。"),
            ["商务服务业总规模"]
        );
        assert_eq!(
            indicators("培育1条国家级高品质步行街。"),
            ["国家级高品质步行街"]
        );
    }

    #[test]
    fn a_dated_aim_in_words() {
        let aims = |s: &str| -> Vec<(String, String, Option<u16>)> {
            sentence_targets(s, "", None)
                .into_iter()
                .map(|t| (t.indicator, t.qualitative, t.target.and_then(|f| f.year)))
                .collect()
        };
        let aim = |i: &str, q: &str, y| (i.to_string(), q.to_string(), y);
        assert_eq!(
            aims("到2022年，社区养老服务设施在街道（镇）一级实现全覆盖。"),
            [aim(
                "社区养老服务设施在街道（镇）一级",
                "实现全覆盖",
                Some(2022)
            )]
        );
        assert_eq!(
            aims("到2025年，生活性服务业企业数字化程度达到国内领先水平。"),
            [aim(
                "生活性服务业企业数字化程度",
                "达到国内领先水平",
                Some(2025)
            )]
        );
        // Without a year in the sentence or its heading, words alone are not drafted.
        assert!(sentence_targets("推动老旧小区物业管理全覆盖。", "", None).is_empty());
    }

    #[test]
    fn a_date_within_the_sentence_dates_what_follows_it() {
        let s = "推进社区医院建设，到 2025 年，70%以上社区卫生服务中心达到社区医院标准。";
        check(
            s,
            None,
            &[(
                70.0,
                "以上",
                Some(2025),
                "70%",
                "到 2025 年，70%以上社区卫生服务中心达到社区医院标准",
            )],
        );
    }
}
