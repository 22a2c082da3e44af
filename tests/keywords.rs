//! The keyword table (`src/syntax/keywords.rs`) is the one place keywords
//! are spelled. This test holds everything else to it:
//!
//! - the grammar: every `kw_*` / `dim_*` rule, the `keyword` rule (the
//!   reserved words) and the comparison rules `ge` … `lt`, read as text and
//!   compared with the tables both ways;
//! - the editors: the keyword and comparison lists of the Vim syntax file
//!   and of the VS Code grammar script are generated between their
//!   `BEGIN/END GENERATED KEYWORDS` lines; the test fails when the committed
//!   lines differ. `JIXIAO_BLESS=1 cargo test --test keywords` rewrites
//!   them (and rebuilds the VS Code JSON when `node` is installed);
//! - `docs/language.md`: its keyword table and its list of comparisons.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jixiao::syntax::keywords::{Class, Keyword, QualifierPlace, COMPARISONS, KEYWORDS, QUALIFIERS};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn rule_name(k: &Keyword) -> String {
    format!("{:?}", k.rule)
}

fn is_han(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "()".contains(c))
}

// ------------------------------------------------------------ grammar

/// The rules of a pest grammar by name, each with its body (what is
/// between the outer braces), comments removed.
fn pest_rules(text: &str) -> BTreeMap<String, String> {
    let mut rules = BTreeMap::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    // Strip comments, keeping string and character literals whole.
    let mut clean = String::new();
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            q @ ('"' | '\'') => {
                clean.push(q);
                i += 1;
                while i < chars.len() && chars[i] != q {
                    if chars[i] == '\\' {
                        clean.push(chars[i]);
                        i += 1;
                    }
                    clean.push(chars[i]);
                    i += 1;
                }
                clean.push(q);
                i += 1;
            }
            c => {
                clean.push(c);
                i += 1;
            }
        }
    }
    // `name = MOD? { body }`, the body's braces balanced outside literals.
    let chars: Vec<char> = clean.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        if name.is_empty() || chars.get(j) != Some(&'=') {
            // Not the start of a rule: go to the next line.
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            i += 1;
            continue;
        }
        while j < chars.len() && chars[j] != '{' {
            j += 1;
        }
        let (mut depth, mut k) = (0, j);
        let mut body = String::new();
        while k < chars.len() {
            match chars[k] {
                q @ ('"' | '\'') => {
                    body.push(q);
                    k += 1;
                    while chars[k] != q {
                        if chars[k] == '\\' {
                            body.push(chars[k]);
                            k += 1;
                        }
                        body.push(chars[k]);
                        k += 1;
                    }
                    body.push(q);
                }
                '{' => {
                    depth += 1;
                    if depth > 1 {
                        body.push('{');
                    }
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    body.push('}');
                }
                c => body.push(c),
            }
            k += 1;
        }
        rules.insert(name, body);
        i = k + 1;
    }
    rules
}

/// The string literals of a rule body, in order, and the body with each
/// literal replaced by `L` and white space removed (its shape).
fn literals(body: &str) -> (Vec<String>, String) {
    let mut lits = Vec::new();
    let mut shape = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let mut lit = String::new();
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => lit.push(chars.next().unwrap_or('\\')),
                        c => lit.push(c),
                    }
                }
                lits.push(lit);
                shape.push('L');
            }
            c if c.is_whitespace() => {}
            c => shape.push(c),
        }
    }
    (lits, shape)
}

fn grammar() -> BTreeMap<String, String> {
    pest_rules(&read("grammar/jixiao.pest"))
}

/// Differences between two sets, as lines of a failure message.
fn compare<T: Ord + std::fmt::Debug>(
    what: &str,
    left_name: &str,
    left: &BTreeSet<T>,
    right_name: &str,
    right: &BTreeSet<T>,
    out: &mut Vec<String>,
) {
    for x in left.difference(right) {
        out.push(format!(
            "{what}: {x:?} is in {left_name} but not in {right_name}"
        ));
    }
    for x in right.difference(left) {
        out.push(format!(
            "{what}: {x:?} is in {right_name} but not in {left_name}"
        ));
    }
}

