//! The pieces of a paragraph that may be project names: a box item with its group, each
//! clause or list item of the text (read with the verb that opens its clause), the names a
//! list gives by what its items share.

use super::lists::{is_etc, parts_of_one, shared};
use super::name::Reading;
use super::name::{after_subject, builds, kind_of, named_prefix, opening, quoted_whole};
use super::name::{is_proper_place, strip_verbs, trim_tail};
use super::text::{after_last_outside, quoted_run, split_outside, until_end_of, until_outside};
use super::words::{COUNTS, DONE, OTHERS, PROGRAMMES};

/// A piece of text that may be a project's name, with where it is quoted from.
pub struct Piece<'t> {
    pub domain: &'t str,
    pub name: String,
    pub quote: &'t str,
    /// The evidence the piece was read with (`Reading`).
    pub how: Reading,
}

/// The pieces of a paragraph that may be names: in a box, `组名。甲、乙、丙。` gives each
/// item with its group; elsewhere each clause or list item without its opening verbs.
pub fn pieces(text: &str, in_box: bool) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let (domain, body) = match text.split_once('。') {
        Some((d, rest)) if in_box && d.chars().count() <= 15 && !rest.trim().is_empty() => {
            (d.trim(), rest)
        }
        _ => ("", text),
    };
    // A box item may open with the name of its programme (`招商引资提速行动。积极引进…`).
    if PROGRAMMES.iter().any(|p| domain.ends_with(p)) {
        out.push(Piece {
            domain: "",
            name: strip_verbs(domain).to_string(),
            quote: domain,
            how: Reading::Mentioned,
        });
    }
    for clause in split_outside(body, &['，', '；', '。', ';', '：', ',']) {
        let quote = clause.trim();
        let Some(how) = reading(quote, in_box) else {
            continue;
        };
        out.extend(
            clause_pieces(quote, how)
                .into_iter()
                .map(|(name, how)| Piece {
                    domain,
                    name,
                    quote,
                    how,
                }),
        );
    }
    out
}

/// How the names of a clause are read, or none when the clause names nothing to build:
/// what has been won or done (`…获评省级…`), what the city is to become (`打造成为…`), a
/// plan to be drawn up (`制定改造计划`), the zones of a spatial layout.
fn reading(clause: &str, in_box: bool) -> Option<Reading> {
    let (open, _) = opening(clause);
    let layout = ["空间布局", "空间结构", "空间格局", "总体布局", "布局结构"];
    let drafted = ["制定", "制订", "编制", "提出"]
        .iter()
        .any(|v| open.contains(v))
        && !open.contains("实施");
    // `包括…` / `含…` lists the parts of what was named before it.
    let parts = ["包括", "含"].iter().any(|w| open.starts_with(w));
    if DONE.iter().any(|w| clause.contains(w))
        || open.contains("成为")
        || parts
        || layout.iter().any(|w| clause.contains(w))
        || drafted && ["计划", "方案", "规划"].iter().any(|p| clause.contains(p))
    {
        return None;
    }
    // A box lists names, and the things its prose acts on are what it lists to build;
    // elsewhere a clause builds by its opening verb or by its last word (`…中心建设`), unless
    // it leaves the building to others (`鼓励企业…建设`).
    let brought = clause.ends_with("建设") && !OTHERS.iter().any(|w| open.contains(w))
        || ["落户", "落地"].iter().any(|w| clause.ends_with(w));
    let list = clause.contains('、') || !clause.contains('的');
    Some(if in_box && open.is_empty() && list {
        Reading::Listed
    } else if in_box || builds(open) || brought {
        Reading::Built
    } else {
        Reading::Mentioned
    })
}

