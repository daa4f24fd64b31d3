//! The drafter's rules, each by a sentence form taken from the documents: what names a
//! project, what does not, how a list distributes its shared words.

use super::*;
use model::{Block, Paragraph};

/// The names drafted from one paragraph of the text.
fn check(text: &str, expected: &[&str]) {
    let got: Vec<String> = paragraph_projects(text, false)
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(got, expected, "text: {text}");
}

/// The names (and groups) drafted from one paragraph of a 专栏 box.
fn check_box(text: &str, expected: &[(&str, &str)]) {
    let got: Vec<(String, String)> = paragraph_projects(text, true)
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
fn the_parts_of_a_role_are_not_projects() {
    check_box(
        "中国智慧物流名城。即“一城四中心”，中国供应链体系建设重点城市、中国物流标准研发中心、中国物流人才培育中心。",
        &[("中国智慧物流名城", "中国供应链体系建设重点城市")],
    );
}

#[test]
fn box_items_with_their_group() {
    check_box(
        "量子科技。济南量子技术研究院、济南量子谷。",
        &[
            ("量子科技", "济南量子技术研究院"),
            ("量子科技", "济南量子谷"),
        ],
    );
    check_box(
        "招商引资提速行动。积极引进和培育产业金融企业。",
        &[("", "招商引资提速行动")],
    );
    // A name opened by a numeral that is not a count.
    check_box(
        "乡村旅游载体资源。紫缘香草园、三德范古村。",
        &[
            ("乡村旅游载体资源", "紫缘香草园"),
            ("乡村旅游载体资源", "三德范古村"),
        ],
    );
    // The other items of a list of projects are names whatever their ending.
    check_box(
        "旅游消费重点项目及重大节事。章丘明水古城国际泉水旅游度假区、明府城中央文化生态区、华山历史文化公园。",
        &[
            ("旅游消费重点项目及重大节事", "章丘明水古城国际泉水旅游度假区"),
            ("旅游消费重点项目及重大节事", "明府城中央文化生态区"),
            ("旅游消费重点项目及重大节事", "华山历史文化公园"),
        ],
    );
    // One project may name several products; a description is part of a listed name.
    check_box(
        "生物科技。劲牛生物血清、培养基和微生物菌剂生产研发项目。",
        &[("生物科技", "劲牛生物血清、培养基和微生物菌剂生产研发项目")],
    );
    check_box(
        "大数据。浪潮面向智能制造的大数据创新服务平台、数创公社。",
        &[
            ("大数据", "浪潮面向智能制造的大数据创新服务平台"),
            ("大数据", "数创公社"),
        ],
    );
}

#[test]
fn named_things_in_the_text() {
    check(
        "实施项目建设攻坚行动，抓好重大项目策划。",
        &["项目建设攻坚行动"],
    );
    check("坚决打赢蓝天保卫战。", &["蓝天保卫战"]);
    // A brand of many unnamed reading rooms, counted, is not a project (`data/facts/README.md`).
    check("新建“泉城书房”12处。", &[]);
    check(
        "济郑高铁、黄台联络线破土动工。",
        &["济郑高铁", "黄台联络线"],
    );
    check(
        "加快建设绿地全球贸易港和东亚博览会永久场馆。",
        &["绿地全球贸易港", "东亚博览会永久场馆"],
    );
    check(
        "升级浮山湾、中山路、台东等商圈。",
        &["浮山湾商圈", "中山路商圈", "台东商圈"],
    );
    check("积极推进德商高铁前期工作。", &["德商高铁"]);
    check("高标准建设济南港。", &["济南港"]);
    check("依托山东高等技术研究院。", &["山东高等技术研究院"]);
    // A name may open with a numeral that counts nothing (`千佛山`, `两化`).
    check("加快实施千佛山北广场改造项目。", &["千佛山北广场改造项目"]);
    check(
        "实施两化（信息化和工业化）融合发展工程。",
        &["两化（信息化和工业化）融合发展工程"],
    );
    check(
        "落实《“清泉润心”社会心理服务体系建设行动方案》。",
        &["“清泉润心”社会心理服务体系建设行动方案"],
    );
}

#[test]
fn the_verbs_a_clause_opens_with_are_not_part_of_the_name() {
    check(
        "发挥好“济企通”服务企业云平台作用。",
        &["“济企通”服务企业云平台"],
    );
    check("建好用好“京沪会客厅”。", &["“京沪会客厅”"]);
    check(
        "高质量推进中意高端前沿产业园、中德中小企业合作区发展。",
        &["中意高端前沿产业园", "中德中小企业合作区"],
    );
    check(
        "全面完成农村人居环境整治三年行动任务。",
        &["农村人居环境整治三年行动"],
    );
    // `对外` opens a word, not a clause.
    check("积极推进对外开放合作示范工程。", &["对外开放合作示范工程"]);
    // The subject that acts is not part of the name.
    check(
        "支持商河建设医药化工产业园、中日康复产业园。",
        &["医药化工产业园", "中日康复产业园"],
    );
    check(
        "在青岛自贸片区推动开展资本项目收入支付便利化改革试点。",
        &["资本项目收入支付便利化改革试点"],
    );
}

#[test]
fn what_a_clause_builds_is_a_project_by_a_name_of_its_own() {
    check("建设全域旅游大数据中心。", &["全域旅游大数据中心"]);
    check("发起人力资本产业发展基金。", &["人力资本产业发展基金"]);
    check("加快市传染病医院新院建设。", &["市传染病医院新院"]);
    // A class that each community has is not one.
    check(
        "高标准建设区文体档案中心、工人文化宫、社区综合文化服务中心。",
        &["区文体档案中心", "工人文化宫"],
    );
    check("积极推进“城市大脑”建设。", &["“城市大脑”"]);
    check(
        "协同推进“雪亮工程”与“智安小区”建设。",
        &["“雪亮工程”", "“智安小区”"],
    );
    // A class, a description of what it is to be, others' building, an activity.
    check("建设数据中心，加快建设新型商圈。", &[]);
    check("建设具有国际竞争力的电子信息创新中心。", &[]);
    check("鼓励企业建设供应链管理服务平台。", &[]);
    check("建设家政服务平台，提供信息。", &[]);
    check("建设智慧旅游系统，打造智慧景区。", &[]);
    check("建设国家重大新药创制平台。", &["国家重大新药创制平台"]);
    check("大力开展群众性体育活动。", &[]);
    check("全力打造国际会展名城。", &[]);
}

#[test]
fn a_list_distributes_its_shared_words() {
    // One programme with several parts stays one.
    check(
        "开展柴油货车、工业炉窑、挥发性有机物和扬尘专项治理行动。",
        &["柴油货车、工业炉窑、挥发性有机物和扬尘专项治理行动"],
    );
    // Works in each place listed, and campaigns run each on its own, are one per item.
    check(
        "实施全福河、柳行河等城区河道有水工程。",
        &["全福河城区河道有水工程", "柳行河城区河道有水工程"],
    );
    check(
        "加快推动白云水库、埕头水库等雨洪资源利用工程建设。",
        &["白云水库雨洪资源利用工程", "埕头水库雨洪资源利用工程"],
    );
    check(
        "开展用能权、排污权、用水权交易试点。",
        &["用能权交易试点", "排污权交易试点", "用水权交易试点"],
    );
    check(
        "实施佛慧山、茂岭山生态修复和绿廊景观提升工程。",
        &["佛慧山、茂岭山生态修复和绿廊景观提升工程"],
    );
    check(
        "建设生产服务型、港口型、空港型、商贸服务型国家物流枢纽。",
        &[
            "生产服务型国家物流枢纽",
            "港口型国家物流枢纽",
            "空港型国家物流枢纽",
            "商贸服务型国家物流枢纽",
        ],
    );
    check(
        "加快先进电磁驱动、固体激光等重大科技基础设施落地。",
        &["先进电磁驱动重大科技基础设施", "固体激光重大科技基础设施"],
    );
    check(
        "推进济郑、济滨、济莱等高速铁路建设。",
        &["济郑高速铁路", "济滨高速铁路", "济莱高速铁路"],
    );
    check(
        "持续开展文明交通、文明旅游、文明餐桌、文明上网行动。",
        &[
            "文明交通行动",
            "文明旅游行动",
            "文明餐桌行动",
            "文明上网行动",
        ],
    );
    check(
        "开展“济南造、全球行”优质产品出海行动。",
        &["“济南造、全球行”优质产品出海行动"],
    );
    // Programmes listed by name before what they are.
    check(
        "重点推进工业企业上云、科技企业上云等十个专项行动。",
        &["工业企业上云", "科技企业上云"],
    );
    check(
        "开展“百兆乡村”“厕所革命”等重点工程。",
        &["“百兆乡村”", "“厕所革命”"],
    );
    // A thing built in each place listed.
    check(
        "谋划实施甸柳片区、解放路片区等城市有机更新项目。",
        &["甸柳片区城市有机更新项目", "解放路片区城市有机更新项目"],
    );
    check(
        "推进南门大街-司里街、东护城河地区等重点区域开发改造。",
        &["南门大街-司里街开发改造", "东护城河地区开发改造"],
    );
    check(
        "建设人工智能与空间安全、医养健康山东省实验室。",
        &["人工智能与空间安全山东省实验室", "医养健康山东省实验室"],
    );
    check(
        "加快济郑、济莱高铁和黄台联络线建设。",
        &["济郑高铁", "济莱高铁", "黄台联络线"],
    );
    check(
        "建设洛阳、银川、兰州、西宁等“内陆港”。",
        &[
            "洛阳“内陆港”",
            "银川“内陆港”",
            "兰州“内陆港”",
            "西宁“内陆港”",
        ],
    );
    // Bodies listed as such are not projects.
    check("依托齐鲁医院、山东省立医院等优质医疗资源。", &[]);
    check("建设20个以上工业新型研发机构、企业创新平台。", &[]);
}

#[test]
fn counts_classes_roles_zones_and_awards_are_not_projects() {
    check("建设一批智慧商圈，培育21个重点产业集聚区。", &[]);
    check("完善社区综合文化服务中心。", &[]);
    check("胶州湾国际物流园入选国家级物流园区。", &[]);
    check("振兴泉城美食品牌，建设现代泉城。", &[]);
    check("打造成为黄河流域人力资源人力资本服务产业发展中心。", &[]);
    check(
        "加快构建临空经济区、智能装备城、生命科学城“一区两城”的总体空间布局。",
        &[],
    );
    check("即“一城四中心”，完善“总部—基地”运作模式。", &[]);
    check("制定重点企业减煤计划。", &[]);
    check("积极增开国际货运航线。", &[]);
    check("将老旧小区改造作为重大民生工程。", &[]);
    check("包括燕山园区、济南CBD核心园区。", &[]);
    check(
        "牢牢把握新旧动能转换综合试验区、中国（山东）自由贸易试验区等三大国家战略。",
        &[],
    );
}

fn section(
    i: usize,
    level: u8,
    parent: Option<u32>,
    number: &str,
    title: &str,
    text: &str,
) -> Section {
    Section {
        anchor: format!("s-{i}"),
        level,
        parent,
        number: number.into(),
        title: title.into(),
        blocks: vec![Block::Paragraph(Paragraph {
            anchor: format!("p-{i}"),
            text: text.into(),
            emphasis: Vec::new(),
        })],
    }
}

#[test]
fn a_document_names_each_project_once_and_none_in_its_review() {
    let sections = vec![
        section(
            0,
            1,
            None,
            "第一章",
            "过去五年发展回顾",
            "建成济南科技金融大厦。",
        ),
        section(
            1,
            1,
            None,
            "第二章",
            "提升城市文明水平",
            "深入实施培育践行社会主义核心价值观“十个一”工程。",
        ),
        section(
            2,
            2,
            Some(1),
            "专栏4",
            "培育践行社会主义核心价值观“十个一”工程",
            "打造一批社会主义核心价值观主题公园。",
        ),
    ];
    let got: Vec<String> = projects(&Outline::new(&sections))
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert_eq!(got, ["培育践行社会主义核心价值观“十个一”工程"]);
}
#[test]
fn what_a_name_is_read_from() {
    // What a clause relies on comes before what it builds.
    check(
        "依托国家健康医疗大数据北方中心加快全民健康信息平台建设，培育互联网医院。",
        &["全民健康信息平台"],
    );
    // Works done to a thing and a 工程 naming both are one programme.
    check(
        "有序推进商务楼宇升级改造和管理服务提升工程，构建最具竞争力的总部经济政策体系。",
        &["商务楼宇升级改造和管理服务提升工程"],
    );
    // Two quoted names before the kind of thing each is.
    check(
        "着力打造“AI元脑”和“人工智能+”融合开放平台，推动智能芯片。",
        &["“AI元脑”融合开放平台", "“人工智能+”融合开放平台"],
    );
    // A named programme whose completion is stated.
    check("推进“法治六进”工作，完成“七五”普法任务。", &["“七五”普法"]);
    // Where a programme runs is not part of its quoted name.
    check("加快城乡“雪亮工程”全覆盖。", &["“雪亮工程”"]);
    // Quoted programmes printed one after another, each its own.
    check(
        "持续开展“就业援助月”“春风行动”等专项服务，为外来务工人员。",
        &["“就业援助月”", "“春风行动”"],
    );
    // A title awarded by the United Nations is a designation, not a kind of city.
    check(
        "创建联合国教科文组织“创意城市”，积极发展创意设计。",
        &["联合国教科文组织“创意城市”"],
    );
    // 国家 grades every item of its list.
    check(
        "积极争创国家儿童区域医疗中心、传染病区域医疗中心。",
        &["国家儿童区域医疗中心", "国家传染病区域医疗中心"],
    );
    check(
        "推进国家人工智能创新应用先导区、人工智能创新发展试验区建设。",
        &["国家人工智能创新应用先导区", "国家人工智能创新发展试验区"],
    );
    // The plans of one programme stay one; works listed so are each their own.
    check(
        "实施社区社会组织培育发展计划、能力提升计划、作用发挥计划和规范管理计划。",
        &["社区社会组织培育发展计划、能力提升计划、作用发挥计划和规范管理计划"],
    );
}
