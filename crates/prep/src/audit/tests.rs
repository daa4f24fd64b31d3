//! Unit tests of the audit rules.

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

#[test]
fn a_project_completion_is_not_a_target() {
    assert!(completes_only("完成黄河滩区迁建任务", "黄河滩区迁建"));
    assert!(completes_only(
        "全面完成农村人居环境整治三年行动任务",
        "农村人居环境整治三年行动"
    ));
    assert!(!completes_only(
        "建成国家级人力资源服务产业园",
        "人力资源服务产业园"
    ));
    assert!(!completes_only("实现平原地区全覆盖", "清洁取暖攻坚行动"));
    assert!(!completes_only(
        "实现国际贸易“单一窗口”全覆盖",
        "国际贸易“单一窗口”"
    ));
}

#[test]
fn a_gap_in_the_numbering_is_found_per_document_and_prefix() {
    let ids = ["d.p-1", "d.p-4", "d.p-r2", "d.t-1", "e.p-2"];
    assert_eq!(
        id_gaps(ids),
        vec![vec!["d.p-2", "d.p-3"], vec!["d.p-r1"], vec!["e.p-1"]],
    );
    assert!(id_gaps(["d.p-1", "d.p-2", "d.f-1"]).is_empty());
}

#[test]
fn a_named_programme_s_completion_is_found_without_its_project() {
    assert_eq!(
        completed_programme("完成“七五”普法任务").as_deref(),
        Some("“七五”普法")
    );
    assert_eq!(completed_programme("完成“七五”普法工作"), None);
    assert_eq!(completed_programme("全面完成脱贫攻坚任务"), None);
    assert_eq!(completed_programme("实现“双过半”"), None);
}
