//! The pieces of a paragraph that may be project names: a box item with its group, each
//! clause or list item of the text, places listed with the kind they share.

use super::name::{is_named, kind_of, strip_verbs, trim_tail};
use super::words::DONE;
use model::ProjectKind;

/// A piece of text that may be a project's name, with where it is quoted from.
pub struct Piece<'t> {
    pub domain: &'t str,
    pub name: String,
    pub quote: &'t str,
    /// Listed as one of several named places sharing a kind (`浮山湾、台东等商圈`).
    pub listed: bool,
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
    // A box item may open with its own name (`招商引资提速行动。积极引进…`).
    if !domain.is_empty() && kind_of(domain).is_some() && is_named(domain, false) {
        let name = domain.to_string();
        out.push(Piece {
            domain: "",
            name,
            quote: domain,
            listed: true,
        });
    }
    for clause in body.split(['，', '；', '。', ';', '：']) {
        let quote = clause.trim();
        // What has been won or done is not a project to build (`…获评省级…`).
        if DONE.iter().any(|w| quote.contains(w)) {
            continue;
        }
        let items: Vec<&str> = clause.split('、').flat_map(|i| i.split("以及")).collect();
        if let Some(names) = shared_kind(&items) {
            out.extend(names.into_iter().map(|name| Piece {
                domain,
                name,
                quote,
                listed: true,
            }));
            continue;
        }
        for item in items {
            // A list's last item ends with what it lists (`山东硅谷等产业载体`); a name
            // follows what describes it (`以船舶交易为主的海洋产权交易市场`).
            let item = item.split('等').next().unwrap_or(item);
            let item = item.rsplit('的').next().unwrap_or(item);
            let name = trim_tail(strip_verbs(item.trim()));
            // Two names joined by `和` / `及` are two projects when each ends as one
            // (`中国航天科技园（济南）和飞机维修检测产业基地`); `…中心及产业园` stays one.
            let two = name.split_once('和').or_else(|| name.split_once('及'));
            let names = match two {
                Some((a, b))
                    if kind_of(a).is_some() && kind_of(b).is_some() && b.chars().count() >= 4 =>
                {
                    vec![a, trim_tail(strip_verbs(b))]
                }
                _ => vec![name],
            };
            out.extend(names.into_iter().map(|n| Piece {
                domain,
                name: n.to_string(),
                quote,
                listed: false,
            }));
        }
    }
    out
}

/// Places listed with the kind they share (`浮山湾、中山路、台东等商圈`, `蓝谷、董家口4个功能性
/// 战略支点`): one name per place, the kind added to each.
fn shared_kind(items: &[&str]) -> Option<Vec<String>> {
    let (last, heads) = items.split_last()?;
    if heads.is_empty() {
        return None;
    }
    let last = strip_verbs(last.trim());
    let (head, tail) = match last.split_once('等') {
        Some(split) => split,
        None => {
            let at = last.find(|c: char| c.is_ascii_digit())?;
            let (h, t) = last.split_at(at);
            let t = t.trim_start_matches(|c: char| c.is_ascii_digit());
            (h, t.strip_prefix('个').or_else(|| t.strip_prefix('处'))?)
        }
    };
    let tail = ["重点", "一批", "各类"]
        .iter()
        .fold(tail.trim(), |t, w| t.strip_prefix(w).unwrap_or(t));
    // Only places share a kind this way: a list of events or platforms is not named.
    if kind_of(tail) != Some(ProjectKind::Park) {
        return None;
    }
    let mut names = Vec::new();
    for h in heads
        .iter()
        .map(|h| strip_verbs(h.trim()))
        .chain(std::iter::once(head.trim()))
    {
        if h.is_empty() || h.chars().count() > 5 || kind_of(h).is_some() {
            return None;
        }
        names.push(format!("{h}{tail}"));
    }
    Some(names)
}
