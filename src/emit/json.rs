//! The checked model as JSON. Amounts are decimal strings exactly as
//! written (never floats) with their precision; field names are English
//! and stable, Chinese labels are data.

use crate::i18n::Lang;
use serde_json::{json, Map, Value};

use crate::ast::*;
use crate::diag::{render, Diagnostic};
use crate::model::Document;
use crate::source::SourceMap;

/// Version of the JSON model; bumped on any incompatible change.
pub const MODEL_VERSION: &str = "1";

pub fn document(doc: &Document, diags: &[Diagnostic], lang: Lang) -> Value {
    let findings = crate::emit::layout::document_findings(doc, diags);
    // The streamed form is the one definition of the model's fields.
    serde_json::to_value(Streamed {
        doc,
        findings: &findings,
        lang,
    })
    .unwrap_or(Value::Null)
}

/// Write the model of `doc` as pretty JSON, one unit and one finding at a
/// time: the model of a whole document is never held as a `Value`.
/// `findings` are the document's ([`crate::emit::layout::document_findings`]).
pub fn write_document(
    out: &mut impl std::io::Write,
    doc: &Document,
    findings: &[&Diagnostic],
    lang: Lang,
) -> serde_json::Result<()> {
    let mut ser = serde_json::Serializer::pretty(out);
    serde::Serialize::serialize(
        &Streamed {
            doc,
            findings,
            lang,
        },
        &mut ser,
    )
}

struct Streamed<'a, 'p> {
    doc: &'a Document<'p>,
    /// The document's findings.
    findings: &'a [&'a Diagnostic],
    lang: Lang,
}

/// A sequence serialised one element at a time, each made when written.
struct Each<I>(std::cell::Cell<Option<I>>);

impl<I: Iterator<Item: serde::Serialize>> serde::Serialize for Each<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        for v in self.0.take().into_iter().flatten() {
            seq.serialize_element(&v)?;
        }
        seq.end()
    }
}

/// The units of a document, serialised one at a time as each is read
/// whole ([`Document::each_whole_unit`]).
struct Units<'a, 'p>(&'a Document<'p>);

impl serde::Serialize for Units<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let doc = self.0;
        let mut seq = s.serialize_seq(None)?;
        let mut failed = None;
        doc.each_whole_unit(|u| {
            if failed.is_none() {
                failed = seq.serialize_element(&unit(doc, u)).err();
            }
        });
        match failed {
            Some(e) => Err(e),
            None => seq.end(),
        }
    }
}

fn each<I: Iterator<Item: serde::Serialize>>(items: I) -> Each<I> {
    Each(std::cell::Cell::new(Some(items)))
}

impl serde::Serialize for Streamed<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let Streamed {
            doc,
            findings,
            lang,
        } = *self;
        let (project, group) = (doc.project, doc.group);
        let h = &doc.header;
        let files: Vec<&str> = group
            .files
            .iter()
            .map(|f| project.sources.get(*f).name.as_str())
            .collect();
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("jixiao_model", MODEL_VERSION)?;
        m.serialize_entry("files", &files)?;
        m.serialize_entry(
            "header",
            &json!({
                "title": h.title,
                "year": h.year,
                "money": h.money,
                "precision": h.precision,
                "scheme": h.scheme,
            }),
        )?;
        m.serialize_entry("units", &Units(doc))?;
        m.serialize_entry(
            "summaries",
            &each(doc.summaries.iter().map(|s| SummaryRows(s))),
        )?;
        m.serialize_entry("schemes", &schemes(doc))?;
        m.serialize_entry(
            "diagnostics",
            &each(
                findings
                    .iter()
                    .map(|d| render::to_json(d, &project.sources, lang)),
            ),
        )?;
        m.end()
    }
}

fn schemes(doc: &Document) -> Vec<Value> {
    let (project, group) = (doc.project, doc.group);
    group
        .files
        .iter()
        .flat_map(|f| project.document(*f).schemes.iter())
        .map(|s| {
            json!({
                "name": s.name.node,
                "extends": s.extends.as_ref().map(|e| e.node.clone()),
                "tiers": s.tiers.iter().map(scheme_tier).collect::<Vec<_>>(),
            })
        })
        .collect()
}