/// The names a clause may give, each with the evidence it was read with.
fn clause_pieces(clause: &str, how: Reading) -> Vec<(String, Reading)> {
    // A named programme whose completion the clause states (`完成“七五”普法任务`).
    if let Some(name) = crate::audit::completed_programme(clause.trim_end_matches('。')) {
        return vec![(name, Reading::Given)];
    }
    if let Some(name) = parts_of_one(clause) {
        return vec![(name, Reading::Given)];
    }
    let mut items: Vec<&str> = split_outside(clause, &['、'])
        .into_iter()
        .flat_map(|i| i.split("以及"))
        .flat_map(quoted_run)
        .collect();
    // A count before the list counts every item (`建设一批涉外服务港、国际人才服务中心`,
    // `建设20个以上…`).
    let first = items.first().map_or("", |f| strip_verbs(f));
    let figures = first.trim_start_matches(|c: char| c.is_ascii_digit());
    let counted =
        figures.len() < first.len() && figures.starts_with(['个', '家', '条', '座', '处']);
    if counted || COUNTS.iter().any(|c| first.starts_with(c)) {
        return Vec::new();
    }
    // A second thing joined to the list's last item (`…等保护修缮和百花洲片区改造提升`).
    let listed = items.len() > 1;
    let joined = items
        .pop()
        .map(|last| match split_outside(last, &['和']).as_slice() {
            [a, b]
                if (a.contains('等') || listed && kind_of(a).is_some())
                    && kind_of(trim_tail(b)).is_some() =>
            {
                (*a, Some(*b))
            }
            _ => (last, None),
        });
    let mut out = Vec::new();
    let mut core = clause;
    if let Some((last, second)) = joined {
        items.push(last);
        if let Some(b) = second {
            out.extend(item_pieces(b, how));
            core = until_end_of(clause, last);
        }
    }
    if let Some(names) = shared(core, &items, how) {
        out.splice(0..0, names);
        return out;
    }
    let mut head: Vec<(String, Reading)> = items.iter().flat_map(|i| item_pieces(i, how)).collect();
    if how == Reading::Listed {
        given_by_list(&mut head);
    }
    head.extend(out);
    head
}

/// In a list of projects whose items mostly end as projects do, the other items are names
/// too (`…、明府城中央文化生态区、…`, `…、商河花博会、…`).
fn given_by_list(items: &mut [(String, Reading)]) {
    let known = items.iter().filter(|(n, _)| kind_of(n).is_some()).count();
    if items.len() >= 3 && known * 2 >= items.len() {
        for (name, how) in items.iter_mut() {
            if kind_of(name).is_none() {
                *how = Reading::Given;
            }
        }
    }
}

/// The names of one list item, each with the evidence it was read with: an item opened by
/// a verb that builds is read as built whatever its clause.
fn item_pieces(item: &str, how: Reading) -> Vec<(String, Reading)> {
    let how = match how {
        Reading::Mentioned if builds(opening(item).0) => Reading::Built,
        h => h,
    };
    item_names(item, how)
}

