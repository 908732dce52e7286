//! A readable summary of an instrument, for `align instrument`.

use super::{Direction, Instrument};
use std::io::Write;

/// Write a plain-text summary: scale, columns, dimensions with their items,
/// perception items, statements, outcomes and stages.
pub fn write_summary(inst: &Instrument, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{} (version {})", inst.name, inst.version)?;
    write_scale(inst, out)?;
    write_columns(inst, out)?;
    write_questions(inst, out)?;
    write_outcomes_and_stages(inst, out)
}

/// The scale, its labels and the missing-value tokens.
fn write_scale(inst: &Instrument, out: &mut dyn Write) -> std::io::Result<()> {
    let s = &inst.scale;
    write!(
        out,
        "Scale: {} to {} ({} points)",
        s.min,
        s.max,
        inst.scale_points()
    )?;
    if let Some(p) = &s.preset {
        write!(out, "; preset {p}")?;
    }
    let labels = s.all_labels();
    if !labels.is_empty() {
        let l: Vec<String> = labels.iter().map(|(k, v)| format!("{v} = {k}")).collect();
        write!(out, "; labels: {}", l.join(", "))?;
    }
    writeln!(out)?;
    let missing: Vec<String> = inst
        .missing_tokens()
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect();
    writeln!(out, "Missing-value tokens: {}", missing.join(", "))
}

/// The columns read, and the role aliases when there is a role column.
fn write_columns(inst: &Instrument, out: &mut dyn Write) -> std::io::Result<()> {
    let c = &inst.columns;
    let opt = |o: &Option<String>| o.clone().unwrap_or_else(|| "(none)".into());
    writeln!(
        out,
        "Columns: company \"{}\", respondent {}, role {}, finished {}",
        c.company,
        opt(&c.respondent.as_ref().map(|s| format!("\"{s}\""))),
        opt(&c.role.as_ref().map(|s| format!("\"{s}\""))),
        opt(&c.finished.as_ref().map(|s| format!("\"{s}\""))),
    )?;
    if c.role.is_some() {
        writeln!(
            out,
            "Roles: sales = {}; marketing = {}; both = {}",
            inst.roles.sales.join(", "),
            inst.roles.marketing.join(", "),
            if inst.roles.both.is_empty() {
                "(none)".into()
            } else {
                inst.roles.both.join(", ")
            }
        )?;
        for r in &inst.roles.other.0 {
            writeln!(out, "  extra role {} = {}", r.name, r.aliases.join(", "))?;
        }
    }
    Ok(())
}

/// The dimensions with their items, the perception items and statements.
fn write_questions(inst: &Instrument, out: &mut dyn Write) -> std::io::Result<()> {
    for d in &inst.dimensions {
        let items = inst.items_of(&d.id);
        writeln!(
            out,
            "\nDimension {} — {} ({} items)",
            d.id,
            d.label,
            items.len()
        )?;
        if !d.description.is_empty() {
            writeln!(out, "  {}", d.description)?;
        }
        for i in items {
            let it = &inst.items[i];
            writeln!(
                out,
                "  {:<28} {}{}",
                it.column,
                it.text,
                if it.reverse { "  [reverse-worded]" } else { "" }
            )?;
        }
    }
    for (title, qs) in [
        ("Perception items", &inst.perception),
        ("Cross-function statements", &inst.statements),
    ] {
        if qs.is_empty() {
            continue;
        }
        writeln!(out, "\n{title} ({})", qs.len())?;
        for q in qs {
            writeln!(out, "  {:<28} {}", q.column, q.text)?;
        }
    }
    Ok(())
}

/// The outcomes, and the stages in order of their start.
fn write_outcomes_and_stages(inst: &Instrument, out: &mut dyn Write) -> std::io::Result<()> {
    if !inst.outcomes.is_empty() {
        writeln!(out, "\nOutcomes ({})", inst.outcomes.len())?;
        for o in &inst.outcomes {
            let dir = match o.direction {
                Direction::HigherIsBetter => "higher is better",
                Direction::LowerIsBetter => "lower is better",
            };
            let unit = if o.unit.is_empty() {
                String::new()
            } else {
                format!(", {}", o.unit)
            };
            writeln!(
                out,
                "  {:<28} {} (group {}{unit}, {dir})",
                o.column, o.label, o.group
            )?;
        }
    }
    if !inst.stages.is_empty() {
        let mut stages = inst.stages.clone();
        stages.sort_by(|a, b| a.min.total_cmp(&b.min));
        let st: Vec<String> = stages
            .iter()
            .map(|s| format!("{} from {}", s.name, s.min))
            .collect();
        writeln!(out, "\nStages on the alignment index: {}", st.join(", "))?;
    }
    if !inst.segments.is_empty() {
        let segs: Vec<String> = inst
            .segments
            .iter()
            .map(|s| format!("{} (column \"{}\")", s.id, s.column))
            .collect();
        writeln!(
            out,
            "\nSegments read from the responses: {}",
            segs.join(", ")
        )?;
    }
    Ok(())
}
