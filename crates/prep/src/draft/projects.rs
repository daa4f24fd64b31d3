//! Projects: the items of 专栏 boxes and of chapters of 重点工程 / 专项行动, and named things to
//! build, set up, hold or run in the text (`data/facts/README.md`): a name that ends as a
//! project does (…中心, …产业园, …工程, …行动计划, …博览会) and is not a count, a class
//! noun, an industry or a company.

use super::outline::{heading, is_box, Outline};
use crate::facts::CuratedProject;
use crate::normalize::squeeze;
use model::ProjectKind;

/// How a project's name ends, and its kind.
const SUFFIXES: &[(&str, ProjectKind)] = &[
    ("行动计划", ProjectKind::Action),
    ("行动方案", ProjectKind::Action),
    ("攻坚行动", ProjectKind::Action),
    ("保卫战", ProjectKind::Action),
    ("专项斗争", ProjectKind::Action),
    ("专项整治", ProjectKind::Action),
    ("大扫除", ProjectKind::Action),
    ("革命", ProjectKind::Action),
    ("计划", ProjectKind::Action),
    ("活动", ProjectKind::Action),
    ("专项行动", ProjectKind::Action),
    ("行动", ProjectKind::Action),
    ("工程", ProjectKind::Works),
    ("产业园", ProjectKind::Park),
    ("园区", ProjectKind::Park),
    ("科技园", ProjectKind::Park),
    ("小镇", ProjectKind::Park),
    ("集聚区", ProjectKind::Park),
    ("示范区", ProjectKind::Park),
    ("合作区", ProjectKind::Park),
    ("功能区", ProjectKind::Park),
    ("试验区", ProjectKind::Park),
    ("度假区", ProjectKind::Park),
    ("景区", ProjectKind::Park),
    ("街区", ProjectKind::Park),
    ("商圈", ProjectKind::Park),
    ("片区", ProjectKind::Park),
    ("谷", ProjectKind::Park),
    ("园", ProjectKind::Park),
    ("基地", ProjectKind::Base),
    ("平台", ProjectKind::Platform),
    ("中心", ProjectKind::Platform),
    ("实验室", ProjectKind::Platform),
    ("研究院", ProjectKind::Platform),
    ("创新院", ProjectKind::Platform),
    ("交易所", ProjectKind::Platform),
    ("港", ProjectKind::Platform),
    ("项目", ProjectKind::Project),
    ("博览会", ProjectKind::Project),
    ("论坛", ProjectKind::Project),
    ("大会", ProjectKind::Project),
    ("大赛", ProjectKind::Project),
    ("峰会", ProjectKind::Project),
    ("艺术节", ProjectKind::Project),
    ("文化节", ProjectKind::Project),
    ("节", ProjectKind::Project),
    ("基金", ProjectKind::Project),
    ("试点", ProjectKind::Project),
    ("线", ProjectKind::Project),
    ("高铁", ProjectKind::Project),
    ("机场", ProjectKind::Project),
    ("改扩建", ProjectKind::Project),
    ("高速公路", ProjectKind::Project),
    ("步行街", ProjectKind::Project),
    ("城市", ProjectKind::Project),
    ("示范市", ProjectKind::Project),
    ("先行市", ProjectKind::Project),
    ("会客厅", ProjectKind::Project),
    ("大厦", ProjectKind::Project),
    ("院区", ProjectKind::Project),
    ("新院", ProjectKind::Project),
    ("处理厂", ProjectKind::Project),
    ("发电厂", ProjectKind::Project),
    ("系统", ProjectKind::Platform),
    ("市场", ProjectKind::Platform),
    ("书房", ProjectKind::Project),
    ("资源库", ProjectKind::Platform),
    ("孵化器", ProjectKind::Platform),
    ("走廊", ProjectKind::Park),
    ("大走廊", ProjectKind::Park),
    ("风貌带", ProjectKind::Park),
    ("景观带", ProjectKind::Park),
    ("组团", ProjectKind::Park),
    ("板块", ProjectKind::Park),
    ("开发区", ProjectKind::Park),
    ("经济区", ProjectKind::Park),
    ("综保区", ProjectKind::Park),
    ("先导区", ProjectKind::Park),
    ("体验区", ProjectKind::Park),
    ("标志区", ProjectKind::Park),
    ("核心区", ProjectKind::Park),
    ("发展核", ProjectKind::Park),
    ("古城", ProjectKind::Park),
    ("古村", ProjectKind::Park),
    ("农庄", ProjectKind::Park),
    ("公社", ProjectKind::Park),
    ("综合体", ProjectKind::Park),
    ("大道", ProjectKind::Project),
    ("隧道", ProjectKind::Project),
    ("大桥", ProjectKind::Project),
    ("医院", ProjectKind::Project),
    ("博物馆", ProjectKind::Project),
    ("场馆", ProjectKind::Project),
    ("展览馆", ProjectKind::Project),
    ("文化宫", ProjectKind::Project),
    ("学院", ProjectKind::Platform),
    ("酒店", ProjectKind::Project),
    ("民宿", ProjectKind::Project),
    ("驿站", ProjectKind::Project),
    ("联盟", ProjectKind::Platform),
    ("共同体", ProjectKind::Platform),
    ("城中村改造", ProjectKind::Project),
    ("开发改造", ProjectKind::Project),
    ("城", ProjectKind::Park),
];