/// The names in one list item: what it lists before `等`, what follows a description
/// (`以船舶交易为主的海洋产权交易市场`; in a list of projects the description is part of the
/// name), without the opening verbs or the subject that acts (`商河建设…`); two names joined
/// by `和` / `与` (in text, also `及`) are two when each ends as a project
/// (`中国航天科技园（济南）和飞机维修检测产业基地`). A name the item builds is read as built
/// (`…中心建设`, `商河建设…`); one it describes by what it is to be (`具有国际竞争力的…中心`)
/// is a name only by a proper name.
fn item_names(item: &str, how: Reading) -> Vec<(String, Reading)> {
    let listed = how == Reading::Listed;
    let plain = !item.contains('的');
    let item = until_outside(item, is_etc);
    // A name follows what describes it (`以船舶交易为主的海洋产权交易市场`), or, when nothing
    // after the description names a thing, is what is described (`…合作园的平台作用`).
    let after = after_last_outside(item, '的');
    let mut described = !listed && after.len() < item.len();
    let item = if !described {
        item
    } else if named_prefix(trim_tail(strip_verbs(after)), Reading::Listed).is_some() {
        after
    } else {
        described = false;
        item.get(..item.len() - after.len() - '的'.len_utf8())
            .unwrap_or(item)
    };
    let (open, name) = opening(item.trim());
    // A subject that acts after `鼓励` / `支持` is another's (`鼓励企业建设…`).
    let others = OTHERS.iter().any(|w| open.contains(w));
    // A programme named by the title of its document (`落实《…行动方案》`).
    let name = name
        .strip_prefix('《')
        .and_then(|n| n.strip_suffix('》'))
        .unwrap_or(name);
    // What a clause relies on is named before what it builds (`依托…北方中心加快全民健康信息平台
    // 建设`): the name is what follows.
    let name = name
        .split_once("加快")
        .filter(|(relied, _)| kind_of(relied).is_some())
        .map_or(name, |(_, built)| strip_verbs(built));
    let (name, acted) = match after_subject(name) {
        Some((subject, object)) => (object, !others || is_proper_place(subject)),
        None => (name, false),
    };
    let built = acted || name.ends_with("建设") && kind_of(trim_tail(name)).is_some();
    let how = match how {
        Reading::Mentioned if built => Reading::Built,
        Reading::Built if described => Reading::Mentioned,
        h => h,
    };
    let name = trim_tail(name);
    // A quoted name that a clause builds, alone, is one whatever its ending
    // (`推进“城市大脑”建设`).
    let how = match how {
        Reading::Built if quoted_whole(name) && plain => Reading::Given,
        h => h,
    };
    let joins: &[char] = if listed {
        &['和', '与']
    } else {
        &['和', '及', '与']
    };
    let two = joins
        .iter()
        .find_map(|c| match split_outside(name, &[*c]).as_slice() {
            [a, b] => Some((*a, *b)),
            _ => None,
        })
        .filter(|(a, b)| both_named(a, b));
    match two {
        Some((a, b)) => {
            let b = trim_tail(strip_verbs(b));
            let how = |n: &str| match how {
                Reading::Given if !quoted_whole(n) => Reading::Built,
                Reading::Built if quoted_whole(n) => Reading::Given,
                h => h,
            };
            vec![(a.to_string(), how(a)), (b.to_string(), how(b))]
        }
        None => match quoted_pair(name) {
            Some(names) => names.into_iter().map(|n| (n, how)).collect(),
            None => vec![(name.to_string(), how)],
        },
    }
}

/// Two quoted names joined by `和` / `与` before the kind of thing each is (`“AI元脑”和
/// “人工智能+”融合开放平台`): one thing of that kind each.
fn quoted_pair(name: &str) -> Option<Vec<String>> {
    let [a, b] = split_outside(name, &['和', '与'])[..] else {
        return None;
    };
    let close = b.rfind('”')? + '”'.len_utf8();
    let (quoted, kind) = (b.get(..close)?, b.get(close..)?);
    let named = quoted_whole(a) && quoted_whole(quoted) && kind.chars().count() >= 2;
    (named && kind_of(kind).is_some()).then(|| vec![format!("{a}{kind}"), b.to_string()])
}

/// True when two names joined by `和` / `与` are each a name: each ends as a project does, or
/// each is a quoted name (`“雪亮工程”与“智安小区”`).
fn both_named(a: &str, b: &str) -> bool {
    let quoted = |n: &str| n.starts_with('“') && n.ends_with('”');
    let b = trim_tail(b);
    // Works done to a thing, then a 工程 that names both, is one programme (`商务楼宇升级改造和管理
    // 服务提升工程`).
    if b.ends_with("工程") && ["改造", "提升"].iter().any(|w| a.ends_with(w)) {
        return false;
    }
    kind_of(a).is_some() && kind_of(b).is_some() && b.chars().count() >= 4 || quoted(a) && quoted(b)
}
