//! The `jixiao` command line. Thin: it parses arguments, calls the library
//! and sets the exit status (0 clean, 1 error-level findings, 2 usage or
//! I/O failure). It computes nothing itself.

use std::ffi::OsString;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::builder::PossibleValue;
use clap::{ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{
    BufferWriter, ColorChoice, ColorSpec, StandardStream, WriteColor,
};
use unicode_width::UnicodeWidthStr;

use jixiao::ast::Level;
use jixiao::check::{self, Options};
use jixiao::diag::codes::{self, CODES};
use jixiao::diag::levels::LevelSetting;
use jixiao::diag::{render, summary, Diagnostic};
use jixiao::i18n::{self, Arg, Lang, Message};
use jixiao::msg;
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

// Every text a user reads here is a message of the catalogues
// (`locales/LANG/cli.ftl`): the help of each command and flag (ids
// `cli-COMMAND-about`, `cli-COMMAND-ARG`, falling back to `cli-ARG`), the
// possible values, the errors. The language is chosen before the command
// line is parsed, so that `--help` is in it too.

/// The language of this run, chosen once in `main`.
static LANG: OnceLock<Lang> = OnceLock::new();

fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// A message of the catalogues in the language of the run.
fn tr(m: Message) -> String {
    m.render(lang())
}

#[derive(Parser, Debug)]
#[command(
    name = "jixiao",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
pub struct Cli {
    // The global options come after each command's own in its help.
    #[arg(long, value_enum, default_value_t = ColorWhen::Auto, global = true, display_order = 90)]
    color: ColorWhen,

    #[arg(
        long,
        value_enum,
        ignore_case = true,
        global = true,
        value_name = "LANG",
        display_order = 91
    )]
    lang: Option<LangArg>,

    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, display_order = 98)]
    help: Option<bool>,

    #[arg(short = 'V', long = "version", action = ArgAction::Version, display_order = 99)]
    version: Option<bool>,

    #[command(subcommand)]
    command: Command,
}

/// An enum of possible values whose help is a catalogue message; a value
/// may have other spellings (`zh-CN` for `zh`, as `JIXIAO_LANG` accepts).
macro_rules! value_enum {
    ($name:ident { $($variant:ident = $value:literal $(| $alias:literal)* : $help:literal),* $(,)? }) => {
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        enum $name {
            $($variant),*
        }

        impl ValueEnum for $name {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($name::$variant),*]
            }

            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(match self {
                    $($name::$variant => {
                        let aliases: &[&'static str] = &[$($alias),*];
                        PossibleValue::new($value)
                            .aliases(aliases.iter().copied())
                            .help(tr(Message::new($help)))
                    })*
                })
            }
        }
    };
}

value_enum!(ColorWhen {
    Auto = "auto": "cli-value-color-auto",
    Always = "always": "cli-value-color-always",
    Never = "never": "cli-value-color-never",
});

value_enum!(LangArg {
    // The spellings `Lang::parse` reads (`JIXIAO_LANG`, the locale), which
    // decides the language before clap runs (`lang_in_args`).
    Zh = "zh" | "zh-CN" | "zh_CN" | "zh-Hans" | "cn" | "chinese" | "中文": "cli-value-lang-zh",
    En = "en" | "en-US" | "en_US" | "en-GB" | "english" | "英文": "cli-value-lang-en",
});

value_enum!(MessageFormat {
    Human = "human": "cli-value-format-human",
    Json = "json": "cli-value-format-json",
});

value_enum!(KeywordLang {
    Zh = "zh": "cli-value-keywords-zh",
    En = "en": "cli-value-keywords-en",
});

value_enum!(Format {
    Json = "json": "cli-value-output-json",
    Csv = "csv": "cli-value-output-csv",
    Html = "html": "cli-value-output-html",
    Xlsx = "xlsx": "cli-value-output-xlsx",
    Report = "report": "cli-value-output-report",
});

impl Format {
    fn backend(self) -> emit::Format {
        match self {
            Format::Json => emit::Format::Json,
            Format::Csv => emit::Format::Csv,
            Format::Html => emit::Format::Html,
            Format::Xlsx => emit::Format::Xlsx,
            Format::Report => emit::Format::Report,
        }
    }
}

