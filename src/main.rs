//! The `jixiao` command line. Thin: it parses arguments, calls the library
//! and sets the exit status (0 clean, 1 error-level findings, 2 usage or
//! I/O failure). It computes nothing itself.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};

use jixiao::ast::Level;
use jixiao::check::{self, Options};
use jixiao::diag::codes::{self, CODES};
use jixiao::diag::levels::LevelSetting;
use jixiao::diag::{render, Diagnostic};
use jixiao::world::{self, Disk, World};
use jixiao::{emit, Input, LoadOptions, Project};

/// Set when writing to standard output or standard error failed (a full
/// disk, a closed terminal): the run then ends with status 2. The macro
/// below replaces the standard `eprintln!`, which panics on a failed write.
static OUTPUT_FAILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

fn output_failed() {
    OUTPUT_FAILED.store(true, std::sync::atomic::Ordering::Relaxed);
}

macro_rules! eprintln {
    ($($arg:tt)*) => {{
        if writeln!(std::io::stderr(), $($arg)*).is_err() {
            output_failed();
        }
    }};
}

/// jixiao checks budget performance targets (预算绩效目标) written as text.
///
/// A `.jx` file states a budget unit's budget, its projects and its
/// three-tier indicator tree. jixiao reads it, checks that every figure adds
/// up and every tier is in its place, and writes the publishable tables.
///
/// Examples:
///   jixiao check examples/yuntian-2023
///   jixiao check --message-format json budget.jx
///   jixiao check -D warnings examples/
///   jixiao build examples/yueyang-2024 --format html -o out/
///   jixiao build examples/shifeng-2020 --format xlsx -o out/
///   jixiao fmt --check examples/
///   jixiao explain B001
///   jixiao lsp                  (started by an editor)
#[derive(Parser, Debug)]
#[command(
    name = "jixiao",
    version,
    verbatim_doc_comment,
    propagate_version = true
)]
pub struct Cli {
    /// When to use colour in diagnostics. NO_COLOR in the environment means never (for `auto`).
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,

