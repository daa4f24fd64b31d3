//! What reads as a project's name: how it ends, what opens and closes it in its clause, and
//! whether it names one thing (a place, a body, a quoted name) rather than a class or a count.

use super::lists::is_etc;
use super::words::{
    BUILD, BUILT_BY, COMPOUNDS, COUNTS, DESCRIPTORS, DESIGNATIONS, GRADES, LINES, LINKS, MANNER,
    NOT_A_THING, NOT_BUILT, NOT_SUFFIXES, OTHERS, PROGRAMMES, PROPER, ROLES, SAYS, STATEMENTS,
    SUFFIXES, VERBS,
};
use model::ProjectKind;

/// How a piece of text came to be read as a possible name: the evidence it needs to be one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// An item of a 专栏 box or a project chapter, or one of places listed with the kind they
    /// share: every item that ends as a project does is one.
    Listed,
    /// The object of a verb that builds, sets up, holds or runs a thing (`建设…`, `举办…`):
    /// a name, unless it is a count, a class of things or a role of the city.
    Built,
    /// A name in passing: only a proper name (a place, a body, a quoted name) is one.
    Mentioned,
    /// A name the sentence says is one, whatever its ending: an item of `…等十个专项行动`, or
    /// of a list of projects whose other items end as projects do.
    Given,
}

/// The end of a name as its kind is read: without closing quotation marks and a closing
/// parenthesis (`量子保密“齐鲁干线”`, `科创板企业培育中心（山东）`, `…计划（2020—2022）`).
fn bare_end(name: &str) -> &str {
    let n = name.trim_end_matches(['”', '"', '’', '》']);
    let n = match n.strip_suffix(['）', ')']) {
        Some(inner) => inner
            .rfind(['（', '('])
            .filter(|&i| i > 0)
            .and_then(|i| n.get(..i))
            .unwrap_or(n),
        None => n,
    };
    n.trim_end_matches(['”', '"', '’', '》'])
}

/// The kind of thing a name ends as, if it ends as a project does.
pub fn kind_of(name: &str) -> Option<ProjectKind> {
    let name = bare_end(name);
    if NOT_SUFFIXES.iter().any(|s| name.ends_with(s)) {
        return None;
    }
    SUFFIXES
        .iter()
        .find(|(s, _)| name.ends_with(s))
        .map(|(_, k)| *k)
}

/// The longest start of a piece that is a name (`国际金融城快速崛起` → `国际金融城`).
pub fn named_prefix(piece: &str, how: Reading) -> Option<&str> {
    // Where a programme runs is not part of its quoted name (`城乡“雪亮工程”`).
    let piece = ["城乡", "全市", "全区", "全省"]
        .iter()
        .find_map(|w| piece.strip_prefix(w).filter(|p| p.starts_with('“')))
        .unwrap_or(piece);
    if how == Reading::Given {
        let name = piece.trim();
        return is_named(name, how).then_some(name);
    }
    longest_name(piece, |p| is_named(p, how))
}

/// The longest start of a piece that `accept`s, where what follows is not part of a name.
pub fn longest_name(piece: &str, accept: impl Fn(&str) -> bool) -> Option<&str> {
    let ends: Vec<usize> = piece
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    ends.into_iter()
        .rev()
        .filter_map(|e| Some((piece.get(..e)?, piece.get(e..)?)))
        .filter(|(p, rest)| rest.is_empty() || continues(p, rest))
        .map(|(p, _)| p)
        .find(|p| accept(p))
}

/// True when what follows a name in its piece is not part of it: a count (`12处`), a
/// closing quotation, or what the clause says of the name (`快速崛起`, `为核心的…`,
/// `影响力`, `…任务`).
fn continues(name: &str, rest: &str) -> bool {
    if NOT_A_THING.iter().any(|w| rest.starts_with(w)) {
        return false;
    }
    // A count after an unquoted name counts things of its kind (`行业云应用平台3—5个`).
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return name.ends_with(['”', '》']);
    }
    name.ends_with(['”', '》']) || SAYS.iter().any(|w| rest.starts_with(w))
}

/// The words a clause opens with before the name it acts on (`加快建设`, `高标准推进`,
/// `以`), and the name after them.
pub fn opening(text: &str) -> (&str, &str) {
    let text = text.trim();
    let mut t = text;
    // The longest word that opens what is left, until none does (`发挥好` before `发挥`).
    loop {
        // A word that opens with a link word is not opened by it (`对外开放`, `在线`).
        if COMPOUNDS.iter().any(|c| t.starts_with(c)) {
            break;
        }
        let word = MANNER
            .iter()
            .chain(VERBS)
            .chain(LINKS)
            .filter(|v| t.starts_with(*v))
            .max_by_key(|v| v.len());
        match word.and_then(|w| t.get(w.len()..)) {
            Some(rest) => t = rest.trim_start(),
            None => break,
        }
    }
    let cut = text.len() - t.len();
    (text.get(..cut).unwrap_or(""), t)
}