/// Level options shared by the commands that check.
#[derive(clap::Args, Debug, Clone)]
struct LevelArgs {
    #[arg(short = 'A', long = "allow", value_name = "CODE")]
    allow: Vec<String>,
    #[arg(short = 'W', long = "warn", value_name = "CODE")]
    warn: Vec<String>,
    #[arg(short = 'D', long = "deny", value_name = "CODE")]
    deny: Vec<String>,
}

/// How the findings are printed, for the commands that check.
#[derive(clap::Args, Debug, Clone)]
struct PrintArgs {
    #[arg(long, value_enum, default_value_t = MessageFormat::Human)]
    message_format: MessageFormat,
    #[arg(long, conflicts_with_all = ["short", "quiet"])]
    summary: bool,
    #[arg(long)]
    short: bool,
    #[arg(short = 'q', long)]
    quiet: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    Check {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        print: PrintArgs,
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        #[command(flatten)]
        levels: LevelArgs,
    },
    Build {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[arg(long)]
        bom: bool,
        #[command(flatten)]
        print: PrintArgs,
        #[arg(long, value_name = "DIR")]
        root: Option<PathBuf>,
        #[command(flatten)]
        levels: LevelArgs,
    },
    Fmt {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum, value_name = "LANG")]
        keywords: Option<KeywordLang>,
    },
    Import {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(short, long, value_name = "DIR", default_value = ".")]
        output: PathBuf,
        #[arg(long, value_name = "SCHEME", value_parser = clap::builder::PossibleValuesParser::new(jixiao::import::SCHEMES))]
        scheme: Option<String>,
    },
    Explain {
        #[arg(required_unless_present = "list", value_name = "CODE")]
        code: Option<String>,
        #[arg(long)]
        list: bool,
    },
    // clap's own `help` command speaks English only: this one is ours.
    Help {
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
    // The editor server: editors start it (editors/README.md).
    Lsp,
}

/// The language asked for on the command line (`--lang zh`, `--lang=en`),
/// read before clap parses it so that `--help` speaks it.
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        if a == "--lang" {
            return it.next().and_then(|v| Lang::parse(&v));
        }
        if let Some(v) = a.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

/// The catalogue's help of an argument of a command: `cli-COMMAND-ARG`,
/// else `cli-ARG`.
fn arg_help(command: &str, arg: &str, long: bool) -> Option<String> {
    let suffix = if long { "-long" } else { "" };
    let candidates = [
        format!("cli-{command}-{arg}{suffix}"),
        format!("cli-{arg}{suffix}"),
    ];
    candidates
        .iter()
        .map(|id| (id, i18n::plain(id, lang())))
        .find(|(id, text)| *id != text)
        .map(|(_, text)| text)
}

/// The catalogue's text `id`, if it has one.
fn catalogue(id: &str) -> Option<String> {
    let text = i18n::plain(id, lang());
    (text != id).then_some(text)
}

/// Put the catalogue's texts on a command and its arguments, and its
/// headings in the language of the run.
fn localize(cmd: clap::Command, name: &str) -> clap::Command {
    let key = if name.is_empty() {
        String::new()
    } else {
        format!("{name}-")
    };
    let mut cmd = cmd;
    if let Some(about) = catalogue(&format!("cli-{key}about")) {
        cmd = cmd.about(about);
    }
    if let Some(long) = catalogue(&format!("cli-{key}long-about")) {
        cmd = cmd.long_about(long);
    }
    let command = if name.is_empty() { "jixiao" } else { name };
    let positional = tr(msg!("cli-heading-arguments"));
    let options = tr(msg!("cli-heading-options"));
    cmd = cmd.mut_args(|a| {
        let id = a.get_id().as_str().to_string();
        let mut a = a;
        if let Some(h) = arg_help(command, &id, false) {
            a = a.help(h);
        }
        if let Some(h) = arg_help(command, &id, true) {
            a = a.long_help(h);
        }
        if lang() != Lang::En {
            let heading = if a.is_positional() {
                &positional
            } else {
                &options
            };
            a = a.help_heading(heading.clone());
            a = values_in_help(a);
        }
        a
    });
    if lang() != Lang::En {
        cmd = cmd
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{{all-args}}{{after-help}}",
                tr(msg!("cli-heading-usage"))
            ))
            .subcommand_help_heading(tr(msg!("cli-heading-commands")))
            .subcommand_value_name(tr(msg!("cli-value-command")));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(&n, |s| localize(s, &n));
    }
    cmd
}