fn fail_on(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_grammar_spells_every_keyword_as_the_table_does() {
    let rules = grammar();
    let mut problems = Vec::new();

    let in_grammar: BTreeSet<String> = rules
        .keys()
        .filter(|n| n.starts_with("kw_") || n.starts_with("dim_"))
        .cloned()
        .collect();
    let in_table: BTreeSet<String> = KEYWORDS.iter().map(rule_name).collect();
    compare(
        "keyword rule",
        "the grammar",
        &in_grammar,
        "the table",
        &in_table,
        &mut problems,
    );

    for k in KEYWORDS {
        let name = rule_name(k);
        let Some(body) = rules.get(&name) else {
            continue;
        };
        let (lits, shape) = literals(body);
        let alternatives = vec!["L"; lits.len()].join("|");
        if shape != format!("({alternatives})~!name_char") {
            problems.push(format!(
                "{name}: expected (\"…\" | …) ~ !name_char, found {body:?}"
            ));
        }
        let grammar: BTreeSet<&str> = lits.iter().map(String::as_str).collect();
        let table: BTreeSet<&str> = k.spellings().collect();
        compare(
            &name,
            "the grammar",
            &grammar,
            "the table",
            &table,
            &mut problems,
        );
        if !k.english.is_ascii() || k.chinese.iter().any(|z| !is_han(z)) {
            problems.push(format!("{name}: English must be ASCII and Chinese Han"));
        }
    }

    // Reserved words: the grammar's `keyword` rule.
    let keyword_rule = rules.get("keyword").map(String::as_str).unwrap_or("");
    let reserved_grammar: BTreeSet<String> = keyword_rule
        .split('|')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let reserved_table: BTreeSet<String> = KEYWORDS
        .iter()
        .filter(|k| k.class.reserved())
        .map(rule_name)
        .collect();
    compare(
        "reserved keyword",
        "the grammar's `keyword` rule",
        &reserved_grammar,
        "the table's reserved classes",
        &reserved_table,
        &mut problems,
    );
    fail_on(problems);
}

/// `keyword_start`, the grammar's pre-filter before the reserved keywords
/// are tried, must admit the first character of every reserved spelling:
/// a keyword it missed would be read as a name.
#[test]
fn every_reserved_keyword_starts_as_keyword_start_admits() {
    let rules = grammar();
    let body = rules.get("keyword_start").map(String::as_str).unwrap_or("");
    let (lits, _) = literals(body);
    let lower = body.contains("ASCII_ALPHA_LOWER");
    let mut problems = Vec::new();
    for k in KEYWORDS.iter().filter(|k| k.class.reserved()) {
        for spelling in k.spellings() {
            let first = spelling.chars().next().unwrap_or(' ');
            let admitted =
                (lower && first.is_ascii_lowercase()) || lits.iter().any(|l| l.starts_with(first));
            if !admitted {
                problems.push(format!(
                    "{}: `{spelling}` starts with {first:?}, which `keyword_start` does not admit",
                    rule_name(k)
                ));
            }
        }
    }
    fail_on(problems);
}

#[test]
fn the_grammar_spells_every_comparison_as_the_table_does() {
    let rules = grammar();
    let mut problems = Vec::new();
    let comparison = rules.get("comparison").map(String::as_str).unwrap_or("");
    let in_grammar: BTreeSet<String> = comparison
        .split('|')
        .map(|s| s.trim().to_string())
        .collect();
    let in_table: BTreeSet<String> = COMPARISONS
        .iter()
        .map(|c| format!("{:?}", c.rule))
        .collect();
    compare(
        "comparison rule",
        "the grammar's `comparison`",
        &in_grammar,
        "the table",
        &in_table,
        &mut problems,
    );
    for c in COMPARISONS {
        let name = format!("{:?}", c.rule);
        let Some(body) = rules.get(&name) else {
            problems.push(format!("{name}: no such rule in the grammar"));
            continue;
        };
        let (lits, _) = literals(body);
        let (words, signs): (Vec<&str>, Vec<&str>) =
            lits.iter().map(String::as_str).partition(|l| is_han(l));
        let (words, signs): (BTreeSet<&str>, BTreeSet<&str>) =
            (words.into_iter().collect(), signs.into_iter().collect());
        let table_signs: BTreeSet<&str> = c.signs.iter().copied().collect();
        let table_words: BTreeSet<&str> = c.words.iter().copied().collect();
        compare(
            &format!("{name} sign"),
            "the grammar",
            &signs,
            "the table",
            &table_signs,
            &mut problems,
        );
        compare(
            &format!("{name} word"),
            "the grammar",
            &words,
            "the table",
            &table_words,
            &mut problems,
        );
        if !words.is_empty() && !body.contains("~ word_end") {
            problems.push(format!("{name}: its words must be followed by `word_end`"));
        }
    }
    fail_on(problems);
}

/// The words written around a value: each qualifier rule spells the words
/// of its row of `QUALIFIERS`, and `before_word` / `after_word` list the
/// rules of their place. A longer word comes before its prefix.
#[test]
fn the_grammar_spells_every_qualifier_as_the_table_does() {
    let rules = grammar();
    let mut problems = Vec::new();
    for (group, place) in [
        ("before_word", QualifierPlace::Before),
        ("after_word", QualifierPlace::After),
    ] {
        let body = rules.get(group).map(String::as_str).unwrap_or("");
        let in_grammar: BTreeSet<String> = body.split('|').map(|s| s.trim().to_string()).collect();
        let in_table: BTreeSet<String> = QUALIFIERS
            .iter()
            .filter(|q| q.place == place)
            .map(|q| format!("{:?}", q.rule))
            .collect();
        compare(
            "qualifier rule",
            &format!("the grammar's `{group}`"),
            &in_grammar,
            "the table",
            &in_table,
            &mut problems,
        );
    }
    for q in QUALIFIERS {
        let name = format!("{:?}", q.rule);
        let Some(body) = rules.get(&name) else {
            problems.push(format!("{name}: no such rule in the grammar"));
            continue;
        };
        let (lits, _) = literals(body);
        let in_grammar: BTreeSet<&str> = lits.iter().map(String::as_str).collect();
        let in_table: BTreeSet<&str> = q.words.iter().copied().collect();
        compare(
            &format!("{name} word"),
            "the grammar",
            &in_grammar,
            "the table",
            &in_table,
            &mut problems,
        );
        for (i, a) in lits.iter().enumerate() {
            for b in &lits[i + 1..] {
                if b.starts_with(a.as_str()) {
                    problems.push(format!("{name}: {a:?} comes before {b:?}"));
                }
            }
        }
        let known = q.means.is_empty()
            || q.means == "含"
            || COMPARISONS.iter().any(|c| c.canonical == q.means);
        if !known {
            problems.push(format!(
                "{name}: means {:?}, which is no comparison",
                q.means
            ));
        }
    }
    fail_on(problems);
}

/// In a PEG, an alternative that is a prefix of a later one hides it
/// (`"评分" | "评分标准"` never matches `评分标准` before `!name_char`).
#[test]
fn no_spelling_in_the_grammar_hides_a_longer_one() {
    let rules = grammar();
    let names = KEYWORDS
        .iter()
        .map(rule_name)
        .chain(COMPARISONS.iter().map(|c| format!("{:?}", c.rule)));
    let mut problems = Vec::new();
    for name in names {
        let (lits, _) = literals(rules.get(&name).map(String::as_str).unwrap_or(""));
        for (i, a) in lits.iter().enumerate() {
            for b in &lits[i + 1..] {
                if b.starts_with(a.as_str()) {
                    problems.push(format!("{name}: {a:?} comes before {b:?}"));
                }
            }
        }
    }
    fail_on(problems);
}

// ------------------------------------------------------------ editors

const BEGIN: &str = "BEGIN GENERATED KEYWORDS";
const END: &str = "END GENERATED KEYWORDS";

/// The Vim syntax group and the TextMate scope of a reserved class, with
/// the comment the VS Code script gives it.
fn editor_group(class: Class) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match class {
        Class::Header => (
            "jxDirective",
            "keyword.control.directive.jx",
            "header statements",
        ),
        Class::Level => (
            "jxLintLevel",
            "keyword.control.directive.lint.jx",
            "lint levels",
        ),
        Class::Block => (
            "jxBlockKeyword",
            "keyword.control.block.jx",
            "blocks and the items that open them",
        ),
        Class::Field => (
            "jxFieldKeyword",
            "keyword.other.field.jx",
            "fields of units, plans and projects",
        ),
        Class::Kind => ("jxKind", "keyword.other.kind.jx", "indicator kind"),
        Class::Attribute => (
            "jxAttribute",
            "keyword.other.attribute.jx",
            "indicator attributes",
        ),
        Class::GoalKind | Class::Dimension => return None,
    })
}