/// Names that mark a proper name: a place, a body, a brand, a quoted name.
const PROPER: &[&str] = &[
    "“",
    "《",
    "济南",
    "历下",
    "青岛",
    "山东",
    "齐鲁",
    "泉城",
    "黄河",
    "中国",
    "国家",
    "省",
    "中日韩",
    "中德",
    "上合",
    "胶东",
    "明湖",
    "趵突泉",
    "千佛山",
    "浪潮",
    "西海岸",
    "崂山",
    "章丘",
    "莱芜",
    "长清",
    "历城",
    "槐荫",
    "天桥",
    "市中",
    "高新",
    "先行区",
    "起步区",
    "CBD",
    "中日",
    "中意",
    "中欧",
    "中韩",
    "京沪",
    "济阳",
    "商河",
    "平阴",
    "钢城",
    "雪野",
    "小清河",
    "大明湖",
    "华山",
    "泉水",
    "国际",
    "东亚",
    "东北亚",
    "欧亚",
    "亚欧",
    "日韩",
];

/// Words that open a clause before the name they act on.
const VERBS: &[&str] = &[
    "加快推进",
    "加快建设",
    "规划建设",
    "高标准建设",
    "高水平建设",
    "加快",
    "推进",
    "推动",
    "建设",
    "打造",
    "实施",
    "启动",
    "举办",
    "办好",
    "开展",
    "设立",
    "建成",
    "争创",
    "创建",
    "支持",
    "引进",
    "谋划",
    "开工",
    "续建",
    "新建",
    "筹建",
    "组建",
    "依托",
    "围绕",
    "重点",
    "着力",
    "全面",
    "深入",
    "扎实",
    "确保",
    "力争",
    "争取",
    "抓好",
    "做好",
    "承办",
    "主办",
    "开通",
    "完善",
    "大力",
    "积极",
    "持续",
    "继续",
    "全力",
    "加速",
    "提升",
    "改造",
    "培育",
    "发挥",
    "用好",
    "探索",
    "成立",
    "实现",
    "推广",
    "以",
    "在",
    "和",
    "与",
    "及",
    "把",
    "将",
    "对",
    "按照",
    "做强",
    "做优",
    "做大",
    "聚焦",
    "引导",
    "搭建",
    "组织好",
    "高水平办好",
    "高质量办好",
    "优化提升",
    "统筹联动",
    "深化",
    "构建",
    "构筑",
    "整合提升",
    "制定实施",
    "贯彻落实",
    "吸引",
    "增开",
    "打造形成",
    "形成",
    "努力打造",
    "助力",
    "结合",
    "包括",
    "从",
    "拥有",
    "入选",
    "认定为",
    "成为",
    "选派",
    "落地",
    "投资",
    "夯实",
    "了",
    "稳步推进",
    "开辟",
    "强化",
    "建立",
    "规划",
    "成功创建",
    "成功",
    "获批",
    "布局",
    "集聚",
    "聚集",
    "加快打造",
    "全力打造",
    "着力打造",
    "积极创建",
    "积极争创",
    "申报",
    "推进实施",
    "组织实施",
    "深入实施",
    "升级",
    "铁腕推进",
    "坚决打赢",
    "打赢",
    "打好",
    "鼓励",
    "利用好",
    "立足",
    "不断深化",
    "健全",
    "高标准推进",
    "坚决",
    "铁腕",
    "高标准",
    "不断",
    "加大",
    "倾力",
    "全力推进",
    "大力推进",
    "积极推进",
    "扎实推进",
    "深入推进",
    "有序推进",
    "启动建设",
    "开工建设",
    "建成投用",
    "投入使用",
    "举全市之力",
    "即",
    "由",
    "接",
    "进一步推进",
    "牵头或参与",
    "参与",
    "支撑",
    "借助",
    "发起",
];

