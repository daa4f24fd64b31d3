//! Lists that name several things in one breath (`data/facts/README.md`): the shared words
//! read as the sentence distributes them. Places listed with the kind they share
//! (`浮山湾、台东等商圈`) give one name each; programmes listed by name before what they are
//! (`…等十个专项行动`) give each name; one programme with several parts or targets
//! (`柴油货车、工业炉窑…专项治理行动`) stays one; a thing to build shared by several names
//! (`人工智能与空间安全、医养健康山东省实验室`, `甸柳片区、解放路片区等城市有机更新项目`) is
//! one per name.

use super::name::{is_named, kind_of, longest_name, quoted_whole, strip_verbs, trim_tail, Reading};
use super::text::split_outside;
use super::words::{BODIES, BUILD, LINES, PROGRAMMES, PROPER};
use model::ProjectKind;

/// The names a list gives by what its items share, if it is such a list: each with the
/// evidence it was read with.
pub fn shared(clause: &str, items: &[&str], how: Reading) -> Option<Vec<(String, Reading)>> {
    let listed =
        |names: Vec<String>| Some(names.into_iter().map(|n| (n, Reading::Listed)).collect());
    if let Some(Tail {
        heads,
        tail,
        ranked,
    }) = list_tail(items)
    {
        if let Some(names) = works_in_places(&heads, tail) {
            return listed(names);
        }
        // Bodies listed as such are not projects (`齐鲁医院、山东省立医院等优质医疗资源`,
        // `…等企业做大做强`).
        if BODIES.iter().any(|b| tail.contains(b)) {
            return Some(Vec::new());
        }
        // A quoted name after places is what is built in each (`洛阳、银川等“内陆港”`).
        if tail.starts_with('“') && tail.ends_with('”') {
            return listed(in_each(&heads, tail));
        }
        if let Some(names) = quoted_programmes(&heads) {
            return Some(names.into_iter().map(|n| (n, Reading::Given)).collect());
        }
        if let Some(names) = named_events(&heads, tail) {
            return listed(names);
        }
        if let Some(names) = shared_kind(&heads, tail) {
            return listed(names);
        }
        if let Some(names) = named_programmes(&heads, tail, ranked) {
            return Some(names.into_iter().map(|n| (n, Reading::Given)).collect());
        }
        if let Some(name) = one_programme(clause, items, how) {
            return Some(vec![(name, how)]);
        }
        return distributed(&heads, tail).and_then(listed);
    }
    if let Some(names) = national_pair(items) {
        return listed(names);
    }
    if let Some(names) = campaigns(items).or_else(|| shared_last_word(items)) {
        return listed(names);
    }
    if let Some(name) = one_programme(clause, items, how) {
        return Some(vec![(name, how)]);
    }
    shared_end(items).and_then(listed)
}

/// Things of one kind listed after `国家`, which grades them all (`国家儿童区域医疗中心、传染病区域
/// 医疗中心`, `国家人工智能创新应用先导区、人工智能创新发展试验区`): each with the grade, when they
/// share their first or last four characters or more.
fn national_pair(items: &[&str]) -> Option<Vec<String>> {
    let items: Vec<&str> = items
        .iter()
        .map(|i| trim_tail(strip_verbs(i.trim())))
        .collect();
    let (first, rest) = items.split_first()?;
    let own = first.strip_prefix("国家")?;
    let shared = |i: &str| {
        let start = own
            .chars()
            .zip(i.chars())
            .take_while(|(x, y)| x == y)
            .count();
        let end = own
            .chars()
            .rev()
            .zip(i.chars().rev())
            .take_while(|(x, y)| x == y)
            .count();
        (4..i.chars().count()).contains(&start.max(end))
    };
    let alike = |i: &&str| kind_of(i).is_some() && !i.starts_with("国家") && shared(i);
    if rest.is_empty() || kind_of(own).is_none() || !rest.iter().all(alike) {
        return None;
    }
    let names = std::iter::once(first.to_string()).chain(rest.iter().map(|i| format!("国家{i}")));
    Some(names.collect())
}