const CLASSES: [Class; 8] = [
    Class::Header,
    Class::Level,
    Class::Block,
    Class::Field,
    Class::Kind,
    Class::Attribute,
    Class::GoalKind,
    Class::Dimension,
];

fn of_class(class: Class) -> impl Iterator<Item = &'static Keyword> {
    KEYWORDS.iter().filter(move |k| k.class == class)
}

fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"))
}

fn vim_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `head` followed by `items` joined with `sep`, wrapped before 100
/// columns (counting a Han character as two) with `cont` starting each
/// further line.
fn wrap(head: &str, items: &[String], sep: &str, tail: &str, cont: &str) -> String {
    let width = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let mut out = String::new();
    let mut line = head.to_string();
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item}{sep}")
        } else {
            format!("{item}{tail}")
        };
        if width(&line) + width(piece.trim_end()) > 100 && line.trim() != head.trim() {
            out.push_str(line.trim_end());
            out.push('\n');
            line = cont.to_string();
        }
        line.push_str(&piece);
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

fn vim_section() -> String {
    let mut s = String::new();
    s.push_str("\" Generated from src/syntax/keywords.rs by `JIXIAO_BLESS=1 cargo test --test keywords`:\n");
    s.push_str("\" edit the table there, not these lines. s:w holds each keyword's spellings.\n");
    s.push_str("let s:w = {}\n");
    for k in KEYWORDS {
        let words: Vec<String> = k.spellings().map(vim_quote).collect();
        s.push_str(&format!("let s:w.{} = [{}]\n", k.english, words.join(", ")));
    }
    let refs = |class: Class| -> Vec<String> {
        of_class(class)
            .map(|k| format!("s:w.{}", k.english))
            .collect()
    };
    s.push_str("let s:kw = {}\n");
    for class in CLASSES {
        if let Some((group, _, _)) = editor_group(class) {
            s.push_str(&wrap(
                &format!("let s:kw.{group} = "),
                &refs(class),
                " + ",
                "",
                "      \\ ",
            ));
        }
    }
    s.push_str("\" Only right after `goal`, and only right after `by`; not reserved elsewhere.\n");
    s.push_str(&wrap(
        "let s:goal_kinds = ",
        &refs(Class::GoalKind),
        " + ",
        "",
        "      \\ ",
    ));
    s.push_str(&wrap(
        "let s:dimensions = ",
        &refs(Class::Dimension),
        " + ",
        "",
        "      \\ ",
    ));
    let signs: Vec<String> = COMPARISONS
        .iter()
        .flat_map(|c| c.signs)
        .map(|w| vim_quote(w))
        .collect();
    let words: Vec<String> = COMPARISONS
        .iter()
        .flat_map(|c| c.words)
        .map(|w| vim_quote(w))
        .collect();
    s.push_str(&wrap(
        "let s:cmp_symbols = [",
        &signs,
        ", ",
        "]",
        "      \\ ",
    ));
    s.push_str(&wrap("let s:cmp_words = [", &words, ", ", "]", "      \\ "));
    s
}