/// Counts, batches and class nouns: not one named thing.
const NOT_NAMED: &[&str] = &[
    "一批",
    "若干",
    "多个",
    "各类",
    "各级",
    "一系列",
    "十大",
    "百个",
    "千亿",
    "两个",
    "三个",
    "四个",
    "五个",
    "等",
    "一个",
    "每个",
    "相关",
    "有关",
    "重点",
    "特色",
    "新型",
    "各",
    "全市",
    "全区",
    "国家级",
    "省级",
    "市级",
    "区级",
    "省市",
    "国内",
    "国际领先",
    "国际先进",
    "国际知名",
    "具有",
    "更多",
    "首批",
    "全省",
    "全国",
    "重大平台",
    "重点项目",
    "重点行动",
    "之城",
];

/// How the name of a programme ends.
const PROGRAMMES: &[&str] = &[
    "行动",
    "工程",
    "计划",
    "保卫战",
    "专项斗争",
    "试点",
    "行动方案",
];

/// Words of a clause that says what has been won or done, not what is to be built.
const DONE: &[&str] = &["获评", "入选", "获批", "批复", "成为首个", "被评为", "荣获"];

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

/// The projects of a document, one record per name, in reading order.
pub fn projects(outline: &Outline) -> Vec<CuratedProject> {
    let mut out: Vec<CuratedProject> = Vec::new();
    for (i, s) in outline.sections.iter().enumerate() {
        let name = strip_verbs(s.title.trim().trim_end_matches('。'));
        let listed = outline.in_project_chapter(i) && !is_box(s);
        // A task heading is a key field; it is a project when its chapter lists projects or
        // it names a programme (`（1）实施标准提升工程`).
        let programme = PROGRAMMES.iter().any(|p| name.ends_with(p));
        // A box titled as a programme is one (`专栏3 “企业上云”行动计划`).
        let named_box = is_box(s) && programme && !name.starts_with(|c: char| c.is_ascii_digit());
        if named_box || (!is_box(s) && (listed || programme) && is_named(name, listed)) {
            let departments = super::fields::departments_under(outline, i);
            add(&mut out, project(name, "", &heading(s), departments));
        }
    }
    for (owner, p) in outline.paragraphs() {
        let in_box = outline.in_box(owner);
        // A named thing in a task's text shares the task's note, which its key field
        // carries: the project itself names no department.
        for p in paragraph_projects(&p.text, in_box.is_some()) {
            add(&mut out, p);
        }
    }
    out
}

/// The projects named in one paragraph (`in_box`: a 专栏 box's).
fn paragraph_projects(text: &str, in_box: bool) -> Vec<CuratedProject> {
    let mut out = Vec::new();
    for piece in pieces(text, in_box) {
        if let Some(name) = named_prefix(&piece.name, in_box || piece.listed) {
            out.push(project(name, piece.domain, piece.quote, Vec::new()));
        }
    }
    out
}