/// clap says "possible values" and "default" in English only: in another
/// language an argument's help lists them itself.
fn values_in_help(a: clap::Arg) -> clap::Arg {
    let values: Vec<PossibleValue> = a
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !a.get_action().takes_values() || (values.is_empty() && defaults.is_empty()) {
        return a;
    }
    let help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let long = a
        .get_long_help()
        .map(|h| h.to_string())
        .unwrap_or_else(|| help.clone());
    let names = values.iter().map(|v| v.get_name().to_string());
    let mut short = help.clone();
    let mut full = long;
    if !values.is_empty() {
        short.push_str(&tr(msg!("cli-possible-values", values = Arg::comma(names))));
        full.push_str("\n\n");
        full.push_str(&tr(msg!("cli-possible-values-heading")));
        for v in &values {
            let h = v.get_help().map(|h| h.to_string()).unwrap_or_default();
            full.push_str(&format!("\n- {}: {h}", v.get_name()));
        }
    }
    if !defaults.is_empty() {
        let d = tr(msg!("cli-default", value = defaults.join(", ")));
        short.push_str(&d);
        full.push_str("\n\n");
        full.push_str(d.trim_start());
    }
    a.hide_possible_values(true)
        .hide_default_value(true)
        .help(short)
        .long_help(full)
}

/// The command line in the language of the run.
fn command() -> clap::Command {
    localize(Cli::command(), "")
}

/// glibc serves a block of 128 KiB or more from a mapping of its own and
/// unmaps it when it is freed, but after the first such block is freed it
/// raises that threshold (up to 32 MiB), and the large vectors of a run
/// (sources, a file's pairs, the findings as they grow) then land in the
/// heap, whose freed room is not given back. A fixed threshold keeps them
/// mapped: `check` of the 10 MB corpus peaked at 83 MB instead of 92, for
/// the same CPU time within noise (4 interleaved runs each).
///
/// And at most two arenas (glibc's default is eight per core): a lean
/// `check` frees each file's tree on the thread that lowered it, and room
/// freed in one thread's arena is not reused by another's, so that every
/// arena grows to its own peak. With two, `check` of the 10 MB corpus
/// peaked at 38.4 MB instead of 40.4 (five interleaved runs each, CPU time
/// within noise).
fn return_large_blocks_to_the_system() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning parameter of the allocator, before
    // any thread is started.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

fn main() -> ExitCode {
    return_large_blocks_to_the_system();
    let args: Vec<OsString> = std::env::args_os().collect();
    let _ = LANG.set(lang_in_args(&args).unwrap_or_else(Lang::from_env));
    // Rust ignores SIGPIPE: a closed standard output is a write error
    // (EPIPE) that each command reports, rather than a silent death.
    let parsed = command()
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => usage_error(e),
    };
    let code = match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{}", tr(msg!("cli-error", text = e)));
            ExitCode::from(2)
        }
    };
    if OUTPUT_FAILED.load(std::sync::atomic::Ordering::Relaxed) {
        ExitCode::from(2)
    } else {
        code
    }
}