fn js_section() -> String {
    let mut s = String::new();
    s.push_str("// Generated from src/syntax/keywords.rs by `JIXIAO_BLESS=1 cargo test --test keywords`:\n");
    s.push_str("// edit the table there, not these lines. W holds each keyword's spellings.\n");
    s.push_str("const W = {\n");
    for k in KEYWORDS {
        let words: Vec<String> = k.spellings().map(quote).collect();
        s.push_str(&format!("  {}: [{}],\n", k.english, words.join(", ")));
    }
    s.push_str("};\n");
    let spread = |class: Class| -> Vec<String> {
        of_class(class)
            .map(|k| format!("...W.{}", k.english))
            .collect()
    };
    s.push_str("const KEYWORDS = {\n");
    for class in CLASSES {
        if let Some((_, scope, comment)) = editor_group(class) {
            s.push_str(&format!("  // {comment}\n"));
            s.push_str(&wrap(
                &format!("  '{scope}': ["),
                &spread(class),
                ", ",
                "],",
                "    ",
            ));
        }
    }
    s.push_str("};\n");
    s.push_str("// Only right after `goal`; not reserved elsewhere.\n");
    s.push_str(&wrap(
        "const GOAL_KINDS = [",
        &spread(Class::GoalKind),
        ", ",
        "];",
        "  ",
    ));
    s.push_str("// Built-in dimensions, only right after `by`.\n");
    s.push_str(&wrap(
        "const DIMENSIONS = [",
        &spread(Class::Dimension),
        ", ",
        "];",
        "  ",
    ));
    let signs: Vec<String> = COMPARISONS
        .iter()
        .flat_map(|c| c.signs)
        .map(|w| quote(w))
        .collect();
    let words: Vec<String> = COMPARISONS
        .iter()
        .flat_map(|c| c.words)
        .map(|w| quote(w))
        .collect();
    s.push_str(&wrap("const CMP_SYMBOLS = [", &signs, ", ", "];", "  "));
    s.push_str(&wrap("const CMP_WORDS = [", &words, ", ", "];", "  "));
    s
}