/// A piece of text that may be a project's name, with where it is quoted from.
struct Piece<'t> {
    domain: &'t str,
    name: String,
    quote: &'t str,
    /// Listed as one of several named places sharing a kind (`浮山湾、台东等商圈`).
    listed: bool,
}

/// The pieces of a paragraph that may be names: in a box, `组名。甲、乙、丙。` gives each
/// item with its group; elsewhere each clause or list item without its opening verbs.
fn pieces(text: &str, in_box: bool) -> Vec<Piece<'_>> {
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

/// A name without what follows it in the clause (`…中心建设`, `…工程（2020—2022）`).
fn trim_tail(name: &str) -> &str {
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

fn project(name: &str, domain: &str, quote: &str, departments: Vec<String>) -> CuratedProject {
    CuratedProject {
        id: String::new(),
        name: squeeze(name),
        kind: kind_of(name).unwrap_or(ProjectKind::Project),
        domain: domain.to_string(),
        place: String::new(),
        description: String::new(),
        departments,
        targets: Vec::new(),
        quote: quote.trim().to_string(),
        also: Vec::new(),
        merged: Vec::new(),
    }
}

/// Adds a project, or a further place of one already drafted under the same name.
fn add(out: &mut Vec<CuratedProject>, p: CuratedProject) {
    match out.iter_mut().find(|o| o.name == p.name) {
        Some(o) => {
            if squeeze(&o.quote) != squeeze(&p.quote) && !o.also.contains(&p.quote) {
                o.also.push(p.quote);
            }
        }
        None => out.push(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names (and groups) drafted from one paragraph.
    fn check(text: &str, in_box: bool, expected: &[(&str, &str)]) {
        let got: Vec<(String, String)> = paragraph_projects(text, in_box)
            .into_iter()
            .map(|p| (p.domain, p.name))
            .collect();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(d, n)| (d.to_string(), n.to_string()))
            .collect();
        assert_eq!(got, expected, "text: {text}");
    }

    #[test]
    fn box_items_with_their_group() {
        check(
            "量子科技。济南量子技术研究院、济南量子谷。",
            true,
            &[
                ("量子科技", "济南量子技术研究院"),
                ("量子科技", "济南量子谷"),
            ],
        );
        check(
            "招商引资提速行动。积极引进和培育产业金融企业。",
            true,
            &[("", "招商引资提速行动")],
        );
    }

    #[test]
    fn named_things_in_the_text() {
        check(
            "实施项目建设攻坚行动，抓好重大项目策划。",
            false,
            &[("", "项目建设攻坚行动")],
        );
        check("坚决打赢蓝天保卫战。", false, &[("", "蓝天保卫战")]);
        check(
            "国际金融城快速崛起，新建“泉城书房”12处。",
            false,
            &[("", "国际金融城"), ("", "“泉城书房”")],
        );
        check(
            "济郑高铁、黄台联络线破土动工。",
            false,
            &[("", "济郑高铁"), ("", "黄台联络线")],
        );
        check(
            "加快建设绿地全球贸易港和东亚博览会永久场馆。",
            false,
            &[("", "绿地全球贸易港"), ("", "东亚博览会永久场馆")],
        );
        check(
            "升级浮山湾、中山路、台东等商圈。",
            false,
            &[("", "浮山湾商圈"), ("", "中山路商圈"), ("", "台东商圈")],
        );
    }

    #[test]
    fn counts_classes_industries_and_awards_are_not_projects() {
        check("建设一批智慧商圈，培育21个重点产业集聚区。", false, &[]);
        check("完善社区综合文化服务中心。", false, &[]);
        check("胶州湾国际物流园入选国家级物流园区。", false, &[]);
        check("振兴泉城美食品牌，建设现代泉城。", false, &[]);
    }
}
