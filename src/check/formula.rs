//! Evaluating a basis of calculation (测算依据) exactly, with units as
//! algebra: `20 次 × 0.5 万元/次` is 20·次 × 0.5·万元 ÷ 次 = 10 万元.
//!
//! Money units (元, 千元, 万元, 百万元, 亿元) are one dimension and convert
//! to the document's money unit; every other unit is its own dimension.

use rust_decimal::Decimal;
use std::collections::BTreeMap;

use crate::ast::{BinOp, Expr, Span};

/// A value with its units and their exponents (`万元/次` is 万元¹ 次⁻¹).
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub value: Decimal,
    pub units: BTreeMap<String, i32>,
}

/// The name under which money is tracked, whatever unit it was written in.
pub const MONEY: &str = "¤";

#[derive(Clone, Debug, PartialEq)]
pub enum EvalError {
    Overflow(Span),
    DivisionByZero(Span),
    /// Units that cannot be added to each other.
    UnitMismatch {
        span: Span,
        left: String,
        right: String,
    },
}

use crate::ast::money_factor;

/// Evaluate `expr`; money is expressed in `money` (the document's unit).
pub fn eval(expr: &Expr, money: &str) -> Result<Quantity, EvalError> {
    let money_base = money_factor(money).unwrap_or(Decimal::ONE);
    eval_in(expr, money_base)
}

fn eval_in(expr: &Expr, money_base: Decimal) -> Result<Quantity, EvalError> {
    match expr {
        Expr::Number { number, .. } => Ok(Quantity {
            value: number.value.ok_or(EvalError::Overflow(number.span))?,
            units: BTreeMap::new(),
        }),
        Expr::Unit(u) => {
            let mut units = BTreeMap::new();
            match money_factor(&u.node) {
                Some(f) => {
                    units.insert(MONEY.to_string(), 1);
                    let value = f
                        .checked_div(money_base)
                        .ok_or(EvalError::Overflow(u.span))?;
                    Ok(Quantity { value, units })
                }
                None => {
                    units.insert(u.node.clone(), 1);
                    Ok(Quantity {
                        value: Decimal::ONE,
                        units,
                    })
                }
            }
        }
        Expr::Binary { op, lhs, rhs, span } => {
            let a = eval_in(lhs, money_base)?;
            let b = eval_in(rhs, money_base)?;
            match op {
                BinOp::Add | BinOp::Sub => {
                    if a.units != b.units {
                        return Err(EvalError::UnitMismatch {
                            span: *span,
                            left: show_units(&a.units),
                            right: show_units(&b.units),
                        });
                    }
                    let value = if *op == BinOp::Add {
                        a.value.checked_add(b.value)
                    } else {
                        a.value.checked_sub(b.value)
                    };
                    Ok(Quantity {
                        value: value.ok_or(EvalError::Overflow(*span))?,
                        units: a.units,
                    })
                }
                BinOp::Mul | BinOp::Div => {
                    let sign = if *op == BinOp::Mul { 1 } else { -1 };
                    let value = if *op == BinOp::Mul {
                        a.value
                            .checked_mul(b.value)
                            .ok_or(EvalError::Overflow(*span))?
                    } else {
                        if b.value.is_zero() {
                            return Err(EvalError::DivisionByZero(*span));
                        }
                        a.value
                            .checked_div(b.value)
                            .ok_or(EvalError::Overflow(*span))?
                    };
                    let mut units = a.units;
                    for (u, e) in b.units {
                        let entry = units.entry(u).or_insert(0);
                        *entry += sign * e;
                    }
                    units.retain(|_, e| *e != 0);
                    Ok(Quantity { value, units })
                }
            }
        }
    }
}

/// Units as a person writes them: `万元/次`, `次·人`, or `1` for none.
pub fn show_units(units: &BTreeMap<String, i32>) -> String {
    let name = |u: &str| {
        if u == MONEY {
            "money".to_string()
        } else {
            u.to_string()
        }
    };
    let pos: Vec<String> = units
        .iter()
        .filter(|(_, e)| **e > 0)
        .map(|(u, e)| {
            if *e == 1 {
                name(u)
            } else {
                format!("{}^{e}", name(u))
            }
        })
        .collect();
    let neg: Vec<String> = units
        .iter()
        .filter(|(_, e)| **e < 0)
        .map(|(u, e)| {
            if *e == -1 {
                name(u)
            } else {
                format!("{}^{}", name(u), -e)
            }
        })
        .collect();
    let top = if pos.is_empty() {
        "1".to_string()
    } else {
        pos.join("·")
    };
    if neg.is_empty() {
        top
    } else {
        format!("{top}/{}", neg.join("·"))
    }
}
