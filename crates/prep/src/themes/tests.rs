use super::*;

const TAXONOMY: &str = r#"
[[theme]]
id = "elderly-care"
name = "养老"
description = "养老服务。"
keywords = ["养老", "老年", "敬老院"]
groups = ["养老"]
except = ["养老保险"]

[[theme]]
id = "jobs"
name = "就业与社保"
description = "就业和社保。"
keywords = ["就业", "养老保险", "社会保障"]
groups = ["民生保障"]

[[theme]]
id = "transport"
name = "交通出行"
description = "交通。"
keywords = ["轨道交通", "地铁", "公交"]

[[theme]]
id = "housing"
name = "住房"
description = "住房。"
keywords = ["老旧小区"]
documents = ["laojiu"]
"#;

fn rules() -> Vec<Rules> {
    parse_taxonomy(TAXONOMY)
        .unwrap_or_default()
        .theme
        .iter()
        .map(|t| Rules::new(t.get_ref()))
        .collect()
}

fn record(own: &str, group: &str, text: &str) -> RecordText {
    RecordText {
        doc: "d".into(),
        own: own.into(),
        group: group.into(),
        text: text.into(),
    }
}

fn check(input: RecordText, expected: &[(&str, Tier, &str)]) {
    let got = match_rules(&rules(), &input);
    let expected: Vec<(String, Why)> = expected
        .iter()
        .map(|(t, tier, k)| {
            (
                t.to_string(),
                Why::Rule {
                    tier: *tier,
                    keyword: k.to_string(),
                },
            )
        })
        .collect();
    assert_eq!(got, expected, "{input:?}");
}

#[test]
fn rules_match_in_tiers_and_mask_exceptions() {
    // The record's own words decide.
    check(
        record("社区养老服务设施", "民生保障", ""),
        &[("elderly-care", Tier::Own, "养老")],
    );
    // 养老保险 is social insurance, not elderly care.
    check(
        record("基本养老保险参保率", "民生保障", ""),
        &[("jobs", Tier::Own, "养老保险")],
    );
    // Both themes when the name says both.
    check(
        record("老年人就业服务", "", ""),
        &[
            ("elderly-care", Tier::Own, "老年"),
            ("jobs", Tier::Own, "就业"),
        ],
    );
    // Spaces in the name are ignored.
    check(
        record("轨道交通 2 号线", "", ""),
        &[("transport", Tier::Own, "轨道交通")],
    );
    // The group only when the name says nothing; the text only when neither does.
    check(
        record("亲情E联服务项目", "完善养老服务体系", "公交"),
        &[("elderly-care", Tier::Group, "养老")],
    );
    check(
        record("黄台联络线", "城市治理", "开工建设轨道交通2号线"),
        &[("transport", Tier::Text, "轨道交通")],
    );
    // Group keywords are their own list: 公交 in a group name is not enough.
    check(record("某项目", "公交", ""), &[]);
    check(record("地区生产总值", "经济", "增长6.5%"), &[]);
}

#[test]
fn a_document_about_one_theme_gives_it_to_all_its_records() {
    let rules = rules();
    let check = |doc: &str, own: &str, expected: &[(&str, Why)]| {
        let input = RecordText {
            doc: doc.into(),
            own: own.into(),
            ..RecordText::default()
        };
        let expected: Vec<(String, Why)> = expected
            .iter()
            .map(|(t, w)| (t.to_string(), w.clone()))
            .collect();
        assert_eq!(match_rules(&rules, &input), expected, "{input:?}");
    };
    let whole = Why::Document {
        doc: "laojiu".into(),
    };
    check(
        "laojiu",
        "大片区统筹平衡模式",
        &[("housing", whole.clone())],
    );
    check(
        "laojiu",
        "加装电梯和公交站",
        &[
            (
                "transport",
                Why::Rule {
                    tier: Tier::Own,
                    keyword: "公交".into(),
                },
            ),
            ("housing", whole),
        ],
    );
    // The keyword, being more telling, explains a theme the document gives too.
    check(
        "laojiu",
        "老旧小区改造",
        &[(
            "housing",
            Why::Rule {
                tier: Tier::Own,
                keyword: "老旧小区".into(),
            },
        )],
    );
    check("other", "大片区统筹平衡模式", &[]);
}

fn facts_with(names: &[&str]) -> Facts {
    let projects = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            serde_json::from_value::<model::Project>(serde_json::json!({
                "id": format!("d.p-{}", i + 1), "doc": "d", "name": n, "kind": "项目",
                "domain": "", "place": "", "description": "", "themes": [],
                "departments": [], "targets": [],
                "source": {"doc": "d", "section": "s-1", "block": "p-1", "quote": n},
                "merged": if i == 0 { vec!["d.p-9"] } else { vec![] }
            }))
        })
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_default();
    Facts {
        projects,
        ..Facts::default()
    }
}

/// Each project's themes, and the shipped taxonomy.
type Assigned = (Vec<Vec<String>>, Vec<Theme>);

fn run(names: &[&str], overrides: &str) -> Result<Assigned, Vec<String>> {
    // The first three themes: the records below are not from the housing document.
    let mut taxonomy = parse_taxonomy(TAXONOMY).unwrap_or_default();
    taxonomy.theme.truncate(3);
    let o = parse_overrides(overrides).map_err(|e| vec![e[0].to_string()])?;
    let mut facts = facts_with(names);
    match assign(&mut facts, &taxonomy, &o, overrides) {
        Ok(_) => Ok((
            facts.projects.iter().map(|p| p.themes.clone()).collect(),
            facts.themes,
        )),
        Err(e) => Err(e.iter().map(|d| d.to_string()).collect()),
    }
}