/// A name stripped of the verbs a clause opens with (`加快建设…`).
pub fn strip_verbs(text: &str) -> &str {
    opening(text).1
}

/// True when the opening words of a clause build, set up, hold or run what follows.
pub fn builds(opening: &str) -> bool {
    BUILT_BY.iter().any(|v| opening.contains(v)) && !OTHERS.iter().any(|v| opening.contains(v))
}

/// What a clause acts on when it opens with its subject (`商河建设医药化工产业园`,
/// `青岛自贸片区推动开展…试点`): the subject, and the text after its verb when it is a name.
pub fn after_subject(item: &str) -> Option<(&str, &str)> {
    BUILD.iter().find_map(|v| {
        let at = item.find(v).filter(|&at| at > 0)?;
        let subject = item.get(..at)?;
        let subject = MANNER
            .iter()
            .fold(subject, |s, m| s.strip_suffix(m).unwrap_or(s));
        let object = strip_verbs(item.get(at..)?);
        let found = is_subject(subject) && named_prefix(object, Reading::Built).is_some();
        found.then_some((subject, object))
    })
}

/// True when a text names a place or a body by its proper name (`商河`, `济南…`).
pub fn is_proper_place(text: &str) -> bool {
    PROPER
        .iter()
        .any(|p| text.contains(p) && !p.starts_with(['“', '《']))
}

/// A place or a body that acts (`商河`, `青岛自贸片区`, `…中心`, `企业`).
fn is_subject(text: &str) -> bool {
    const ENDS: &[&str] = &[
        "区", "区内", "市", "县", "中心", "企业", "单位", "公司", "园",
    ];
    let text = text.trim_end_matches(['在', '内']);
    !text.is_empty()
        && (ENDS.iter().any(|e| text.ends_with(e)) || PROPER.iter().any(|p| text.ends_with(p)))
}

/// True when a piece of text reads as one named project, by the evidence `how` it was read.
pub fn is_named(name: &str, how: Reading) -> bool {
    let n = name.chars().count();
    let given = how == Reading::Given;
    // A proper name may be short (`济南港`).
    let shortest = if PROPER.iter().any(|p| name.starts_with(p) && p.len() > 3) {
        3
    } else {
        4
    };
    // A name the sentence gives may list its parts (`…培育发展计划、能力提升计划…`).
    let longest = if given { 40 } else { 30 };
    if !(shortest..=longest).contains(&n)
        || !(given || kind_of(name).is_some())
        || !one_thing(name, how)
    {
        return false;
    }
    // In a list of projects (a 专栏 box, a project chapter) the items are named things even
    // when they read as a grade or a description (`国家级增量配电网示范项目`).
    if how == Reading::Listed {
        return true;
    }
    if COUNTS
        .iter()
        .any(|w| name.starts_with(w) || name.ends_with(w))
        || name.contains('的')
        || ROLES.iter().any(|w| bare_end(name).ends_with(w))
    {
        return false;
    }
    if how == Reading::Given {
        return true;
    }
    proper(name) || how == Reading::Built && built(name)
}

/// True when a name names one thing by itself: a proper name (a place, a body, a quoted
/// name), a programme named by what it does, a line named by the places it joins.
fn proper(name: &str) -> bool {
    if GRADES
        .iter()
        .any(|w| name.starts_with(w) || name.ends_with(w))
    {
        return false;
    }
    let n = name.chars().count();
    // A programme is named by what it does (`农产品加工业提升行动`): it needs no place.
    let programme = PROGRAMMES.iter().any(|s| name.ends_with(s)) && n >= 5;
    // A line, a port or an airport is named by the places it joins (`济郑高铁`).
    // A line is named by two places in a word (`济郑高铁`, `黄台联络线`); a port or an airport
    // by a longer name.
    let line = LINES.iter().any(|s| name.ends_with(s));
    let port = ["机场", "港", "综保区"].iter().any(|s| name.ends_with(s));
    let link = line || port && n >= 5;
    programme
        || link
        || PROPER.iter().any(|p| name.contains(p))
        || name.chars().any(|c| c.is_ascii_uppercase())
}

/// True when what a clause builds is one thing, not a class: not a facility that each
/// community or street has, one described by its quality, or one named by a word or two
/// before its kind (`社区综合文化服务中心`, `高品质商圈`, `数据中心`).
fn built(name: &str) -> bool {
    let end = bare_end(name);
    let own = SUFFIXES
        .iter()
        .find(|(s, _)| end.ends_with(s))
        .map_or(0, |(s, _)| end.chars().count() - s.chars().count());
    // Activities are many things done, not one (`群众性文化活动`).
    let kind = end.chars().count() - own;
    !NOT_BUILT.iter().any(|w| name.starts_with(w))
        && !DESCRIPTORS.iter().any(|w| name.starts_with(w))
        && !end.ends_with("活动")
        && (!(end.ends_with("平台") || end.ends_with("系统")) || graded(name))
        && (own >= 3 || own == 2 && kind >= 3)
}

