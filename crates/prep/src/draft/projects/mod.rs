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
use words::{DESIGNATIONS, PROGRAMMES, ROLES};

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
        // The parts of a role the city is to play (`中国智慧物流名城。即“一城四中心”，…中国物流人才
        // 培育中心`) are roles too; a national designation among them is still one.
        let role = ROLES.iter().any(|r| piece.domain.ends_with(r));
        let designation = DESIGNATIONS.iter().any(|d| piece.name.contains(d));
        if role && !designation {
            continue;
        }
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

/// Adds a project, or a further place of one already drafted under the same name (or the
/// same name with its verb: `培育践行…工程` and `践行…工程`).
fn add(out: &mut Vec<CuratedProject>, p: CuratedProject) {
    let same =
        |o: &CuratedProject| o.name == p.name || strip_verbs(&o.name) == strip_verbs(&p.name);
    match out.iter_mut().find(|o| same(o)) {
        Some(o) => {
            if squeeze(&o.quote) != squeeze(&p.quote) && !o.also.contains(&p.quote) {
                o.also.push(p.quote);
            }
        }
        None => out.push(p),
    }
}

#[cfg(test)]
mod tests;