/// One programme's plans, named after it without its subject (`社区社会组织培育发展计划、能力提升
/// 计划、作用发挥计划和规范管理计划`): the whole list is its name. Works listed so are each a
/// programme of their own (`乡村旅游规模化工程、精品工程和效益提升工程`, `data/facts/README.md`).
pub fn parts_of_one(clause: &str) -> Option<String> {
    let whole = strip_verbs(clause.trim().trim_end_matches('。'));
    let items: Vec<&str> = split_outside(whole, &['、', '和']);
    let (first, parts) = items.split_first()?;
    let end = "计划";
    first.strip_suffix(end)?;
    let bare = |p: &&str| p.ends_with(end) && p.chars().count() <= 4 + end.chars().count();
    let subject = first.chars().count() >= 6 + end.chars().count();
    (parts.len() >= 2 && subject && parts.iter().all(bare)).then(|| whole.to_string())
}

/// Each place listed with the thing built there.
fn in_each(heads: &[&str], thing: &str) -> Vec<String> {
    heads.iter().map(|h| format!("{h}{thing}")).collect()
}

/// Works carried out in each of several places (`全福河、柳行河等城区河道有水工程`,
/// `白云水库、埕头水库等雨洪资源利用工程`): one project per place, as each is built there.
fn works_in_places(heads: &[&str], tail: &str) -> Option<Vec<String>> {
    let place = |h: &&str| {
        let n = h.chars().count();
        (3..=6).contains(&n) && (h.ends_with(PLACES) || h.ends_with("水库"))
    };
    let works = kind_of(tail) == Some(ProjectKind::Works) && !tail.contains('的');
    // Lines are named by places in a word or two (`济郑、济滨、济莱等高速铁路`).
    let short = |h: &&str| (2..=3).contains(&h.chars().count()) && kind_of(h).is_none();
    let line = LINES.contains(&tail) && heads.iter().all(short);
    let built = works && heads.iter().all(place) || line;
    (built && heads.len() >= 2).then(|| in_each(heads, tail))
}

/// Rights or types named in a word each, sharing their last character and what is done with
/// them (`用能权、排污权、用水权交易试点`, `生产服务型、港口型…国家物流枢纽`): one per item, as each
/// is run or designated on its own.
fn shared_last_word(items: &[&str]) -> Option<Vec<String>> {
    let (last, heads) = items.split_last()?;
    let heads: Vec<&str> = heads.iter().map(|h| strip_verbs(h.trim())).collect();
    let last = strip_verbs(last.trim());
    let end = heads.first()?.chars().last()?;
    let typed = end == '型';
    let longest = if typed { 5 } else { 3 };
    let short = |h: &str| (2..=longest).contains(&h.chars().count()) && h.ends_with(end);
    if !heads.iter().all(|h| short(h)) {
        return None;
    }
    let (at, _) = last
        .char_indices()
        .skip(1)
        .take(longest)
        .find(|(_, c)| *c == end)?;
    let (own, rest) = last.split_at(at + end.len_utf8());
    // What is run with each is a programme of its own (`…交易试点`) or, for types, a named
    // designation (`国家物流枢纽`); not a platform, a description (`空港、信息港四港合一的…`) or
    // works of several parts on the places together (`佛慧山、茂岭山生态修复和绿廊景观提升工程`).
    let own_kind = PROGRAMMES.iter().any(|p| rest.ends_with(p))
        || typed && rest.starts_with("国家") && kind_of(rest).is_some();
    if !own_kind || rest.contains(['的', '和']) {
        return None;
    }
    let names = heads.iter().chain(std::iter::once(&own));
    Some(names.map(|h| format!("{h}{rest}")).collect())
}