fn check_errors(names: &[&str], overrides: &str, expected: &[&str]) {
    let got = run(names, overrides).err().unwrap_or_default();
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for (g, e) in got.iter().zip(expected) {
        assert!(g.contains(e), "{g} should say {e}");
    }
}

const THREE: &[&str] = &["养老服务中心", "轨道交通2号线", "高校毕业生就业行动"];

#[test]
fn overrides_set_add_and_remove_and_are_counted() {
    let overrides = r#"
[[override]]
record = "d.p-1"
add = ["jobs"]
reason = "the centre also trains care workers"

[[override]]
record = "d.p-3"
themes = ["elderly-care"]
reason = "made up for the test"
"#;
    let got = run(THREE, overrides);
    let (themes, taxonomy) = got.unwrap_or_default();
    assert_eq!(
        themes,
        [
            vec!["elderly-care".to_string(), "jobs".to_string()],
            vec!["transport".to_string()],
            vec!["elderly-care".to_string()],
        ]
    );
    let counts: Vec<(&str, u32, u32)> = taxonomy
        .iter()
        .map(|t| (t.id.as_str(), t.counts.projects, t.counts.by_override))
        .collect();
    assert_eq!(
        counts,
        [("elderly-care", 2, 1), ("jobs", 1, 1), ("transport", 1, 0)]
    );
}

#[test]
fn the_build_fails_on_records_without_a_theme_and_on_bad_or_stale_overrides() {
    check_errors(
        &["养老服务中心", "黄台联络线", "就业"],
        "",
        &["d.p-2（黄台联络线）没有主题", "transport: 主题没有任何记录"],
    );
    let stale = "[[override]]\nrecord = \"d.p-2\"\nthemes = [\"transport\"]\nreason = \"x\"\n";
    check_errors(
        THREE,
        stale,
        &["theme-overrides.toml:1: d.p-2: override 没有改变任何主题"],
    );
    let missing = "[[override]]\nrecord = \"d.p-7\"\nadd = [\"jobs\"]\nreason = \"x\"\n";
    check_errors(THREE, missing, &["d.p-7: 没有这条记录"]);
    let merged = "[[override]]\nrecord = \"d.p-9\"\nadd = [\"jobs\"]\nreason = \"x\"\n";
    check_errors(THREE, merged, &["已合并到 d.p-1"]);
    let unknown = "[[override]]\nrecord = \"d.p-1\"\nadd = [\"sports\"]\nreason = \"x\"\n";
    check_errors(THREE, unknown, &["没有这些主题"]);
    let both = "[[override]]\nrecord = \"d.p-1\"\nthemes = [\"jobs\"]\nremove = [\"elderly-care\"]\nreason = \"x\"\n";
    check_errors(THREE, both, &["二者不可兼有"]);
    let no_reason = "[[override]]\nrecord = \"d.p-1\"\nadd = [\"jobs\"]\nreason = \"\"\n";
    check_errors(THREE, no_reason, &["reason 须是一行说明"]);
    let redundant =
        "[[override]]\nrecord = \"d.p-2\"\nadd = [\"transport\", \"jobs\"]\nreason = \"x\"\n";
    check_errors(THREE, redundant, &["add transport：规则已给出该主题"]);
    let twice = "[[override]]\nrecord = \"d.p-2\"\nadd = [\"jobs\"]\nreason = \"x\"\n\n[[override]]\nrecord = \"d.p-2\"\nadd = [\"elderly-care\"]\nreason = \"y\"\n";
    check_errors(
        THREE,
        twice,
        &["theme-overrides.toml:6: d.p-2: 同一记录只能有一条"],
    );
    let emptied = "[[override]]\nrecord = \"d.p-1\"\nremove = [\"transport\"]\nreason = \"x\"\n";
    check_errors(
        &["轨道交通2号线", "养老院", "就业"],
        emptied,
        &[
            "d.p-1（轨道交通2号线）没有主题",
            "transport: 主题没有任何记录",
        ],
    );
}

#[test]
fn the_taxonomy_is_checked() {
    fn check(text: &str, expected: &[&str]) {
        let got: Vec<String> = parse_taxonomy(text)
            .err()
            .unwrap_or_default()
            .iter()
            .map(|d| d.to_string())
            .collect();
        assert_eq!(got.len(), expected.len(), "{got:?}");
        for (g, e) in got.iter().zip(expected) {
            assert!(g.contains(e), "{g} should say {e}");
        }
    }
    check(TAXONOMY, &[]);
    check(
        "[[theme]]\nid = \"Elderly care\"\nname = \"养老\"\ndescription = \"养老。\"\nkeywords = [\"养老\"]\n",
        &["themes.toml:1: Elderly care: 编号只能使用"],
    );
    check(
        "[[theme]]\nid = \"a\"\nname = \"甲\"\ndescription = \"甲。\"\nkeywords = [\"甲\"]\n[[theme]]\nid = \"a\"\nname = \"甲\"\ndescription = \"\"\nkeywords = []\n",
        &["编号重复", "名称为空或重复", "description", "没有关键词"],
    );
    check(
        "[[theme]]\nid = \"a\"\nname = \"甲\"\ndescription = \"甲。\"\nkeywords = [\"甲\", \"甲\"]\nexcept = [\" \"]\n",
        &["关键词不能为空", "关键词“甲”重复"],
    );
    check(
        "[[theme]]\nid = \"a\"\nname = \"甲\"\ndescription = \"甲。\"\nkeywords = [\"基本养老保险\"]\nexcept = [\"养老保险\"]\n",
        &["关键词“基本养老保险”含例外“养老保险”"],
    );
    check("[[theme]]\nid = \"a\"\nnmae = \"甲\"\n", &["themes.toml:3"]);
}