    #[command(subcommand)]
    command: Command,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum MessageFormat {
    /// Diagnostics as rustc shows them, with the source underlined.
    Human,
    /// One JSON object per line: code, severity, message, file, line, column, end_line, end_column, labels, notes, help.
    Json,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum KeywordLang {
    /// Chinese keywords: 单位, 预算, 按 收入, 绩效指标 …
    Zh,
    /// English keywords: unit, budget, by income, indicators …
    En,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The checked model, `NAME.json` (schema/jixiao-model.v1.schema.json).
    Json,
    /// Flat tables: `NAME.indicators.csv`, `NAME.budget.csv`, `NAME.projects.csv`.
    Csv,
    /// The official tables, `NAME.html` (and `index.html` for several documents).
    Html,
    /// The official tables as a workbook, `NAME.xlsx`, one sheet per unit.
    Xlsx,
}

impl Format {
    fn backend(self) -> emit::Format {
        match self {
            Format::Json => emit::Format::Json,
            Format::Csv => emit::Format::Csv,
            Format::Html => emit::Format::Html,
            Format::Xlsx => emit::Format::Xlsx,
        }
    }
}

/// Level options shared by the commands that check.
#[derive(clap::Args, Debug, Clone)]
struct LevelArgs {
    /// Allow (silence) a diagnostic code; `warnings` means every warning.
    #[arg(short = 'A', long = "allow", value_name = "CODE")]
    allow: Vec<String>,
    /// Report a code as a warning.
    #[arg(short = 'W', long = "warn", value_name = "CODE")]
    warn: Vec<String>,
    /// Report a code as an error; `-D warnings` makes every warning an error.
    #[arg(short = 'D', long = "deny", value_name = "CODE")]
    deny: Vec<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check documents: every sum, tier and value. Prints diagnostics.
    ///
    /// PATH is a `.jx` file, a directory (every `.jx` file below it), or `-`
    /// for standard input. Files included by another file are checked as
    /// part of the file that includes them.
    Check {
        /// Files or directories to check (`-` reads standard input).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
        /// The project root: `include` may not reach outside it (default:
        /// the directory of each file named, or the directory named).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        #[command(flatten)]
        levels: LevelArgs,
    },
    /// Check documents and write them in an output format.
    ///
    /// Writes each document's files into DIR (named after the root file), or
    /// a single output to standard output with `-o -` (or when -o is not
    /// given). Output is written even when the checks find errors (the
    /// findings are part of the model), but not when a document cannot be
    /// read. The files of one run appear in DIR all at once. See
    /// docs/outputs.md.
    Build {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Output directory, or `-` for standard output.
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        /// Start CSV files with a UTF-8 byte-order mark (Excel needs it to read Chinese).
        #[arg(long)]
        bom: bool,
        /// How to print diagnostics.
        #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
        message_format: MessageFormat,
        /// The project root: `include` may not reach outside it (default:
        /// the directory of each file named, or the directory named).
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        #[command(flatten)]
        levels: LevelArgs,
    },
    /// Rewrite documents in the canonical style, keeping every comment.
    ///
    /// PATH is a `.jx` file, a directory (every `.jx` file below it), or `-`
    /// to format standard input to standard output. Files are rewritten in
    /// place (atomically; a symbolic link is kept and its target rewritten).
    /// Lines with syntax errors are kept as written; a file whose braces do
    /// not balance is reported and left as it is. A directory is formatted
    /// without leaving it: a link to a file or directory outside it is not
    /// followed. Exit status: 0 done, 1 a file could not be formatted (or,
    /// with --check, would change), 2 an I/O error.
    Fmt {
        /// Files or directories to format (`-` formats standard input).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Change nothing: list the files that would change and exit 1 if any.
        #[arg(long)]
        check: bool,
        /// Spell every keyword in this language (default: each file keeps
        /// the language most of its keywords are written in).
        #[arg(long, value_enum, value_name = "LANG")]
        keywords: Option<KeywordLang>,
    },
    /// Explain a diagnostic code: what it means, why, an example and the fix.
    Explain {
        /// The code, e.g. B001.
        #[arg(required_unless_present = "list", value_name = "CODE")]
        code: Option<String>,
        /// List every code with its default level and one line.
        #[arg(long)]
        list: bool,
    },
    /// Run the editor server: the Language Server Protocol over standard
    /// input and output (diagnostics as you type, hover, go to definition,
    /// completion, formatting). Editors start it; see editors/README.md.
    Lsp,
}

fn main() -> ExitCode {
    // Rust ignores SIGPIPE: a closed standard output is a write error
    // (EPIPE) that each command reports, rather than a silent death.
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    };
    if OUTPUT_FAILED.load(std::sync::atomic::Ordering::Relaxed) {
        ExitCode::from(2)
    } else {
        code
    }
}

/// Write `bytes` to standard output and flush them: an error (a closed
/// pipe, a full disk) is returned, never lost in a buffer nor a panic.
fn to_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

fn stdout_error(e: std::io::Error) -> String {
    format!("cannot write to standard output: {e}")
}

fn color_choice(when: ColorWhen) -> ColorChoice {
    match when {
        ColorWhen::Always => ColorChoice::Always,
        ColorWhen::Never => ColorChoice::Never,
        ColorWhen::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
                || !std::io::stderr().is_terminal()
            {
                ColorChoice::Never
            } else {
                ColorChoice::Auto
            }
        }
    }
}

fn level_settings(args: &LevelArgs) -> Vec<LevelSetting> {
    // Order of appearance matters little across kinds; rustc applies them in
    // command-line order, and clap does not keep it across flags, so allow <
    // warn < deny in that order (the strictest wins for the same code).
    let mut out = Vec::new();
    out.extend(
        args.allow
            .iter()
            .map(|c| LevelSetting::new(c.clone(), Level::Allow)),
    );
    out.extend(
        args.warn
            .iter()
            .map(|c| LevelSetting::new(c.clone(), Level::Warn)),
    );
    out.extend(
        args.deny
            .iter()
            .map(|c| LevelSetting::new(c.clone(), Level::Deny)),
    );
    out
}