/// Campaigns run each on its own and listed under one word they all open with (`文明交通、
/// 文明旅游、文明餐桌、文明上网行动`): one per campaign. Parts of one programme do not share
/// their opening word (`柴油货车、工业炉窑…专项治理行动` stays one).
fn campaigns(items: &[&str]) -> Option<Vec<String>> {
    let (last, heads) = items.split_last()?;
    let last = strip_verbs(last.trim());
    let heads: Vec<&str> = heads.iter().map(|h| strip_verbs(h.trim())).collect();
    let first = heads.first()?;
    let word: String = first.chars().take(2).collect();
    let action = ["行动", "活动"].iter().find(|a| last.ends_with(**a))?;
    let own = last.strip_suffix(action)?;
    let alike = |h: &str| h.starts_with(&word) && (3..=5).contains(&h.chars().count());
    if !heads.iter().all(|h| alike(h)) || !alike(own) {
        return None;
    }
    Some(
        heads
            .iter()
            .chain(std::iter::once(&own))
            .map(|h| format!("{h}{action}"))
            .collect(),
    )
}

/// Places listed with the kind they share (`浮山湾、中山路、台东等商圈`, `蓝谷、董家口4个功能性
/// 战略支点`): one name per place, the kind added to each.
fn shared_kind(heads: &[&str], tail: &str) -> Option<Vec<String>> {
    // Only places share a kind this way: a list of events or platforms is not named.
    if heads.len() < 2 || kind_of(tail) != Some(ProjectKind::Park) {
        return None;
    }
    let mut names = Vec::new();
    for h in heads {
        if h.is_empty() || h.chars().count() > 5 || kind_of(h).is_some() {
            return None;
        }
        names.push(format!("{h}{tail}"));
    }
    Some(names)
}

/// Programmes listed by their names before what they are (`工业企业上云、科技企业上云…等十个
/// 专项行动`, `“百兆乡村”“厕所革命”等重点工程`): each item is a programme's name.
fn named_programmes(heads: &[&str], tail: &str, ranked: bool) -> Option<Vec<String>> {
    // What they are is said in a word or two with a count or a rank (`十个专项行动`), not a
    // programme's own name.
    let generic =
        ranked && tail.chars().count() <= 4 && PROGRAMMES.iter().any(|p| tail.ends_with(p));
    if !generic || heads.len() < 2 {
        return None;
    }
    let names: Vec<String> = heads
        .iter()
        .filter(|h| h.chars().count() >= 4)
        .map(|h| h.to_string())
        .collect();
    (names.len() == heads.len()).then_some(names)
}

/// Quoted names printed one after another before what they are, one of them a programme by its
/// ending (`“就业援助月”“春风行动”等专项服务`): each is a programme's name.
fn quoted_programmes(heads: &[&str]) -> Option<Vec<String>> {
    let programme = |h: &&str| {
        PROGRAMMES
            .iter()
            .any(|p| h.trim_end_matches('”').ends_with(p))
    };
    let quoted = heads.len() >= 2 && heads.iter().all(|h| quoted_whole(h));
    (quoted && heads.iter().any(programme)).then(|| heads.iter().map(|h| h.to_string()).collect())
}

/// Events listed by their names before what they are (`趵突泉灯会、千佛山庙会等精品民俗节庆
/// 活动`): each item is an event's name.
fn named_events(heads: &[&str], tail: &str) -> Option<Vec<String>> {
    if !tail.ends_with("活动") || heads.len() < 2 {
        return None;
    }
    let names: Vec<String> = heads
        .iter()
        .filter(|h| h.chars().count() >= 4 && !h.ends_with("活动"))
        .map(|h| h.to_string())
        .collect();
    (names.len() == heads.len()).then_some(names)
}