/// `text` with the lines between its BEGIN and END marker lines replaced
/// by `section`, or None when the markers are missing.
fn splice(text: &str, section: &str) -> Option<String> {
    let begin = text.find(BEGIN)?;
    let body_start = begin + text[begin..].find('\n')? + 1;
    let end = body_start + text[body_start..].find(END)?;
    let end_line = text[..end].rfind('\n').map_or(0, |i| i + 1);
    Some(format!(
        "{}{}{}",
        &text[..body_start],
        section,
        &text[end_line..]
    ))
}

fn generated_in_sync(rel: &str, section: &str) -> bool {
    let path = root().join(rel);
    let committed = read(rel);
    let generated = splice(&committed, section)
        .unwrap_or_else(|| panic!("{rel}: the lines `{BEGIN}` and `{END}` are missing"));
    if std::env::var_os("JIXIAO_BLESS").is_some() && generated != committed {
        std::fs::write(&path, &generated).unwrap();
        return true;
    }
    generated == committed
}

#[test]
fn the_vim_syntax_lists_the_table() {
    assert!(
        generated_in_sync("editors/vim/syntax/jx.vim", &vim_section()),
        "editors/vim/syntax/jx.vim is out of date: run `JIXIAO_BLESS=1 cargo test --test keywords`"
    );
}

#[test]
fn the_vscode_grammar_script_lists_the_table() {
    let rel = "editors/vscode/syntaxes/build-grammar.js";
    let was = read(rel);
    assert!(
        generated_in_sync(rel, &js_section()),
        "{rel} is out of date: run `JIXIAO_BLESS=1 cargo test --test keywords`, \
         then `npm run build` in editors/vscode"
    );
    if read(rel) != was {
        rebuild_vscode_json();
    }
}

/// The JSON grammar is built from the script by node; when blessing
/// changed the script, rebuild it if node is there (`npm test` in
/// editors/vscode fails on a stale JSON otherwise).
fn rebuild_vscode_json() {
    let dir = root().join("editors/vscode");
    match std::process::Command::new("node")
        .arg(Path::new("syntaxes").join("build-grammar.js"))
        .current_dir(&dir)
        .status()
    {
        Ok(s) if s.success() => {}
        _ => eprintln!(
            "editors/vscode/syntaxes/jx.tmLanguage.json not rebuilt: run `npm run build` in editors/vscode"
        ),
    }
}

