//! What reads as a project's name: how it ends, what opens and closes it in its clause, and
//! whether it names one thing (a place, a body, a quoted name) rather than a class or a count.

use super::words::{NOT_NAMED, PROGRAMMES, PROPER, SUFFIXES, VERBS};
use model::ProjectKind;

/// The kind of thing a name ends as, if it ends as a project does (a closing quotation
/// mark aside: `量子保密“齐鲁干线”`).
pub fn kind_of(name: &str) -> Option<ProjectKind> {
    let name = name.trim_end_matches(['”', '"', '’', '》']);
    SUFFIXES
        .iter()
        .find(|(s, _)| name.ends_with(s))
        .map(|(_, k)| *k)
}

/// The longest start of a piece that is a name (`国际金融城快速崛起` → `国际金融城`,
/// `“泉城书房”12处` → `“泉城书房”`).
pub fn named_prefix(piece: &str, listed: bool) -> Option<&str> {
    let ends: Vec<usize> = piece
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .collect();
    ends.into_iter()
        .rev()
        .filter_map(|e| Some((piece.get(..e)?, piece.get(e..)?)))
        .filter(|(p, rest)| rest.is_empty() || continues(p, rest))
        .map(|(p, _)| p)
        .find(|p| kind_of(p).is_some() && is_named(p, listed))
}

/// True when what follows a name in its piece is not part of it: a count (`12处`), a
/// closing quotation, or what the clause says of the name (`快速崛起`, `为核心的…`).
fn continues(name: &str, rest: &str) -> bool {
    const SAYS: &[&str] = &[
        "快速",
        "扎实",
        "建设",
        "为核心",
        "为龙头",
        "为载体",
        "影响力",
        "取得",
        "开工",
        "投入",
        "落户",
        "顺利",
        "基本",
        "全面",
        "加快",
        "正式",
        "成功",
        "建成",
        "项目建设",
        "品牌",
        "破土",
        "动工",
        "通车",
        "竣工",
        "投运",
        "运营",
        "功能",
        "作用",
        "开发",
        "等",
    ];
    name.ends_with(['”', '》'])
        || rest.starts_with(|c: char| c.is_ascii_digit())
        || SAYS.iter().any(|w| rest.starts_with(w))
}

/// A name stripped of the verbs a clause opens with (`加快建设…`).
pub fn strip_verbs(text: &str) -> &str {
    let mut t = text.trim();
    let mut changed = true;
    while changed {
        changed = false;
        for v in VERBS {
            if let Some(r) = t.strip_prefix(v) {
                t = r.trim();
                changed = true;
            }
        }
    }
    t
}

/// True when a piece of text reads as one named project; `listed` for the items of a
/// 专栏 box or a project chapter, which need no proper name to be one.
pub fn is_named(name: &str, listed: bool) -> bool {
    let n = name.chars().count();
    if !(4..=30).contains(&n) || kind_of(name).is_none() {
        return false;
    }
    // 泉城 is the city itself; a bare …城市 is a kind of city.
    let designation = ["试点", "示范", "中心城市"]
        .iter()
        .any(|w| name.contains(w));
    if name.ends_with("泉城") || (name.ends_with("城市") && !designation) {
        return false;
    }
    let first = name.chars().next().unwrap_or(' ');
    // A number opens a name only in a list of projects (`9万吨…新材料智能制造项目`).
    if (first.is_ascii_digit() && !(listed && name.ends_with("项目")))
        || "一二三四五六七八九十百千两".contains(first) && !name.starts_with("一带一路")
    {
        return false;
    }
    if name.contains(['，', '。', '；', '：', '等']) {
        return false;
    }
    // In a list of projects (a 专栏 box, a project chapter) the items are named things even
    // when they read as a grade or a description (`国家级增量配电网示范项目`).
    if listed {
        return true;
    }
    if NOT_NAMED
        .iter()
        .any(|w| name.starts_with(w) || name.ends_with(w))
        || name.contains('的')
    {
        return false;
    }
    // A programme is named by what it does (`农产品加工业提升行动`): it needs no place.
    let programme = PROGRAMMES.iter().any(|s| name.ends_with(s)) && n >= 5;
    // A line, a port or an airport is named by the places it joins (`济郑高铁`).
    let link = ["高铁", "机场", "联络线", "港", "综保区", "高速公路"]
        .iter()
        .any(|s| name.ends_with(s))
        && (name.starts_with('济') || name.starts_with('青') || n >= 5);
    listed
        || programme
        || link
        || PROPER.iter().any(|p| name.contains(p))
        || name.chars().any(|c| c.is_ascii_uppercase())
}

/// A name without what follows it in the clause (`…中心建设`, `…工程（2020—2022）`).
pub fn trim_tail(name: &str) -> &str {
    let mut n = name.trim();
    for tail in ["建设", "项目建设", "改造提升", "提升", "建设运营"] {
        if let Some(r) = n.strip_suffix(tail) {
            if kind_of(r).is_some() {
                n = r;
            }
        }
    }
    n
}