fn scheme_tier(t: &SchemeTier) -> Value {
    json!({
        "names": t.names.iter().map(|n| n.node.clone()).collect::<Vec<_>>(),
        "required": t.required,
        "children": t.children.iter().map(scheme_tier).collect::<Vec<_>>(),
    })
}

/// An amount cell's figure: a number, or null for a blank cell and for a
/// cell that reads 无 or 不适用 (which [`mark`] tells apart).
pub fn amount(a: &Amount) -> Value {
    match a {
        Amount::Figure(n) => number(n),
        Amount::Blank(_) | Amount::Mark(..) => Value::Null,
    }
}

/// What a cell without a figure reads: `none` (无), `not_applicable`
/// (不适用), or null (a figure, or a blank cell).
pub fn mark(a: &Amount) -> Value {
    match a.mark() {
        Some(m) => json!(m.key()),
        None => Value::Null,
    }
}

/// A cell of a further column (上年): its figure and its mark.
fn cell(a: &Amount) -> Value {
    json!({ "amount": amount(a), "mark": mark(a) })
}

pub fn number(n: &Number) -> Value {
    match n.value {
        Some(v) => json!({ "value": v.to_string(), "scale": n.scale }),
        None => Value::Null,
    }
}

fn unit(doc: &Document, u: &Unit) -> Value {
    let mut m = Map::new();
    m.insert(
        "code".into(),
        json!(u.code.as_ref().map(|c| c.node.clone())),
    );
    m.insert("name".into(), json!(u.name.node));
    m.insert("rollup".into(), json!(u.rollup));
    let parent_name = doc
        .written_in(u)
        .map(|p| p.name.node.clone())
        .or_else(|| u.parent.as_ref().map(|p| p.node.clone()));
    m.insert("parent".into(), json!(parent_name));
    m.insert(
        "children".into(),
        json!(u
            .children
            .iter()
            .map(|c| c.name.node.clone())
            .collect::<Vec<_>>()),
    );
    m.insert(
        "duties".into(),
        json!(u.duties.iter().map(|d| d.node.clone()).collect::<Vec<_>>()),
    );
    m.insert("goals".into(), goals(&u.goals));
    m.insert(
        "plans".into(),
        json!(u
            .plans
            .iter()
            .map(|p| json!({
                "item": p.item.node,
                "owner": p.owner.as_ref().map(|o| o.node.clone()),
                "goal": p.goal.as_ref().map(|g| g.node.clone()),
            }))
            .collect::<Vec<_>>()),
    );
    m.insert(
        "staff".into(),
        json!(u
            .staff
            .iter()
            .map(|s| json!({
                "name": s.name.node,
                "count": number(&s.count),
                "unit": s.unit.as_ref().map(|x| x.node.clone()),
            }))
            .collect::<Vec<_>>()),
    );
    m.insert(
        "budget".into(),
        match &u.budget {
            Some(b) => json!({
                "total": amount(&b.total),
                "mark": mark(&b.total),
                "breakdowns": b.breakdowns.iter().map(breakdown).collect::<Vec<_>>(),
            }),
            None => Value::Null,
        },
    );
    m.insert(
        "amounts".into(),
        json!(u.amounts.iter().map(line).collect::<Vec<_>>()),
    );
    m.insert(
        "indicators".into(),
        json!(u
            .indicators
            .iter()
            .flat_map(|t| t.nodes.iter().map(|n| indicator_node(n, &At::of(doc))))
            .collect::<Vec<_>>()),
    );
    m.insert(
        "projects".into(),
        json!(u
            .projects
            .iter()
            .map(|p| project(p, &At::of(doc)))
            .collect::<Vec<_>>()),
    );
    m.insert("properties".into(), properties(&u.properties));
    Value::Object(m)
}