fn validate_codes(args: &LevelArgs) -> Result<(), String> {
    for c in args.allow.iter().chain(&args.warn).chain(&args.deny) {
        if c != "warnings" && codes::lookup(c).is_none() {
            return Err(format!(
                "unknown diagnostic code `{c}` (see `jixiao explain --list`)"
            ));
        }
    }
    Ok(())
}

fn inputs(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            let text = jixiao::encoding::decode(bytes).map_err(|e| {
                format!(
                    "{} ({}); {}",
                    e.message("standard input"),
                    e.label(),
                    e.help("FILE")
                )
            })?;
            out.push(Input::Text {
                name: "<stdin>".into(),
                text,
            });
        } else {
            out.push(Input::Path(p.clone()));
        }
    }
    Ok(out)
}

fn load(
    paths: &[PathBuf],
    root: Option<&Path>,
    levels: &LevelArgs,
) -> Result<(Project, Options), String> {
    validate_codes(levels)?;
    if let Some(root) = root {
        if !std::fs::metadata(root).is_ok_and(|m| m.is_dir()) {
            return Err(format!("--root `{}` is not a directory", root.display()));
        }
    }
    let options = LoadOptions {
        root: root.map(Path::to_path_buf),
    };
    let project =
        jixiao::load_with_options(&Disk, &inputs(paths)?, &options).map_err(|e| e.to_string())?;
    let options = Options {
        levels: level_settings(levels),
    };
    Ok((project, options))
}

fn print_diagnostics(
    project: &Project,
    diags: &[Diagnostic],
    format: MessageFormat,
    color: ColorWhen,
) -> Result<(), String> {
    match format {
        MessageFormat::Json => {
            to_stdout(render::json_lines(&project.sources, diags).as_bytes())
                .map_err(stdout_error)?;
        }
        MessageFormat::Human => {
            let mut err = StandardStream::stderr(color_choice(color));
            render::emit_human(&mut err, &project.sources, diags)
                .map_err(|e| format!("cannot write diagnostics to standard error: {e}"))?;
            let errors = diags.iter().filter(|d| d.is_error()).count();
            let warnings = diags.len() - errors;
            if !diags.is_empty() {
                eprintln!("{}", summary_line(errors, warnings));
            }
        }
    }
    Ok(())
}

fn summary_line(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("1 {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    match (errors, warnings) {
        (0, w) => format!("finished with {}", plural(w, "warning")),
        (e, 0) => format!("found {}", plural(e, "error")),
        (e, w) => format!("found {} and {}", plural(e, "error"), plural(w, "warning")),
    }
}