/// One programme with several parts or targets (`柴油货车、工业炉窑、挥发性有机物和扬尘专项
/// 治理行动`, `白云水库、埕头水库等雨洪资源利用工程`): the whole list is its name, when only
/// its last item ends as a programme.
fn one_programme(clause: &str, items: &[&str], how: Reading) -> Option<String> {
    let (last, heads) = items.split_last()?;
    // The parts are short nouns; a last item with a verb of its own is another task.
    let part = |h: &&str| {
        let h = strip_verbs(h);
        kind_of(h).is_none() && (1..=10).contains(&h.chars().count())
    };
    if heads.is_empty() || !heads.iter().all(part) || strip_verbs(last) != last.trim() {
        return None;
    }
    let whole = strip_verbs(clause);
    // In a list of projects, one project may also name several products or parts
    // (`劲牛生物血清、培养基和微生物菌剂生产研发项目`).
    let listed = how == Reading::Listed;
    let name = longest_name(whole, |p| {
        (listed
            || PROGRAMMES
                .iter()
                .any(|s| p.trim_end_matches('”').ends_with(s)))
            && p.len() >= whole.len() - last.len()
    })?;
    let first = strip_verbs(heads.first()?);
    // After `等` the programme's own name follows, not only what it is (`…等试点`).
    let own = name
        .rsplit_once('等')
        .is_none_or(|(_, t)| t.chars().count() >= 4);
    (own && name.chars().count() <= 40 && name.starts_with(first)).then(|| name.to_string())
}

/// A thing to build shared by places or parts listed before it (`甸柳片区、解放路片区等城市
/// 有机更新项目`, `先进电磁驱动、固体激光等重大科技基础设施`): each item with the thing, when
/// the items name no thing of their own; a leading word that says what the items are
/// (`重点区域开发改造`) is not part of it.
fn distributed(heads: &[&str], tail: &str) -> Option<Vec<String>> {
    // What is shared is a name of its own: no verb, no description (`…方面的先进理念`).
    if tail.contains('的') || BUILD.iter().any(|v| tail.contains(v)) || strip_verbs(tail) != tail {
        return None;
    }
    // The items are places (`甸柳片区`, `南门大街-司里街`), or things long enough to be named
    // by what is done to them (`山钢新旧动能转换升级等项目`).
    let place = |h: &&str| h.ends_with(PLACES) && h.chars().count() >= 3;
    let named = |h: &&str| {
        let n = h.chars().count();
        n >= 5 && tail.ends_with("项目") || n >= 4 && tail.starts_with("重大")
    };
    if !heads.iter().all(|h| place(h) || named(h)) {
        return None;
    }
    let tail = ["区域", "地区", "园区"]
        .iter()
        .find_map(|w| tail.split_once(w).map(|(_, t)| t))
        .filter(|t| kind_of(t).is_some())
        .unwrap_or(tail);
    // Places share a kind (`shared_kind`) and programmes are one (`one_programme`): what is
    // distributed is a thing built in each.
    let kind = kind_of(tail)?;
    if matches!(
        kind,
        ProjectKind::Park | ProjectKind::Action | ProjectKind::Works
    ) || heads.iter().any(|h| h.is_empty() || kind_of(h).is_some())
    {
        return None;
    }
    let names: Vec<String> = heads.iter().map(|h| format!("{h}{tail}")).collect();
    names
        .iter()
        .all(|n| is_named(n, Reading::Listed))
        .then_some(names)
}

/// How the name of a place ends (`…片区`, `…大街`, `…港区`).
const PLACES: &[char] = &[
    '区', '街', '路', '庄', '村', '港', '湾', '山', '河', '湖', '岛', '口', '段',
];