fn goals(gs: &[Goal]) -> Value {
    json!(gs
        .iter()
        .map(|g| json!({
            "kind": match g.kind { GoalKind::Overall => "overall", GoalKind::Term => "term", GoalKind::Annual => "annual" },
            "text": g.text.node,
        }))
        .collect::<Vec<_>>())
}

fn properties(ps: &[Property]) -> Value {
    json!(ps
        .iter()
        .map(|p| json!({ "key": p.key.node, "value": prop_value(&p.value.node) }))
        .collect::<Vec<_>>())
}

fn prop_value(v: &PropValue) -> Value {
    match v {
        PropValue::Text(t) => json!({ "text": t }),
        PropValue::Quantity(q) => json!({ "quantity": quantity(q) }),
        PropValue::Date(d) => json!({ "date": d.to_string() }),
        PropValue::Period(p) => json!({ "period": period(p) }),
        PropValue::Choices(cs) => json!({ "choices": cs
            .iter()
            .map(|c| json!({ "label": c.label.node, "checked": c.checked }))
            .collect::<Vec<_>>() }),
        PropValue::Blank => json!({ "blank": true }),
        PropValue::Mark(m) => json!({ "mark": m.key() }),
    }
}

fn period(p: &Period) -> Value {
    json!({ "start": p.start.to_string(), "end": p.end.to_string() })
}

fn breakdown(b: &Breakdown) -> Value {
    json!({
        "dimension": b.dimension.node.key(),
        "label": b.dimension.node.label(),
        "lines": b.lines.iter().map(line).collect::<Vec<_>>(),
        "total": b.total.as_ref().map(|t| json!({
            "amount": amount(&t.amount),
            "mark": mark(&t.amount),
            "prior": t.prior.as_ref().map(cell),
            "change": t.change.as_ref().map(number),
            "basis": t.basis.as_ref().map(|b| b.node.clone()),
        })),
    })
}

fn line(l: &Line) -> Value {
    json!({
        "code": l.code.as_ref().map(|c| c.node.clone()),
        "name": l.name.node,
        "amount": amount(&l.amount),
        "mark": mark(&l.amount),
        "prior": l.prior.as_ref().map(cell),
        "change": l.change.as_ref().map(number),
        "restates": l.restates.as_ref().map(|r| {
            let (target, name) = match &r.target.node {
                RestateTarget::Budget => ("budget", None),
                RestateTarget::Named(n) => ("amount", Some(n.clone())),
            };
            json!({
                "target": target,
                "name": name,
                "line": r.line.as_ref().map(|x| x.node.clone()),
            })
        }),
        "formula": l.formula.as_ref().map(|f| f.expr.to_string()),
        "formulas": l.all_formulas().map(|f| json!({
            "text": f.expr.to_string(),
            "approximate": f.approximate,
            "result": f.result.as_ref().map_or(Value::Null, amount),
        })).collect::<Vec<_>>(),
        "basis": l.basis.iter().map(|b| b.node.clone()).collect::<Vec<_>>(),
        "breakdowns": l.breakdowns.iter().map(breakdown).collect::<Vec<_>>(),
    })
}

fn project(p: &crate::ast::Project, at: &At) -> Value {
    json!({
        "code": p.code.as_ref().map(|c| c.node.clone()),
        "name": p.name.node,
        "amount": amount(&p.amount),
        "mark": mark(&p.amount),
        "prior": p.prior.as_ref().map(cell),
        "period": p.period.as_ref().map(|x| period(&x.node)),
        "goals": goals(&p.goals),
        "schedule": p.schedule.iter().map(|s| json!({
            "content": s.content.as_ref().map(|c| c.node.clone()),
            "period": period(&s.period.node),
        })).collect::<Vec<_>>(),
        "breakdowns": p.breakdowns.iter().map(breakdown).collect::<Vec<_>>(),
        "amounts": p.amounts.iter().map(line).collect::<Vec<_>>(),
        "indicators": p.indicators.iter().flat_map(|t| t.nodes.iter().map(|n| indicator_node(n, at))).collect::<Vec<_>>(),
        "properties": properties(&p.properties),
    })
}