fn status(diags: &[Diagnostic]) -> ExitCode {
    if diags.iter().any(Diagnostic::is_error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    match cli.command {
        Command::Check {
            paths,
            message_format,
            root,
            levels,
        } => {
            let (project, options) = load(&paths, root.as_deref(), &levels)?;
            let diags = check::check(&project, &options);
            print_diagnostics(&project, &diags, message_format, cli.color)?;
            Ok(status(&diags))
        }
        Command::Build {
            paths,
            format,
            output,
            bom,
            message_format,
            root,
            levels,
        } => {
            let (project, options) = load(&paths, root.as_deref(), &levels)?;
            let checked = check::run(&project, &options);
            let diags = &checked.diagnostics;
            print_diagnostics(&project, diags, message_format, cli.color)?;
            let unreadable = diags.iter().any(|d| d.blocks_output());
            if unreadable {
                eprintln!("error: nothing was written: a document could not be read");
                return Ok(ExitCode::from(1));
            }
            let names: Vec<String> = project
                .groups
                .iter()
                .map(|g| output_name(&project, g))
                .collect();
            let outputs = emit::build(
                &checked.model,
                diags,
                format.backend(),
                &emit::Options { bom },
                &names,
            )
            .map_err(|e| e.to_string())?;
            let to_stdout = output.as_ref().is_none_or(|d| d.as_os_str() == "-");
            if to_stdout && format == Format::Xlsx && std::io::stdout().is_terminal() {
                return Err(
                    "an XLSX workbook is binary: redirect standard output or give -o DIR".into(),
                );
            }
            write_outputs(output.as_deref(), &outputs)?;
            Ok(status(diags))
        }
        Command::Fmt {
            paths,
            check,
            keywords,
        } => fmt_command(&paths, check, keywords, cli.color),
        Command::Lsp => match jixiao::lsp::run() {
            Ok(()) => Ok(ExitCode::SUCCESS),
            // The protocol's exit status when the client did not shut the
            // server down first (or the connection failed).
            Err(e) => {
                eprintln!("error: {e}");
                Ok(ExitCode::from(1))
            }
        },
        Command::Explain { code, list } => {
            let text = if list {
                CODES
                    .iter()
                    .map(|c| {
                        format!(
                            "{}  {:<5}  {:<24} {}\n",
                            c.code,
                            c.level.as_str(),
                            c.name,
                            c.summary
                        )
                    })
                    .collect()
            } else {
                let code = code.unwrap_or_default();
                match codes::lookup(&code) {
                    Some(info) => jixiao::diag::codes::explain_text(info),
                    None => {
                        return Err(format!(
                            "unknown diagnostic code `{code}` (see `jixiao explain --list`)"
                        ))
                    }
                }
            };
            match to_stdout(text.as_bytes()) {
                // Reading documentation through `head` is done reading.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
                r => r.map(|()| ExitCode::SUCCESS).map_err(stdout_error),
            }
        }
    }
}

/// `jixiao fmt`: format each file (or standard input), or with `check` only
/// list the files that would change.
fn fmt_command(
    paths: &[PathBuf],
    check: bool,
    keywords: Option<KeywordLang>,
    color: ColorWhen,
) -> Result<ExitCode, String> {
    use jixiao::fmt::{self, Keywords};
    let options = fmt::Options {
        keywords: match keywords {
            None => Keywords::Keep,
            Some(KeywordLang::Zh) => Keywords::Zh,
            Some(KeywordLang::En) => Keywords::En,
        },
    };
    let mut io_failed = false;
    let mut not_formatted = false;
    let mut changed = false;
    // Report why a text was not formatted.
    let report = |name: &str, text: &str, e: fmt::Error| match e {
        fmt::Error::Syntax(diags) => {
            let mut sources = jixiao::source::SourceMap::new();
            sources.add(jixiao::source::SourceFile::new(
                name.to_string(),
                None,
                text.to_string(),
            ));
            let mut err = StandardStream::stderr(color_choice(color));
            let _ = render::emit_human(&mut err, &sources, &diags);
            let why = if diags.iter().any(|d| d.code == jixiao::diag::Code::S010) {
                "nests too deeply"
            } else {
                "has unbalanced braces"
            };
            eprintln!("error: `{name}` {why}: not formatted");
        }
        fmt::Error::Internal(why) => {
            eprintln!("error: `{name}` not formatted: {why} (please report this)");
        }
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            let text = match jixiao::encoding::decode(bytes) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!(
                        "error: {}: not formatted; {}",
                        e.message("standard input"),
                        e.help("FILE")
                    );
                    not_formatted = true;
                    continue;
                }
            };
            match fmt::format_source(&text, &options) {
                Ok(out) if check => {
                    if out != text {
                        to_stdout(b"<stdin>\n").map_err(stdout_error)?;
                        changed = true;
                    }
                }
                Ok(out) => to_stdout(out.as_bytes()).map_err(stdout_error)?,
                Err(e) => {
                    report("<stdin>", &text, e);
                    not_formatted = true;
                }
            }
            continue;
        }
        let (files, within) = match Disk.is_dir(path) {
            Ok(true) => (Disk.jx_files(path), Some(Disk.resolve(path))),
            Ok(false) => (Ok(vec![path.clone()]), None),
            Err(e) => (Err(e), None),
        };
        let files = match files {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: cannot read `{}`: {e}", path.display());
                io_failed = true;
                continue;
            }
        };
        for file in files {
            let name = file.display().to_string();
            // A directory is formatted without leaving it: a file found in
            // it through a link is rewritten only if it lives in it.
            if within
                .as_ref()
                .is_some_and(|dir| !Disk.resolve(&file).starts_with(dir))
            {
                eprintln!(
                    "error: `{name}` is a link to a file outside `{}`: not formatted",
                    path.display()
                );
                not_formatted = true;
                continue;
            }
            let bytes = match Disk.read(&file) {
                Ok(b) => b,
                Err(e) => {
                    if let Some(what) = world::not_a_file(&e) {
                        eprintln!("error: `{name}` is {}: not formatted", what.what);
                        not_formatted = true;
                    } else {
                        eprintln!("error: cannot read `{name}`: {e}");
                        io_failed = true;
                    }
                    continue;
                }
            };
            let text = match jixiao::encoding::decode(bytes) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!(
                        "error: {}: not formatted; {}",
                        e.message(&name),
                        e.help(&name)
                    );
                    not_formatted = true;
                    continue;
                }
            };
            match fmt::format_source(&text, &options) {
                Ok(out) if out == text => {}
                Ok(_) if check => {
                    to_stdout(format!("{name}\n").as_bytes()).map_err(stdout_error)?;
                    changed = true;
                }
                Ok(out) => {
                    if let Err(e) = world::write_atomic(&file, out.as_bytes()) {
                        eprintln!("error: cannot write `{name}`: {e}");
                        io_failed = true;
                    }
                }
                Err(e) => {
                    report(&name, &text, e);
                    not_formatted = true;
                }
            }
        }
    }
    Ok(if io_failed {
        ExitCode::from(2)
    } else if not_formatted || changed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A document's output name: its root file's stem, or `stdin`.
fn output_name(project: &Project, g: &jixiao::project::Group) -> String {
    let f = project.sources.get(g.root);
    let stem = f
        .path
        .as_ref()
        .and_then(|p| {
            // `main.jx` of an example project is named after its directory.
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            if stem == "main" {
                p.parent()?
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            } else {
                Some(stem)
            }
        })
        .unwrap_or_else(|| "stdin".into());
    stem
}

/// Write every output: to standard output, or into a directory as one set
/// (see [`world::write_set`]): a reader of the directory sees the old set
/// or the new one, never a mix nor a part of a file, and a failed run
/// leaves it as it was.
fn write_outputs(dir: Option<&Path>, outputs: &[emit::Output]) -> Result<(), String> {
    match dir {
        None => write_stdout(outputs),
        Some(d) if d.as_os_str() == "-" => write_stdout(outputs),
        Some(d) => {
            let files: Vec<(&str, &[u8])> = outputs
                .iter()
                .map(|o| (o.name.as_str(), o.bytes.as_slice()))
                .collect();
            world::write_set(d, &files)
                .map(|_| ())
                .map_err(|e| format!("cannot write into `{}`: {e}", d.display()))
        }
    }
}

fn write_stdout(outputs: &[emit::Output]) -> Result<(), String> {
    if outputs.len() > 1 {
        let names: Vec<&str> = outputs.iter().map(|o| o.name.as_str()).collect();
        return Err(format!(
            "{} files to write ({}): give an output directory with -o DIR",
            outputs.len(),
            names.join(", ")
        ));
    }
    let bytes: Vec<u8> = outputs.iter().flat_map(|o| o.bytes.clone()).collect();
    to_stdout(&bytes).map_err(stdout_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
