//! Projects: the items of 专栏 boxes and of chapters of 重点工程 / 专项行动, and named things to
//! build, set up, hold or run in the text (`data/facts/README.md`): a name that ends as a
//! project does (…中心, …产业园, …工程, …行动计划, …博览会) and is not a count, a class
//! noun, an industry or a company.

use super::outline::{heading, is_box, Outline};
use crate::facts::CuratedProject;
use crate::normalize::squeeze;
use model::{ProjectKind, Section};

mod lists;
mod name;
mod pieces;
mod text;
mod words;

use name::{is_named, kind_of, named_prefix, strip_verbs, Reading};
use pieces::pieces;
use words::PROGRAMMES;

/// The projects of a document, one record per name, in reading order.
pub fn projects(outline: &Outline) -> Vec<CuratedProject> {
    let mut out: Vec<CuratedProject> = Vec::new();
    for (i, s) in outline.sections.iter().enumerate() {
        // What has been done is not a thing to build.
        if outline.past(i) {
            continue;
        }
        if let Some(name) = heading_project(outline, i, s) {
            let departments = super::fields::departments_under(outline, i);
            add(&mut out, project(name, "", &heading(s), departments));
        }
    }
    for (owner, p) in outline.paragraphs() {
        if outline.past(owner) {
            continue;
        }
        let in_box = outline.in_box(owner);
        // A named thing in a task's text shares the task's note, which its key field
        // carries: the project itself names no department.
        for p in paragraph_projects(&p.text, in_box.is_some()) {
            add(&mut out, p);
        }
    }
    out
}

/// The project a heading names, if it names one: a box titled as a programme is one as
/// titled (`专栏4 培育践行社会主义核心价值观“十个一”工程`); a task heading is a key field, and a
/// project when its chapter lists projects or it names a programme (`（1）实施标准提升工程`).
fn heading_project<'s>(outline: &Outline, i: usize, s: &'s Section) -> Option<&'s str> {
    let title = s.title.trim().trim_end_matches('。');
    let programme = |name: &str| PROGRAMMES.iter().any(|p| name.ends_with(p));
    if is_box(s) {
        let named = programme(title) && !title.starts_with(|c: char| c.is_ascii_digit());
        return named.then_some(title);
    }
    let name = strip_verbs(title);
    let how = if outline.in_project_chapter(i) {
        Reading::Listed
    } else {
        Reading::Mentioned
    };
    ((how == Reading::Listed || programme(name)) && is_named(name, how)).then_some(name)
}

/// The projects named in one paragraph (`in_box`: a 专栏 box's).
fn paragraph_projects(text: &str, in_box: bool) -> Vec<CuratedProject> {
    let mut out = Vec::new();
    for piece in pieces(text, in_box) {
        if let Some(name) = named_prefix(&piece.name, piece.how) {
            out.push(project(name, piece.domain, piece.quote, Vec::new()));
        }
    }
    out
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
