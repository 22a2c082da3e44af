//! The checked model as JSON. Amounts are decimal strings exactly as
//! written (never floats) with their precision; field names are English
//! and stable, Chinese labels are data.

use serde_json::{json, Map, Value};

use crate::ast::*;
use crate::diag::{render, Diagnostic};
use crate::project::{Group, Project};

/// Version of the JSON model; bumped on any incompatible change.
pub const MODEL_VERSION: &str = "1";

pub fn document(project: &Project, group: &Group, diags: &[Diagnostic]) -> Value {
    let h = &group.header;
    let mut units = Vec::new();
    let mut summaries = Vec::new();
    let mut schemes = Vec::new();
    for f in &group.files {
        let doc = project.document(*f);
        for u in &doc.units {
            unit(u, None, &mut units);
        }
        summaries.extend(doc.summaries.iter().map(summary));
        schemes.extend(doc.schemes.iter().map(|s| {
            json!({
                "name": s.name.node,
                "extends": s.extends.as_ref().map(|e| e.node.clone()),
                "tiers": s.tiers.iter().map(scheme_tier).collect::<Vec<_>>(),
            })
        }));
    }
    let files: Vec<&str> = group
        .files
        .iter()
        .map(|f| project.sources.get(*f).name.as_str())
        .collect();
    let in_group = |d: &&Diagnostic| {
        d.primary_span()
            .is_some_and(|s| group.files.contains(&s.file))
    };
    json!({
        "jixiao_model": MODEL_VERSION,
        "files": files,
        "header": {
            "title": h.title.as_ref().map(|t| t.node.clone()),
            "year": h.year.as_ref().map(|y| y.node),
            "money": h.money.as_ref().map(|m| m.node.clone()),
            "precision": h.precision.as_ref().map(|p| p.node),
            "scheme": h.scheme.as_ref().map(|s| s.node.clone()),
        },
        "units": units,
        "summaries": summaries,
        "schemes": schemes,
        "diagnostics": diags.iter().filter(in_group).map(|d| render::to_json(d, &project.sources)).collect::<Vec<_>>(),
    })
}

fn scheme_tier(t: &SchemeTier) -> Value {
    json!({
        "names": t.names.iter().map(|n| n.node.clone()).collect::<Vec<_>>(),
        "required": t.required,
        "children": t.children.iter().map(scheme_tier).collect::<Vec<_>>(),
    })
}

pub fn amount(a: &Amount) -> Value {
    match a {
        Amount::Figure(n) => number(n),
        Amount::Blank(_) => Value::Null,
    }
}

pub fn number(n: &Number) -> Value {
    match n.value {
        Some(v) => json!({ "value": v.to_string(), "scale": n.scale }),
        None => Value::Null,
    }
}

fn unit(u: &Unit, parent: Option<&Unit>, out: &mut Vec<Value>) {
    let mut m = Map::new();
    m.insert(
        "code".into(),
        json!(u.code.as_ref().map(|c| c.node.clone())),
    );
    m.insert("name".into(), json!(u.name.node));
    m.insert("rollup".into(), json!(u.rollup));
    let parent_name = parent
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
            .flat_map(|t| t.nodes.iter().map(indicator_node))
            .collect::<Vec<_>>()),
    );
    m.insert(
        "projects".into(),
        json!(u.projects.iter().map(project).collect::<Vec<_>>()),
    );
    m.insert("properties".into(), properties(&u.properties));
    out.push(Value::Object(m));
    for c in &u.children {
        unit(c, Some(u), out);
    }
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
    })
}

fn line(l: &Line) -> Value {
    json!({
        "code": l.code.as_ref().map(|c| c.node.clone()),
        "name": l.name.node,
        "amount": amount(&l.amount),
        "formula": l.formula.as_ref().map(|f| formula_text(&f.expr)),
        "breakdowns": l.breakdowns.iter().map(breakdown).collect::<Vec<_>>(),
    })
}