/// A command line clap could not read: the common mistakes said in the
/// language of the run (clap says them in English only), the others as
/// clap says them; help and version are printed as asked.
fn usage_error(e: clap::Error) -> ! {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(" "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let message = match e.kind() {
        _ if lang() == Lang::En => None,
        ErrorKind::UnknownArgument => Some(msg!(
            "cli-unknown-argument",
            arg = context(ContextKind::InvalidArg)
        )),
        ErrorKind::InvalidValue => Some(msg!(
            "cli-invalid-value",
            value = context(ContextKind::InvalidValue),
            arg = context(ContextKind::InvalidArg),
            values = Arg::comma(match e.get(ContextKind::ValidValue) {
                Some(ContextValue::Strings(v)) => v.clone(),
                _ => Vec::new(),
            })
        )),
        ErrorKind::MissingRequiredArgument => Some(msg!(
            "cli-missing-argument",
            arg = context(ContextKind::InvalidArg)
        )),
        ErrorKind::InvalidSubcommand => Some(msg!(
            "cli-unknown-command",
            name = context(ContextKind::InvalidSubcommand)
        )),
        ErrorKind::MissingSubcommand => Some(msg!("cli-missing-command")),
        _ => None,
    };
    match message {
        Some(m) => {
            eprintln!("{}", tr(msg!("cli-error", text = m)));
            eprintln!("{}", tr(msg!("cli-see-help")));
            std::process::exit(2)
        }
        None => e.exit(),
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
    tr(msg!("cli-cannot-write-stdout", error = e.to_string()))
}

/// `jixiao import`: every workbook is read first; the `.jx` files are
/// written together (one set, all at once) only when none failed.
fn import_command(
    files: &[PathBuf],
    dir: &Path,
    scheme: Option<&str>,
    color: ColorWhen,
) -> Result<ExitCode, String> {
    let mut written: Vec<(String, String)> = Vec::new();
    let mut findings = Vec::new();
    let mut failed = 0usize;
    for f in files {
        match jixiao::import::import(f, scheme) {
            Ok(imp) => {
                findings.extend(imp.diags);
                let mut name = format!("{}.jx", imp.name);
                let mut k = 2;
                while written.iter().any(|(n, _)| *n == name) {
                    name = format!("{}-{k}.jx", imp.name);
                    k += 1;
                }
                written.push((name, imp.text));
            }
            Err(diags) => {
                failed += 1;
                findings.extend(diags);
            }
        }
    }
    let sources = jixiao::source::SourceMap::new();
    let mut err = StandardStream::stderr(color_choice(color));
    let _ = render::emit_human(&mut err, &sources, &findings, lang());
    if failed > 0 {
        report_error(msg!("import-failed", count = failed as i64));
        return Ok(ExitCode::from(1));
    }
    let set: Vec<(&str, &[u8])> = written
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_bytes()))
        .collect();
    world::write_set(dir, &set).map_err(|e| {
        tr(msg!(
            "cli-cannot-write",
            path = dir.display().to_string(),
            error = e.to_string()
        ))
    })?;
    eprintln!(
        "{}",
        tr(msg!(
            "import-written",
            count = written.len() as i64,
            dir = dir.display().to_string()
        ))
    );
    Ok(ExitCode::SUCCESS)
}

