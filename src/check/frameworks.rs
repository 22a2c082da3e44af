//! Indicator frameworks: which 一级 and 二级 names are allowed, their
//! aliases, and which are required. Three are built in (the ones the seeds
//! use); a `scheme` block defines more, possibly extending a built-in one.

use crate::ast::SchemeDef;

#[derive(Clone, Debug, PartialEq)]
pub struct Tier {
    /// The canonical name first, then aliases; compared after [`norm`].
    pub names: Vec<String>,
    pub required: bool,
    pub children: Vec<Tier>,
}

impl Tier {
    pub fn canonical(&self) -> &str {
        &self.names[0]
    }
    pub fn matches(&self, name: &str) -> bool {
        let n = norm(name);
        self.names.iter().any(|x| norm(x) == n)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Framework {
    pub name: String,
    pub tiers: Vec<Tier>,
}

impl Framework {
    pub fn tier1(&self, name: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.matches(name))
    }
    /// The 一级 under which this framework puts a 二级 name.
    pub fn parent_of(&self, tier2: &str) -> Option<&Tier> {
        self.tiers
            .iter()
            .find(|t| t.children.iter().any(|c| c.matches(tier2)))
    }
    pub fn tier2(&self, tier1: &Tier, name: &str) -> Option<Tier> {
        tier1.children.iter().find(|c| c.matches(name)).cloned()
    }
    /// Every name the framework knows, canonical or alias, with the
    /// canonical name it stands for.
    pub fn all_names(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for t in &self.tiers {
            for n in &t.names {
                out.push((n.clone(), t.canonical().to_string()));
            }
            for c in &t.children {
                for n in &c.names {
                    out.push((n.clone(), c.canonical().to_string()));
                }
            }
        }
        out
    }
}

/// A tier name as compared: without white space, without a trailing 指标,
/// and without a parenthesised explanation (`产出指标（预期提供的…）`).
pub fn norm(name: &str) -> String {
    let mut s: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(i) = s.find(['（', '(']) {
        if i > 0 {
            s.truncate(i);
        }
    }
    s.strip_suffix("指标").map(str::to_string).unwrap_or(s)
}

fn tier(names: &[&str], required: bool, children: Vec<Tier>) -> Tier {
    Tier {
        names: names.iter().map(|s| s.to_string()).collect(),
        required,
        children,
    }
}

fn leaf(names: &[&str]) -> Tier {
    tier(names, false, Vec::new())
}

fn satisfaction() -> Tier {
    leaf(&[
        "服务对象满意度指标",
        "社会公众或服务对象满意度",
        "社会公众及服务对象满意度",
        "社会公众满意度",
    ])
}

fn benefit_children(with_satisfaction: bool) -> Vec<Tier> {
    let mut v = vec![
        leaf(&["经济效益指标"]),
        leaf(&["社会效益指标"]),
        leaf(&["生态效益指标", "环境效益"]),
        leaf(&["可持续影响指标"]),
    ];
    if with_satisfaction {
        v.push(satisfaction());
    }
    v
}

/// 产出 with 数量, 质量, 时效, and 成本 unless cost is a 一级 of its own.
fn output(with_cost: bool) -> Tier {
    let mut children = vec![
        leaf(&["数量指标"]),
        leaf(&["质量指标"]),
        leaf(&["时效指标"]),
    ];
    if with_cost {
        children.push(leaf(&["成本指标"]));
    }
    tier(&["产出指标"], true, children)
}

pub const BUILT_IN: &[&str] = &["财预2020", "财预2021", "地方旧式"];

/// A built-in framework by name.
pub fn built_in(name: &str) -> Option<Framework> {
    let tiers = match name {
        // 财预〔2015〕88号 / 财预〔2020〕10号: 成本 under 产出.
        "财预2020" => vec![
            output(true),
            tier(&["效益指标", "效果指标"], true, benefit_children(false)),
            tier(&["满意度指标"], true, vec![satisfaction()]),
        ],
        // 财预〔2021〕101号: 成本 is a 一级 of its own.
        "财预2021" => vec![
            tier(
                &["成本指标"],
                true,
                vec![
                    leaf(&["经济成本指标"]),
                    leaf(&["社会成本指标"]),
                    leaf(&["生态环境成本指标"]),
                ],
            ),
            output(false),
            tier(&["效益指标", "效果指标"], true, benefit_children(false)),
            tier(&["满意度指标"], true, vec![satisfaction()]),
        ],
        // Older local forms: 服务对象满意度 sits under 效益.
        "地方旧式" => vec![
            output(true),
            tier(&["效益指标", "效果指标"], true, benefit_children(true)),
        ],
        _ => return None,
    };
    Some(Framework {
        name: name.to_string(),
        tiers,
    })
}

/// Build a user-defined framework; `base` is the framework it extends.
pub fn from_def(def: &SchemeDef, base: Option<Framework>) -> Framework {
    let mut fw = base.unwrap_or(Framework {
        name: String::new(),
        tiers: Vec::new(),
    });
    fw.name = def.name.node.clone();
    for t in &def.tiers {
        let names: Vec<String> = t.names.iter().map(|n| n.node.clone()).collect();
        let children: Vec<Tier> = t
            .children
            .iter()
            .map(|c| Tier {
                names: c.names.iter().map(|n| n.node.clone()).collect(),
                required: c.required,
                children: Vec::new(),
            })
            .collect();
        if names.is_empty() {
            continue;
        }
        match fw
            .tiers
            .iter_mut()
            .find(|x| names.iter().any(|n| x.matches(n)))
        {
            Some(existing) => {
                for n in names {
                    if !existing.matches(&n) {
                        existing.names.push(n);
                    }
                }
                existing.required |= t.required;
                for c in children {
                    match existing
                        .children
                        .iter_mut()
                        .find(|x| c.names.iter().any(|n| x.matches(n)))
                    {
                        Some(ec) => {
                            for n in c.names {
                                if !ec.matches(&n) {
                                    ec.names.push(n);
                                }
                            }
                            ec.required |= c.required;
                        }
                        None => existing.children.push(c),
                    }
                }
            }
            None => fw.tiers.push(Tier {
                names,
                required: t.required,
                children,
            }),
        }
    }
    fw
}

/// Edit distance over characters (for "did you mean").
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_match() {
        let fw = built_in("财预2020").unwrap();
        assert!(fw.tier1("效益").is_some());
        assert!(fw.tier1("效果指标").is_some());
        let ben = fw.tier1("效益指标").unwrap();
        assert!(fw.tier2(ben, "环境效益指标").is_some());
        let sat = fw.tier1("满意度指标").unwrap();
        assert!(fw.tier2(sat, "社会公众及服务对象满意度指标").is_some());
        assert!(fw.tier1("产出指标（预期提供的公共产品或服务）").is_some());
    }

    #[test]
    fn edit_distance() {
        assert_eq!(distance("产出指标", "产出指标"), 0);
        assert_eq!(distance("产处指标", "产出指标"), 1);
    }
}