/// True when a name says whose or what level it is (`国家重大新药创制平台`, `区级智慧应急指挥
/// 平台`, `中美设计创新云服务平台`): a platform or system named only by what it serves
/// (`家政服务平台`, `智慧旅游系统`) is a class of thing, many of which are built; one for everyone
/// is one thing (`全民健康信息平台`, `一体化在线政务服务平台`).
fn graded(name: &str) -> bool {
    let owners = ["国家", "级", "中美", "全民", "全市", "一体化", "统一"];
    owners.iter().any(|w| name.contains(w)) || is_proper_place(name)
}

/// True unless a name is the city itself, a kind of city, a count or a sentence.
fn one_thing(name: &str, how: Reading) -> bool {
    // 泉城 is the city itself; a bare …城市 is a kind of city.
    let designation = DESIGNATIONS.iter().any(|w| name.contains(w));
    let end = bare_end(name);
    if end.ends_with("泉城") || (end.ends_with("城市") && !designation) {
        return false;
    }
    // A quoted phrase that opens with a verb is a slogan (`“打造四个中心”`).
    if let Some(q) = name.strip_prefix('“') {
        if VERBS.iter().any(|v| q.starts_with(v)) {
            return false;
        }
    }
    let mut chars = name.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    // A number opens a name only in a list of projects (`9万吨…新材料智能制造项目`), and a
    // numeral one only when it counts nothing (`三德范古村`, `千佛山…`, not `十大…`, `两个…`).
    const NUMERALS: &str = "一二三四五六七八九十百千万两";
    const MEASURES: &str = "个大家条处座批项类区点站";
    let counted =
        NUMERALS.contains(first) && (NUMERALS.contains(second) || MEASURES.contains(second));
    if (first.is_ascii_digit() && !(how == Reading::Listed && name.ends_with("项目")))
        || counted && !name.starts_with("一带一路")
    {
        return false;
    }
    if name.contains(['，', '。', '；', '：']) || STATEMENTS.iter().any(|w| name.contains(w)) {
        return false;
    }
    // A list is one name only as one programme with several parts, or in a list of projects
    // (`柴油货车、工业炉窑…专项治理行动`, `劲牛生物血清、培养基…生产研发项目`).
    let outside = unquoted(name);
    let programme = PROGRAMMES.iter().any(|p| bare_end(name).ends_with(p));
    let listing = outside.contains('、') || (0..outside.len()).any(|i| is_etc(&outside, i));
    if listing && !(programme || how == Reading::Listed) {
        return false;
    }
    !quoted_formula(name) && !counted_inside(name, how)
}

/// True when a name is all one quotation (`“城市大脑”`).
pub fn quoted_whole(name: &str) -> bool {
    name.strip_prefix('“')
        .and_then(|n| n.strip_suffix('”'))
        .is_some_and(|inner| !inner.contains(['“', '”']))
}

/// The text of a name outside its quotation marks.
fn unquoted(name: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in name.chars() {
        match c {
            '“' => depth += 1,
            '”' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// True when a name ends with a quoted formula or slogan: a count (`即“一城四中心”`,
/// `“一区多园”`) or a list (`“山、泉、湖、河、城”`), not a name.
fn quoted_formula(name: &str) -> bool {
    let Some(inner) = name
        .strip_suffix('”')
        .and_then(|n| n.rsplit_once('“'))
        .map(|(_, q)| q)
    else {
        return false;
    };
    inner.contains(['、', '，', '+'])
        || inner.starts_with(|c: char| "一二三四五六七八九十两双".contains(c))
}

/// True when a name counts what it names (`…两个国家级园区`, `五大超高层塔楼综合体`,
/// `国家对外文化贸易基地“5”个平台`); in a list of projects only a count in figures is one.
fn counted_inside(name: &str, how: Reading) -> bool {
    let plain: Vec<char> = name.chars().filter(|c| !matches!(c, '“' | '”')).collect();
    let outside: Vec<char> = unquoted(name).chars().collect();
    let figures = plain
        .windows(2)
        .any(|w| w[0].is_ascii_digit() && "个家条座处".contains(w[1]));
    let words = outside
        .windows(2)
        .any(|w| "一二两三四五六七八九十".contains(w[0]) && "个大家条座处批项类".contains(w[1]))
        && !name.contains("一带一路");
    figures || (how != Reading::Listed && words)
}

/// A name without what follows it in the clause (`…中心建设`, `…基地项目建设`).
pub fn trim_tail(name: &str) -> &str {
    let mut n = name.trim();
    for tail in ["建设", "项目建设", "建设运营", "落地", "落户"] {
        if let Some(r) = n.strip_suffix(tail) {
            if kind_of(r).is_some() || quoted_whole(r) {
                n = r;
            }
        }
    }
    n
}