/// Report an error that does not stop the command: `error: …`.
fn report_error(m: Message) {
    eprintln!("{}", tr(msg!("cli-error", text = m)));
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

fn unknown_code(code: &str) -> String {
    tr(msg!("explain-unknown-code", code = code))
}

fn validate_codes(args: &LevelArgs) -> Result<(), String> {
    for c in args.allow.iter().chain(&args.warn).chain(&args.deny) {
        if c != "warnings" && codes::lookup(c).is_none() {
            return Err(unknown_code(c));
        }
    }
    Ok(())
}

fn read_stdin_error(e: std::io::Error) -> String {
    tr(msg!("cli-cannot-read-stdin", error = e.to_string()))
}

fn inputs(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(read_stdin_error)?;
            let text = jixiao::encoding::decode(bytes).map_err(|e| {
                tr(msg!(
                    "cli-stdin-not-utf8",
                    message = e.message("<stdin>"),
                    label = e.label(),
                    help = e.help("FILE")
                ))
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

/// Load the inputs; `lean` for a run that needs the findings and not the
/// tables ([`LoadOptions::lean`]).
fn load(
    paths: &[PathBuf],
    root: Option<&Path>,
    levels: &LevelArgs,
    lean: bool,
) -> Result<(Project, Options), String> {
    validate_codes(levels)?;
    if let Some(root) = root {
        if !std::fs::metadata(root).is_ok_and(|m| m.is_dir()) {
            return Err(tr(msg!(
                "cli-root-not-a-directory",
                root = root.display().to_string()
            )));
        }
    }
    let options = LoadOptions {
        root: root.map(Path::to_path_buf),
        lean,
    };
    let project =
        jixiao::load_with_options(&Disk, &inputs(paths)?, &options).map_err(|e| tr(e.message()))?;
    let options = Options {
        levels: level_settings(levels),
    };
    Ok((project, options))
}

/// The closing summary keeps to one screen.
const SUMMARY_LINES: usize = 50;

fn print_diagnostics(
    checked: &check::Checked,
    print: &PrintArgs,
    color: ColorWhen,
) -> Result<(), String> {
    let summary = closing_summary(checked, print);
    print_findings(
        &checked.model.project.sources,
        &checked.diagnostics,
        print,
        color,
        summary.as_deref(),
    )
}

/// The summary printed after the findings (none in JSON, with `--quiet`,
/// or when nothing was found and no summary was asked for). It counts
/// findings by the unit they are in, so it needs the model; the findings
/// themselves need only the sources.
fn closing_summary(checked: &check::Checked, print: &PrintArgs) -> Option<String> {
    let diags = &checked.diagnostics;
    if print.message_format == MessageFormat::Json
        || print.quiet
        || (diags.is_empty() && !print.summary)
    {
        return None;
    }
    let counts = summary::tally(&checked.model, diags);
    Some(if print.short {
        format!("{}\n", summary::total_line(&counts.total, lang()))
    } else {
        summary::render(&counts, lang(), SUMMARY_LINES)
    })
}

fn print_findings(
    sources: &jixiao::source::SourceMap,
    diags: &[Diagnostic],
    print: &PrintArgs,
    color: ColorWhen,
    summary: Option<&str>,
) -> Result<(), String> {
    if print.message_format == MessageFormat::Json {
        let mut out = std::io::BufWriter::with_capacity(OUTPUT_CHUNK, std::io::stdout().lock());
        return render::write_json_lines(&mut out, sources, diags, lang())
            .and_then(|()| out.flush())
            .map_err(stdout_error);
    }
    // Rendered into a buffer written a chunk at a time: standard error is
    // unbuffered, and a write per piece of a finding cost more than the
    // checks; the whole text at once weighed megabytes.
    let mut err = ChunkedStderr::new(color_choice(color));
    if !print.summary {
        if print.short {
            render::write_short_lines(&mut err, sources, diags, lang())
                .map_err(|e| e.to_string())?;
        } else {
            render::emit_human(&mut err, sources, diags, lang()).map_err(|e| e.to_string())?;
        }
    }
    if let Some(text) = summary {
        err.write_all(text.as_bytes()).map_err(|e| e.to_string())?;
    }
    err.flush().map_err(|e| e.to_string())
}

/// Bytes of output gathered before they are written.
const OUTPUT_CHUNK: usize = 64 * 1024;

/// Standard error, in colour or not, written [`OUTPUT_CHUNK`] bytes at a
/// time (and at `flush`).
struct ChunkedStderr {
    writer: BufferWriter,
    buf: codespan_reporting::term::termcolor::Buffer,
}

impl ChunkedStderr {
    fn new(color: ColorChoice) -> ChunkedStderr {
        let writer = BufferWriter::stderr(color);
        let buf = writer.buffer();
        ChunkedStderr { writer, buf }
    }
}

impl Write for ChunkedStderr {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.write_all(bytes)?;
        if self.buf.len() >= OUTPUT_CHUNK {
            self.flush()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            self.writer.print(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

impl WriteColor for ChunkedStderr {
    fn supports_color(&self) -> bool {
        self.buf.supports_color()
    }
    fn set_color(&mut self, spec: &ColorSpec) -> std::io::Result<()> {
        self.buf.set_color(spec)
    }
    fn reset(&mut self) -> std::io::Result<()> {
        self.buf.reset()
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
            print,
            root,
            levels,
        } => {
            let (mut project, options) = load(&paths, root.as_deref(), &levels, true)?;
            let checked = check::run(&project, &options);
            let summary = closing_summary(&checked, &print);
            let check::Checked { diagnostics, model } = checked;
            // Printing the findings needs only the sources: the document
            // tree (four times the input) is freed first, so that it and
            // the rendered findings are never held together.
            drop(model);
            project.documents = Vec::new();
            print_findings(
                &project.sources,
                &diagnostics,
                &print,
                cli.color,
                summary.as_deref(),
            )?;
            Ok(status(&diagnostics))
        }
        Command::Build {
            paths,
            format,
            output,
            bom,
            print,
            root,
            levels,
        } => {
            // The JSON model is written a unit at a time, each read again
            // from its file: the tables need not all be held.
            let lean = format == Format::Json;
            let (project, options) = load(&paths, root.as_deref(), &levels, lean)?;
            let checked = check::run(&project, &options);
            let diags = &checked.diagnostics;
            print_diagnostics(&checked, &print, cli.color)?;
            let unreadable = diags.iter().any(|d| d.blocks_output());
            if unreadable {
                report_error(msg!("cli-nothing-written"));
                return Ok(ExitCode::from(1));
            }
            let names: Vec<String> = project
                .groups
                .iter()
                .map(|g| output_name(&project, g))
                .collect();
            let outputs = emit::plan(
                &checked.model,
                diags,
                format.backend(),
                &emit::Options { bom, lang: lang() },
                &names,
            )
            .map_err(|e| e.to_string())?;
            let to_stdout = output.as_ref().is_none_or(|d| d.as_os_str() == "-");
            if to_stdout && format == Format::Xlsx && std::io::stdout().is_terminal() {
                return Err(tr(msg!("cli-xlsx-is-binary")));
            }
            write_outputs(output.as_deref(), &outputs)?;
            Ok(status(diags))
        }
        Command::Fmt {
            paths,
            check,
            keywords,
        } => fmt_command(&paths, check, keywords, cli.color),
        Command::Import {
            files,
            output,
            scheme,
        } => import_command(&files, &output, scheme.as_deref(), cli.color),
        Command::Lsp => match jixiao::lsp::run() {
            Ok(()) => Ok(ExitCode::SUCCESS),
            // The protocol's exit status when the client did not shut the
            // server down first (or the connection failed).
            Err(e) => {
                report_error(Message::text(e));
                Ok(ExitCode::from(1))
            }
        },
        Command::Help { command: name } => {
            let mut cmd = command();
            let target = match name.as_deref() {
                None => Some(&mut cmd),
                Some(n) => cmd.find_subcommand_mut(n),
            };
            match target {
                Some(c) => {
                    let help = c.render_long_help().to_string();
                    to_stdout(help.as_bytes()).map_err(stdout_error)?;
                    Ok(ExitCode::SUCCESS)
                }
                None => Err(tr(msg!(
                    "cli-unknown-command",
                    name = name.unwrap_or_default()
                ))),
            }
        }
        Command::Explain { code, list } => {
            let text = if list {
                CODES
                    .iter()
                    .map(|c| {
                        let level = codes::level_word(c.level, lang());
                        let pad = 5usize.saturating_sub(level.width());
                        format!(
                            "{}  {level}{}  {:<24} {}\n",
                            c.code,
                            " ".repeat(pad),
                            c.name,
                            c.summary_in(lang())
                        )
                    })
                    .collect()
            } else {
                let code = code.unwrap_or_default();
                match codes::lookup(&code) {
                    Some(info) => codes::explain_text_in(info, lang()),
                    None => return Err(unknown_code(&code)),
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
            let _ = render::emit_human(&mut err, &sources, &diags, lang());
            if diags.iter().any(|d| d.code == jixiao::diag::Code::S010) {
                report_error(msg!("cli-fmt-too-deep", name = name));
            } else {
                report_error(msg!("cli-fmt-unbalanced", name = name));
            }
        }
        fmt::Error::Internal(why) => {
            report_error(msg!("cli-fmt-internal", name = name, why = why));
        }
        fmt::Error::TooLarge { limit } => {
            report_error(msg!("cli-fmt-too-large", name = name, limit = limit >> 20));
        }
    };
    let stdin_name = "<stdin>";
    // A file is read up to one byte past the limit (S011), and one that
    // reaches past it is refused before its bytes are decoded: formatting
    // what was read of it and writing that back would cut it short, and
    // its last character may be cut in two (the formatter refuses such a
    // text too, `fmt::Error::TooLarge`, but only once it is decoded).
    let limit = jixiao::syntax::limits::MAX_FILE_BYTES;
    let too_large = |name: &str| {
        report_error(msg!("cli-fmt-too-large", name = name, limit = limit >> 20));
    };
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(limit as u64 + 1)
                .read_to_end(&mut bytes)
                .map_err(read_stdin_error)?;
            if bytes.len() > limit {
                too_large(stdin_name);
                not_formatted = true;
                continue;
            }
            let text = match jixiao::encoding::decode(bytes) {
                Ok(text) => text,
                Err(e) => {
                    report_error(msg!(
                        "cli-fmt-in-encoding",
                        message = e.message(stdin_name),
                        help = e.help("FILE")
                    ));
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
                    report(stdin_name, &text, e);
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
                report_error(msg!(
                    "cli-cannot-read",
                    path = path.display().to_string(),
                    error = e.to_string()
                ));
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
                report_error(msg!(
                    "cli-fmt-link-outside",
                    name = name.as_str(),
                    dir = path.display().to_string()
                ));
                not_formatted = true;
                continue;
            }
            let bytes = match Disk.read(&file) {
                Ok(b) => b,
                Err(e) => {
                    if let Some(what) = world::not_a_file(&e) {
                        report_error(msg!(
                            "cli-fmt-not-a-file",
                            name = name.as_str(),
                            what = jixiao::project::file_kind(what)
                        ));
                        not_formatted = true;
                    } else {
                        report_error(msg!(
                            "cli-cannot-read",
                            path = name.as_str(),
                            error = e.to_string()
                        ));
                        io_failed = true;
                    }
                    continue;
                }
            };
            if bytes.len() > limit {
                too_large(&name);
                not_formatted = true;
                continue;
            }
            let text = match jixiao::encoding::decode(bytes) {
                Ok(text) => text,
                Err(e) => {
                    report_error(msg!(
                        "cli-fmt-in-encoding",
                        message = e.message(&name),
                        help = e.help(&name)
                    ));
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
                        report_error(msg!(
                            "cli-cannot-write",
                            path = name.as_str(),
                            error = e.to_string()
                        ));
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
/// (see [`world::write_set_with`]): a reader of the directory sees the old set
/// or the new one, never a mix nor a part of a file, and a failed run
/// leaves it as it was.
fn write_outputs(dir: Option<&Path>, outputs: &[emit::Planned]) -> Result<(), String> {
    match dir {
        None => write_stdout(outputs),
        Some(d) if d.as_os_str() == "-" => write_stdout(outputs),
        Some(d) => {
            let writers: Vec<_> = outputs
                .iter()
                .map(|o| move |out: &mut dyn Write| o.write_to(out))
                .collect();
            let files: Vec<(&str, world::Content)> = outputs
                .iter()
                .zip(&writers)
                .map(|(o, w)| (o.name.as_str(), w as world::Content))
                .collect();
            world::write_set_with(d, &files).map(|_| ()).map_err(|e| {
                tr(msg!(
                    "cli-cannot-write-into",
                    dir = d.display().to_string(),
                    error = e.to_string()
                ))
            })
        }
    }
}

fn write_stdout(outputs: &[emit::Planned]) -> Result<(), String> {
    if outputs.len() > 1 {
        let names: Vec<&str> = outputs.iter().map(|o| o.name.as_str()).collect();
        return Err(tr(msg!(
            "cli-several-outputs",
            count = outputs.len(),
            names = Arg::comma(names)
        )));
    }
    let write = || {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for o in outputs {
            o.write_to(&mut out)?;
        }
        out.flush()
    };
    write().map_err(stdout_error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// Every command and argument has its help in the catalogues.
    #[test]
    fn every_command_and_argument_has_its_help() {
        fn walk(cmd: &clap::Command, name: &str, missing: &mut Vec<String>) {
            let key = if name.is_empty() {
                String::new()
            } else {
                format!("{name}-")
            };
            if catalogue(&format!("cli-{key}about")).is_none() {
                missing.push(format!("cli-{key}about"));
            }
            let command = if name.is_empty() { "jixiao" } else { name };
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if arg_help(command, id, false).is_none() {
                    missing.push(format!("cli-{command}-{id} or cli-{id}"));
                }
            }
            for s in cmd.get_subcommands() {
                walk(s, s.get_name(), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(
            missing.is_empty(),
            "no help in locales/*/cli.ftl: {missing:?}"
        );
    }
}
