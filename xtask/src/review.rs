//! Reviews of the curated data, printed for people: `coverage`, `themes` and `audit`.

use crate::data::build_outputs;
use crate::{read, root, Result};

pub fn coverage() -> Result {
    let o = build_outputs(&root().join("data"))?;
    println!("| document | sections | paragraphs | table rows | key fields | projects | targets (table / prose) | departments |");
    println!("|---|---|---|---|---|---|---|---|");
    for d in &o.index.documents {
        let targets: Vec<_> = o.facts.targets.iter().filter(|t| t.doc == d.id).collect();
        let table = targets
            .iter()
            .filter(|t| t.origin == model::Origin::Table)
            .count();
        let mut deps = std::collections::BTreeSet::new();
        for f in o.facts.fields.iter().filter(|f| f.doc == d.id) {
            deps.extend(f.departments.iter());
        }
        for p in o.facts.projects.iter().filter(|p| p.doc == d.id) {
            deps.extend(p.departments.iter());
        }
        println!(
            "| {} | {} | {} | {} | {} | {} | {} ({} / {}) | {} |",
            d.id,
            d.counts.sections,
            d.counts.paragraphs,
            d.counts.table_rows,
            d.counts.fields,
            d.counts.projects,
            targets.len(),
            table,
            targets.len() - table,
            deps.len()
        );
    }
    println!(
        "\nall departments: {}, lists: {}",
        o.facts.departments.len(),
        o.facts.lists.len()
    );
    println!();
    print_theme_table(&o);
    Ok(())
}

/// Records per theme per kind, and how many of them an override put there.
fn print_theme_table(o: &prep::Outputs) {
    println!("| theme | name | key fields | projects | targets | all | by override |");
    println!("|---|---|---|---|---|---|---|");
    for t in &o.facts.themes {
        let c = t.counts;
        println!(
            "| {} | {} | {} | {} | {} | {} | {} |",
            t.id,
            t.name,
            c.fields,
            c.projects,
            c.targets,
            c.fields + c.projects + c.targets,
            c.by_override
        );
    }
    let records = o.themes.assignments.len();
    let assigned: usize = o.themes.assignments.iter().map(|a| a.themes.len()).sum();
    let overridden = o
        .themes
        .assignments
        .iter()
        .filter(|a| {
            !a.removed.is_empty()
                || a.themes
                    .iter()
                    .any(|(_, w)| matches!(w, prep::themes::Why::Override { .. }))
        })
        .count();
    println!(
        "\n{records} records, {assigned} theme assignments ({:.2} a record); {overridden} records changed by an override",
        assigned as f64 / records.max(1) as f64
    );
}

/// The coverage table, then each theme's records with why they are there.
pub fn themes(only: Option<&str>) -> Result {
    let o = build_outputs(&root().join("data"))?;
    print_theme_table(&o);
    for t in &o.facts.themes {
        if only.is_some_and(|id| id != t.id) {
            continue;
        }
        println!("\n## {} {}", t.id, t.name);
        for a in &o.themes.assignments {
            if let Some((_, why)) = a.themes.iter().find(|(id, _)| *id == t.id) {
                println!(
                    "  {:<8} {:<28} {}  — {why}",
                    a.kind.label(),
                    a.record,
                    a.name
                );
            }
        }
    }
    let removed: Vec<_> = o
        .themes
        .assignments
        .iter()
        .flat_map(|a| a.removed.iter().map(move |r| (a, r)))
        .collect();
    if only.is_none() && !removed.is_empty() {
        println!("\n## removed by an override");
        for (a, (theme, reason)) in removed {
            println!("  {:<28} {}  − {theme}  — {reason}", a.record, a.name);
        }
    }
    Ok(())
}

/// Each record of one document with its themes and why, for the editor adding it.
pub fn themes_of(doc: &str) -> Result {
    let o = build_outputs(&root().join("data"))?;
    let prefix = format!("{doc}.");
    let mine: Vec<_> = o
        .themes
        .assignments
        .iter()
        .filter(|a| a.record.starts_with(&prefix))
        .collect();
    if mine.is_empty() {
        return Err(format!("文件 {doc} 没有已接受的记录"));
    }
    for a in mine {
        println!("{:<8} {:<28} {}", a.kind.label(), a.record, a.name);
        for (theme, why) in &a.themes {
            println!("           + {theme}  — {why}");
        }
        for (theme, reason) in &a.removed {
            println!("           − {theme}  — {reason}");
        }
    }
    Ok(())
}

pub fn audit() -> Result {
    use prep::audit::{self, Rule};
    let o = build_outputs(&root().join("data"))?;
    let label = "data/audit-allow.toml";
    let text = read(&root().join(label))?;
    let allow = audit::parse_allow_list(label, &text).map_err(|e| e.to_string())?;
    let findings = audit::audit(&o.facts, &o.documents);
    let review = audit::review(&findings, &allow, label, &text);
    for rule in Rule::ALL {
        let of_rule: Vec<_> = review
            .findings
            .iter()
            .filter(|(f, _)| f.rule == rule)
            .collect();
        println!("\n## {} ({})", rule.name(), of_rule.len());
        for (f, reason) in of_rule {
            match reason {
                Some(r) => println!("  ok   {}  {}  — {r}", f.records.join(" "), f.detail),
                None => println!("  NEW  {}  {}", f.records.join(" "), f.detail),
            }
        }
    }
    let new = review.unacknowledged().count();
    println!(
        "\n共 {} 条发现，{} 条已确认，{new} 条新的；{} 条确认已过时",
        findings.len(),
        findings.len() - new,
        review.stale.len()
    );
    for s in &review.stale {
        println!("  {s}");
    }
    // The new findings again, where an editor reading from the bottom sees them first.
    if new > 0 {
        println!("\n新的发现：");
        for f in review.unacknowledged() {
            println!("  {}  {}  {}", f.rule.name(), f.records.join(" "), f.detail);
        }
    }
    if new > 0 || !review.stale.is_empty() {
        return Err(format!(
            "逐条处理标为 NEW 的发现：改正记录，或确认无误后在 {label} 加一段 [[allow]]（rule = 规则名，records = 照上面所列的编号，reason = 一句理由）；删去已过时的确认"
        ));
    }
    Ok(())
}