/// What an indicator's JSON needs besides the indicator: the budget year
/// (for a time written without its year) and the text as written.
pub struct At<'p> {
    pub year: Option<i32>,
    pub sources: &'p SourceMap,
}

impl<'p> At<'p> {
    pub fn of(doc: &Document<'p>) -> At<'p> {
        At {
            year: doc.header.year,
            sources: &doc.project.sources,
        }
    }
}

fn indicator_node(n: &IndicatorNode, at: &At) -> Value {
    match n {
        IndicatorNode::Group(g) => json!({
            "tier": g.name.node,
            "children": g.children.iter().map(|c| indicator_node(c, at)).collect::<Vec<_>>(),
        }),
        IndicatorNode::Leaf(i) => indicator(i, at),
    }
}

fn quantity(q: &Quantity) -> Value {
    json!({ "number": number(&q.number), "unit": q.unit.as_ref().map(|u| u.node.clone()) })
}

/// A time: ISO 8601 where it has a form, the budget year's when no year is
/// written (`year_stated` false), and whether it is the end of that time.
fn when(w: &When, year: Option<i32>) -> Value {
    json!({ "date": w.iso(year), "end": w.end, "year_stated": w.year.is_some() })
}

/// One indicator. `comparison` is what the target means, whether a sign
/// or words said it; `qualifiers` are the words written with the value
/// (`以上`, `约`, `前`, `（含）`), as written, with where they stand and what
/// they mean.
pub fn indicator(i: &Indicator, at: &At) -> Value {
    let value = i.value.as_ref().map(|v| match &v.node {
        Value_::Quantity(q) => json!({ "quantity": quantity(q) }),
        Value_::Range(a, b) => json!({ "range": [quantity(a), quantity(b)] }),
        Value_::Date(d) => when(d, at.year),
        Value_::Text(t) => json!({ "text": t }),
        Value_::Mark(m) => json!({ "mark": m.key() }),
    });
    let mut attrs = Map::new();
    for a in &i.attrs {
        // Several of one key (two notes) are kept, joined by a newline.
        let key = a.key.node.key();
        let v = match attrs.get(key).and_then(Value::as_str) {
            Some(prev) => format!("{prev}\n{}", a.value.node),
            None => a.value.node.clone(),
        };
        attrs.insert(key.into(), json!(v));
    }
    json!({
        "indicator": i.name.node,
        "kind": i.kind.as_ref().map(|k| match k.node { Kind::Qualitative => "qualitative", Kind::Quantitative => "quantitative" }),
        "comparison": i.comparison.as_ref().map(|c| c.node.key()),
        "value": value,
        "qualifiers": i.qualifiers.iter().filter(|q| q.place != Place::Sign).map(|q| json!({
            "text": q.text,
            "place": q.place.key(),
            "means": q.means.key(),
        })).collect::<Vec<_>>(),
        "attributes": attrs,
    })
}

use crate::ast::Value as Value_;

/// A summary table serialised a row at a time: the summary of a large
/// corpus lists thousands of units, and as one `Value` it weighed more
/// than its text several times over.
struct SummaryRows<'a>(&'a Summary);

impl serde::Serialize for SummaryRows<'_> {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let s = self.0;
        let mut m = ser.serialize_map(None)?;
        m.serialize_entry("name", &s.name.node)?;
        m.serialize_entry("rows", &each(s.rows.iter().map(summary_row)))?;
        m.serialize_entry("total", &s.total.as_ref().map(amount))?;
        m.serialize_entry("properties", &properties(&s.properties))?;
        m.end()
    }
}

fn summary_row(r: &SummaryRow) -> Value {
    json!({
        "serial": r.serial.as_ref().map(|x| x.node.clone()),
        "code": r.code.as_ref().map(|x| x.node.clone()),
        "name": r.name.node,
        "amount": amount(&r.amount),
        "mark": mark(&r.amount),
        "goals": goals(&r.goals),
        "properties": properties(&r.properties),
    })
}