/// A thing named once for several items (`人工智能与空间安全、医养健康山东省实验室`,
/// `济郑、济莱高铁`): each earlier item with the last one's name from a proper name in it,
/// or, for places named in a word or two, with the line it ends as.
fn shared_end(items: &[&str]) -> Option<Vec<String>> {
    let (last, heads) = items.split_last()?;
    let heads: Vec<&str> = heads.iter().map(|h| strip_verbs(h)).collect();
    let last = strip_verbs(last);
    let last = last.split(['和', '及']).next().unwrap_or(last);
    if heads.is_empty() || heads.iter().any(|h| h.is_empty() || kind_of(h).is_some()) {
        return None;
    }
    let tail = longest_name(last, |p| is_named(p, Reading::Built))?;
    let at = PROPER
        .iter()
        .filter(|p| !p.starts_with(['“', '《']))
        .filter_map(|p| tail.find(p))
        .filter(|&i| i > 0)
        .min();
    let short = |h: &str| h.chars().count() <= 3;
    // Lines are named by places in a word or two sharing the line (`济郑、济莱高铁`).
    let at = at.or_else(|| {
        let end = LINES.iter().find(|s| tail.ends_with(*s))?;
        let at = tail.len() - end.len();
        (heads.iter().all(|h| short(h)) && short(tail.get(..at)?)).then_some(at)
    })?;
    let (own, shared) = (tail.get(..at)?, tail.get(at..)?);
    // The earlier items are the same kind of words as the last one's own, not whole names
    // (`全国重要货运集散地、全省欧亚班列集结中心`).
    let size = own.chars().count();
    if heads.iter().any(|h| h.chars().count() > 2 * size + 2) {
        return None;
    }
    // What is shared is a name, not what a subject does (`…跨国公司在济南设立研发中心`).
    if BUILD.iter().any(|v| tail.contains(v)) || own.ends_with(['在', '内']) {
        return None;
    }
    let mut names: Vec<String> = heads.iter().map(|h| format!("{h}{shared}")).collect();
    names.push(format!("{own}{shared}"));
    names
        .iter()
        .all(|n| is_named(n, Reading::Built))
        .then_some(names)
}

/// A list's items and what its last item says they are, after `等` or a count
/// (`…台东等重点商圈`, `…董家口4个功能性战略支点`).
pub struct Tail<'t> {
    pub heads: Vec<&'t str>,
    /// What they are, without a count or a word that ranks them (`重点`, `一批`).
    pub tail: &'t str,
    /// True when what they are is said with a count or a rank (`等十个专项行动`, `等重点工程`).
    pub ranked: bool,
}

pub fn list_tail<'t>(items: &[&'t str]) -> Option<Tail<'t>> {
    let (last, heads) = items.split_last()?;
    let last = strip_verbs(last.trim());
    let at = (0..last.len()).find(|&i| is_etc(last, i));
    let split = at.and_then(|i| Some((last.get(..i)?, last.get(i + '等'.len_utf8()..)?)));
    let (head, printed) = match split {
        Some(split) => split,
        None if heads.is_empty() => return None,
        None => {
            let at = last.find(|c: char| c.is_ascii_digit())?;
            let (h, t) = last.split_at(at);
            let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
            (h, t.strip_prefix('个').or_else(|| t.strip_prefix('处'))?)
        }
    };
    let printed = printed.trim();
    let tail = ["重点", "一批", "各类"]
        .iter()
        .fold(printed, |t, w| t.strip_prefix(w).unwrap_or(t));
    let tail = tail.trim_start_matches(|c: char| "一二三四五六七八九十两个大项".contains(c));
    let tail = tail.strip_prefix("重点").unwrap_or(tail);
    let ranked = tail.len() < printed.len() || split.is_none();
    let heads = heads
        .iter()
        .map(|h| strip_verbs(h.trim()))
        .chain(std::iter::once(head.trim()))
        .collect();
    Some(Tail {
        heads,
        tail: trim_tail(tail),
        ranked,
    })
}

/// True at a `等` that closes a list (`山东硅谷等产业载体`), not one of a word (`高等`).
pub fn is_etc(text: &str, at: usize) -> bool {
    let before = text.get(..at).and_then(|t| t.chars().last());
    text.get(at..).is_some_and(|t| t.starts_with('等'))
        && !before.is_some_and(|c| "高中初平同".contains(c))
}