// ------------------------------------------------------------ docs

/// The cells of the rows of the table under `## Keywords`, header and
/// separator excluded.
fn docs_keyword_rows(text: &str) -> Vec<Vec<String>> {
    let section = text
        .split("\n## Keywords\n")
        .nth(1)
        .expect("docs/language.md has a `## Keywords` section");
    section
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

/// The `code spans` of a piece of markdown, in order, each split at white space.
fn code_words(md: &str) -> Vec<String> {
    md.split('`')
        .skip(1)
        .step_by(2)
        .flat_map(|c| c.split_whitespace())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_language_reference_lists_the_table() {
    let rows = docs_keyword_rows(&read("docs/language.md"));
    let by_english: BTreeMap<&str, &Keyword> = KEYWORDS.iter().map(|k| (k.english, k)).collect();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for row in &rows {
        let (Some(en), Some(zh)) = (row.first(), row.get(1)) else {
            problems.push(format!(
                "a row of the table has fewer than two cells: {row:?}"
            ));
            continue;
        };
        let mut expected = BTreeSet::new();
        let mut keywords = Vec::new();
        for e in code_words(en) {
            match by_english.get(e.as_str()) {
                Some(k) => {
                    if !seen.insert(k.english) {
                        problems.push(format!("`{e}` is in two rows"));
                    }
                    expected.extend(k.chinese.iter().map(|z| z.to_string()));
                    keywords.push(*k);
                }
                None => problems.push(format!("`{e}` is not a keyword of the table")),
            }
        }
        let written = code_words(zh);
        let found: BTreeSet<String> = written.iter().cloned().collect();
        compare(
            &format!("row {en}"),
            "docs/language.md",
            &found,
            "the table",
            &expected,
            &mut problems,
        );
        // The reference says the canonical spelling is the one listed first.
        for k in keywords {
            let first = written.iter().find(|w| k.chinese.contains(&w.as_str()));
            if first.is_some_and(|w| w != k.chinese_canonical()) {
                problems.push(format!(
                    "row {en}: `{}` must be listed first for `{}`",
                    k.chinese_canonical(),
                    k.english
                ));
            }
        }
    }
    for k in KEYWORDS {
        if !seen.contains(k.english) {
            problems.push(format!("`{}` is missing from the keyword table", k.english));
        }
    }
    fail_on(problems);
}

#[test]
fn the_language_reference_lists_every_comparison() {
    let text = read("docs/language.md");
    let bullet = text
        .split("- **COMPARISON**:")
        .nth(1)
        .and_then(|rest| rest.split("\n- ").next())
        .expect("docs/language.md has a **COMPARISON** bullet");
    let (signs_md, words_md) = bullet
        .split_once("in words")
        .expect("the **COMPARISON** bullet lists words after `in words`");
    let mut problems = Vec::new();

    let signs: BTreeSet<String> = code_words(signs_md).into_iter().collect();
    let table: BTreeSet<String> = COMPARISONS
        .iter()
        .flat_map(|c| c.signs)
        .map(|s| s.to_string())
        .collect();
    compare(
        "sign",
        "docs/language.md",
        &signs,
        "the table",
        &table,
        &mut problems,
    );

    // Words come as "`w1 w2` (≥)": each code span, then its sign.
    let pieces: Vec<&str> = words_md.split('`').collect();
    let mut documented: BTreeSet<(String, String)> = BTreeSet::new();
    for pair in pieces[1..].chunks(2) {
        if let [code, after] = pair {
            let sign = after
                .trim_start()
                .strip_prefix('(')
                .and_then(|s| s.split(')').next())
                .unwrap_or("?");
            for w in code.split_whitespace() {
                documented.insert((sign.to_string(), w.to_string()));
            }
        }
    }
    let table: BTreeSet<(String, String)> = COMPARISONS
        .iter()
        .flat_map(|c| {
            c.words
                .iter()
                .map(|w| (c.canonical.to_string(), w.to_string()))
        })
        .collect();
    compare(
        "(sign, word)",
        "docs/language.md",
        &documented,
        "the table",
        &table,
        &mut problems,
    );
    fail_on(problems);
}