/// A formula as people write it: `20 次 × 0.5 万元/次`. A unit of measure
/// that multiplies is written after its number, one that divides follows a
/// slash; other products and quotients show `×` and `/`.
pub fn formula_text(e: &Expr) -> String {
    match e {
        Expr::Number { number, percent } => number
            .value
            .map(|v| {
                if *percent {
                    format!("{}%", (v * rust_decimal::Decimal::from(100)).normalize())
                } else {
                    v.to_string()
                }
            })
            .unwrap_or_default(),
        Expr::Unit(u) => u.node.clone(),
        Expr::Binary { op, lhs, rhs, .. } => {
            let l = formula_text(lhs);
            let unit_rhs = is_unit(rhs);
            match op {
                // `20 次`: a unit right after a number is written beside it.
                BinOp::Mul if unit_rhs && ends_with_number(lhs) => {
                    format!("{} {}", paren_sum(l, lhs), unit_text(rhs))
                }
                BinOp::Mul if unit_rhs => format!("{} × {}", paren_sum(l, lhs), unit_text(rhs)),
                BinOp::Div if unit_rhs => format!("{}/{}", paren_sum(l, lhs), unit_text(rhs)),
                BinOp::Mul | BinOp::Div => {
                    let r = formula_text(rhs);
                    let r = match (op, &**rhs) {
                        (BinOp::Div, Expr::Binary { .. }) => format!("({r})"),
                        _ => paren_sum(r, rhs),
                    };
                    format!("{} {} {}", paren_sum(l, lhs), op.symbol(), r)
                }
                BinOp::Add | BinOp::Sub => {
                    let r = formula_text(rhs);
                    let r = match (op, &**rhs) {
                        (
                            BinOp::Sub,
                            Expr::Binary {
                                op: BinOp::Add | BinOp::Sub,
                                ..
                            },
                        ) => format!("({r})"),
                        _ => r,
                    };
                    format!("{l} {} {r}", op.symbol())
                }
            }
        }
    }
}

/// Whether the last factor of a product is a number (`20 次 × 0.5`).
fn ends_with_number(e: &Expr) -> bool {
    match e {
        Expr::Number { .. } => true,
        Expr::Binary {
            op: BinOp::Mul | BinOp::Div,
            rhs,
            ..
        } => matches!(**rhs, Expr::Number { .. }),
        _ => false,
    }
}

/// Parenthesise a sum that is a factor.
fn paren_sum(s: String, e: &Expr) -> String {
    match e {
        Expr::Binary {
            op: BinOp::Add | BinOp::Sub,
            ..
        } => format!("({s})"),
        _ => s,
    }
}

/// A unit of measure, or a product or quotient of units (`万元/次`).
fn is_unit(e: &Expr) -> bool {
    match e {
        Expr::Unit(_) => true,
        Expr::Binary {
            op: BinOp::Mul | BinOp::Div,
            lhs,
            rhs,
            ..
        } => is_unit(lhs) && is_unit(rhs),
        _ => false,
    }
}

fn unit_text(e: &Expr) -> String {
    match e {
        Expr::Unit(u) => u.node.clone(),
        Expr::Binary { op, lhs, rhs, .. } => {
            let r = unit_text(rhs);
            let r = if matches!(**rhs, Expr::Binary { .. }) {
                format!("({r})")
            } else {
                r
            };
            match op {
                BinOp::Div => format!("{}/{}", unit_text(lhs), r),
                _ => format!("{}·{}", unit_text(lhs), r),
            }
        }
        other => formula_text(other),
    }
}

fn project(p: &crate::ast::Project) -> Value {
    json!({
        "code": p.code.as_ref().map(|c| c.node.clone()),
        "name": p.name.node,
        "amount": amount(&p.amount),
        "period": p.period.as_ref().map(|x| period(&x.node)),
        "goals": goals(&p.goals),
        "schedule": p.schedule.iter().map(|s| json!({
            "content": s.content.as_ref().map(|c| c.node.clone()),
            "period": period(&s.period.node),
        })).collect::<Vec<_>>(),
        "breakdowns": p.breakdowns.iter().map(breakdown).collect::<Vec<_>>(),
        "amounts": p.amounts.iter().map(line).collect::<Vec<_>>(),
        "indicators": p.indicators.iter().flat_map(|t| t.nodes.iter().map(indicator_node)).collect::<Vec<_>>(),
        "properties": properties(&p.properties),
    })
}

fn indicator_node(n: &IndicatorNode) -> Value {
    match n {
        IndicatorNode::Group(g) => json!({
            "tier": g.name.node,
            "children": g.children.iter().map(indicator_node).collect::<Vec<_>>(),
        }),
        IndicatorNode::Leaf(i) => indicator(i),
    }
}

fn quantity(q: &Quantity) -> Value {
    json!({ "number": number(&q.number), "unit": q.unit.as_ref().map(|u| u.node.clone()) })
}

fn indicator(i: &Indicator) -> Value {
    let value = i.value.as_ref().map(|v| match &v.node {
        Value_::Quantity(q) => json!({ "quantity": quantity(q) }),
        Value_::Range(a, b) => json!({ "range": [quantity(a), quantity(b)] }),
        Value_::Date(d) => json!({ "date": d.to_string() }),
        Value_::Text(t) => json!({ "text": t }),
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
        "attributes": attrs,
    })
}

use crate::ast::Value as Value_;

fn summary(s: &Summary) -> Value {
    json!({
        "name": s.name.node,
        "rows": s.rows.iter().map(|r| json!({
            "serial": r.serial.as_ref().map(|x| x.node.clone()),
            "code": r.code.as_ref().map(|x| x.node.clone()),
            "name": r.name.node,
            "amount": amount(&r.amount),
        })).collect::<Vec<_>>(),
        "total": s.total.as_ref().map(amount),
    })
}
