//! The command line: clap derive structs. Shared options are flattened
//! structs so every command spells them the same way.

use crate::analysis::outcomes::{CompositeMethod, Scheme};
use crate::analysis::score::Weighting;

use crate::render::{Format, RenderOptions};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "align",
    version,
    about = "Sales–marketing alignment benchmarking surveys: company scores, leaders vs laggards, perception vs reality, norms",
    long_about = "align reads survey exports (one row per respondent, many companies), scores \
every company on shared understanding, interdependence and collaboration with reliability \
(Cronbach's α) and agreement (ICC, r_wg(J)) statistics, separates leaders from laggards by \
business outcomes, compares perception with reality and sales with marketing, and benchmarks \
companies against norms.",
    after_help = "Examples:\n  align score data/survey.csv\n  align score data/survey.csv --by-role --format markdown -o scores.md\n  align leaders data/survey.csv --outcomes data/outcomes.csv\n  align gaps data/survey.csv --outcomes data/outcomes.csv\n  align drivers data/survey.csv --outcomes data/outcomes.csv\n  align report data/survey.csv --outcomes data/outcomes.csv -o report.html\n  align validate export.csv --instrument my-instrument.json\n  align instrument --init my-instrument.json\n  align norms data/survey.csv --outcomes data/outcomes.csv -o norms.json\n  align benchmark new-survey.csv --norms norms.json\n  align scorecards data/survey.csv --norms norms.json --outcomes data/outcomes.csv -o cards/\n  align score data/survey.csv --companies firms.csv --segment industry\n  align instrument --from-export export.csv -o draft.json\n  align generate --companies 120 --seed 7 -o survey.csv\n  align compare data/wave2025.csv data/wave2026.csv --labels 2025,2026\n  align completions bash > align.bash; align man > align.1",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score every company on each alignment dimension, with reliability and agreement.
    #[command(
        after_help = "Example:\n  align score data/survey.csv --by-role\n  align score export.csv --instrument my.json --format json -o scores.json\n  align score data/survey.csv --companies firms.csv --segment industry"
    )]
    Score(ScoreArgs),
    /// Classify companies by business outcomes and show which alignment dimensions and practices distinguish leaders from laggards.
    #[command(
        after_help = "Example:\n  align leaders data/survey.csv --outcomes data/outcomes.csv\n  align leaders export.csv --scheme quantiles:0.25,0.5,0.25 --composite rank --format json -o leaders.json\n  align leaders data/survey.csv --outcomes data/outcomes.csv --companies firms.csv --segment size_band\n\nSchemes: aberdeen (top 20% leaders, bottom 30% laggards; the default), median (leaders above the median composite), quantiles:a,b,c (shares of leaders, average, laggards), all-above-median (leaders above the median on every outcome group)."
    )]
    Leaders(LeadersArgs),
    /// Perception vs reality, and where sales and marketing disagree.
    #[command(
        after_help = "Example:\n  align gaps data/survey.csv --outcomes data/outcomes.csv\n  align gaps export.csv --instrument my.json --perceived-threshold 70 --format json -o gaps.json\n  align gaps data/survey.csv --companies firms.csv --segment region"
    )]
    Gaps(GapsArgs),
    /// Key drivers: which alignment dimensions and practices move each outcome and the composite (OLS, LMG, relative weights, bootstrap intervals), and which practices to fix first.
    #[command(
        after_help = "Example:\n  align drivers data/survey.csv --outcomes data/outcomes.csv\n  align drivers data/survey.csv --outcomes data/outcomes.csv --bootstrap 2000 --seed 7 --format json -o drivers.json\n  align drivers data/survey.csv --outcomes data/outcomes.csv -o drivers.html\n  align drivers data/survey.csv --outcomes data/outcomes.csv --companies firms.csv --segment industry\n\nThe unit is the company: every model uses the shown companies with all the values it needs. Intervals are 95% percentile bootstrap intervals (companies resampled); the same --seed gives the same intervals for any --threads."
    )]
    Drivers(DriversArgs),
    /// Everything in one document a revenue leader can read: scores, leaders vs laggards, perception vs reality, the sales–marketing disconnect (self-contained HTML with charts, or Markdown).
    #[command(
        after_help = "Example:\n  align report data/survey.csv --outcomes data/outcomes.csv -o report.html\n  align report export.csv --instrument my.json --format markdown -o report.md\n  align report data/survey.csv --outcomes data/outcomes.csv --companies firms.csv --segment industry --min-companies 8 -o report.html\n\nThe format follows the extension of -o (.html, .md, .json, .csv, .xlsx) unless --format is given; otherwise it is html. The HTML file has no scripts and loads nothing from the network."
    )]
    Report(ReportArgs),
    /// Check a responses file and list every problem (exit 0 when clean, 3 otherwise).
    #[command(
        after_help = "Example:\n  align validate data/survey.csv\n  align validate export.csv --instrument my.json"
    )]
    Validate(ValidateArgs),
    /// Show the survey instrument, write it as JSON for editing, or draft one from an export.
    #[command(
        after_help = "Example:\n  align instrument\n  align instrument --init my-instrument.json\n  align instrument --from-export export.csv -o draft.json\n  align score export.csv --instrument draft.json\n\n--from-export prints which column each question went to, with a confidence, and lists on standard error what needs a decision; a match it is unsure of is left out of the draft, never written silently."
    )]
    Instrument(InstrumentArgs),
    /// Write a synthetic survey with a known, documented structure.
    #[command(
        after_help = "Example:\n  align generate --companies 120 --seed 7 -o survey.csv --outcomes outcomes.csv"
    )]
    Generate(GenerateArgs),
    /// Build benchmark norms (JSON) from a reference survey: score distributions, item means, tier means.
    #[command(
        after_help = "Example:\n  align norms data/survey.csv --outcomes data/outcomes.csv -o norms.json\n  align norms export.csv --instrument my.json --scheme median -o norms.json"
    )]
    Norms(NormsArgs),
    /// Place every company of a responses file against norms: percentiles, leader means, priorities.
    #[command(
        after_help = "Example:\n  align benchmark new-company.csv --norms norms.json\n  align benchmark export.csv --norms norms.json --format json -o benchmark.json"
    )]
    Benchmark(BenchmarkArgs),
    /// Write one confidential scorecard per company (HTML or Markdown) against norms, and an index of the files.
    #[command(
        after_help = "Example:\n  align scorecards new-survey.csv --norms norms.json -o cards/\n  align scorecards export.csv --norms norms.json --outcomes outcomes.csv --format markdown -o cards/\n\nEach scorecard names only its own company and shows norm figures built from at least --min-companies companies. Companies with fewer respondents than --anonymity get no scorecard; they are listed in the index and on standard error. The directory is created if missing and must be empty unless --force."
    )]
    Scorecards(ScorecardsArgs),
    /// Compare two survey waves: per company, the field and every item, what changed and whether it is more than noise.
    #[command(
        after_help = "Example:\n  align compare data/wave2025.csv data/wave2026.csv --labels 2025,2026\n  align compare before.csv after.csv --outcomes-before out2025.csv --outcomes-after out2026.csv --format json -o change.json\n  align compare data/wave2025.csv data/wave2026.csv -o change.html\n\nThe panel is the companies shown (at least --anonymity respondents) in both waves; a company hidden in either wave is left out of the panel and of the joined / left lists. Every change is after − before."
    )]
    Compare(CompareArgs),
    /// Write a shell completion script, generated from these very options.
    #[command(
        after_help = "Example:\n  align completions bash > ~/.local/share/bash-completion/completions/align\n  align completions zsh > ~/.zfunc/_align\n  align completions fish > ~/.config/fish/completions/align.fish"
    )]
    Completions(CompletionsArgs),
    /// Write the manual page (roff), generated from these very options.
    #[command(
        after_help = "Example:\n  align man -o align.1 && man ./align.1\n  align man > ~/.local/share/man/man1/align.1"
    )]
    Man(ManArgs),
}

/// `align completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// `align man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write to this file instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// Output format (`--format`), mapped to the library's
/// [`crate::render::Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Tables for a terminal (readable at 100 columns).
    Table,
    /// The analysis model, every figure at full precision.
    Json,
    /// The main table (`--table NAME` picks another).
    Csv,
    /// The document as Markdown.
    Markdown,
    /// One self-contained HTML file (no scripts, nothing loaded from the network).
    Html,
    /// An Excel workbook: a sheet per table and one with the input accounting (needs -o).
    Xlsx,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Table => Format::Table,
            FormatArg::Json => Format::Json,
            FormatArg::Csv => Format::Csv,
            FormatArg::Markdown => Format::Markdown,
            FormatArg::Html => Format::Html,
            FormatArg::Xlsx => Format::Xlsx,
        }
    }
}

/// The responses file and how to read it.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Responses CSV (one row per respondent); `-` reads standard input.
    #[arg(value_name = "RESPONSES.csv")]
    pub responses: PathBuf,
    /// Instrument JSON describing the columns (default: the embedded instrument).
    #[arg(long, value_name = "FILE")]
    pub instrument: Option<PathBuf>,
    /// Exclude rows with invalid values (counted, with reasons) instead of stopping.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Keep unfinished responses (the completion column says so) that answer enough items to score a dimension; otherwise they are excluded.
    #[arg(long)]
    pub include_unfinished: bool,
    /// Merge company ids: a CSV with the header alias,company (aliases match ignoring case and spacing); applied to the responses and the outcomes file.
    #[arg(long, value_name = "FILE")]
    pub company_aliases: Option<PathBuf>,
    /// Threads to read with (default: one per core, up to 8; at most one per core); 1 reads on one thread.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Read the file in parts of at most BYTES on every core whatever its size (files of 8 MiB or more are read so anyway); the result is the same, so this only checks that both ways of reading agree.
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub read_in_parts: Option<u64>,
}

/// Where and how a report is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format (default: from the extension of -o: .json .csv .md .html .xlsx; otherwise table).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to FILE (a regular file atomically: a temporary file renamed into place; a pipe or device in place) instead of standard output (`-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Hide any company, or role within a company, with fewer respondents than this.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub anonymity: u64,
    /// Print no warnings or progress on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Decimals of every figure in table, csv and markdown output (default: 1 for 0–100 indexes, 2–3 for statistics); json and xlsx keep full precision.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=12))]
    pub decimals: Option<u8>,
    /// The table csv writes (default: the main table); an unknown name lists the tables.
    #[arg(long, value_name = "NAME")]
    pub table: Option<String>,
}

impl OutputArgs {
    /// The format to write (`default` without --format or a telling
    /// extension) and how to render it; a warning when --format and the
    /// extension of -o disagree is printed here.
    pub fn resolve(&self, default: Format) -> crate::error::Result<(Format, RenderOptions)> {
        let (format, warning) = Format::resolve(
            self.format.map(Format::from),
            self.output.as_deref(),
            default,
        )?;
        if let Some(w) = warning {
            crate::cmd::warn_all(&[w], self.quiet);
        }
        let to_file =
            crate::output::target(self.output.as_deref()) != crate::output::Target::Stdout;
        let opts = RenderOptions {
            decimals: self.decimals,
            table: self.table.clone(),
            ..RenderOptions::for_stdout(to_file)
        };
        Ok((format, opts))
    }
}

/// Peer groups: company attributes and the one to group by.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// Company attributes CSV: one row per company, keyed by --companies-key, with attribute columns (industry, size band, region…).
    #[arg(long, value_name = "FILE")]
    pub companies: Option<PathBuf>,
    /// Key column of --companies (default: the responses' company column, else company, company_id or account).
    #[arg(long, value_name = "COLUMN", requires = "companies")]
    pub companies_key: Option<String>,
    /// Add peer-group figures by this company attribute (a column of --companies): spread of scores, stage shares, Kruskal–Wallis.
    #[arg(long, value_name = "ATTR")]
    pub segment: Option<String>,
    /// Hide a segment with fewer shown companies than this (complementary suppression included).
    #[arg(long, value_name = "K", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_companies: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompositeArg {
    /// Mean of the outcomes' z-scores across companies.
    Z,
    /// Mean of the outcomes' percentile ranks.
    Rank,
}

/// Where business outcomes come from and how they are combined.
#[derive(Debug, Args)]
pub struct OutcomeArgs {
    /// Per-company outcomes CSV (keyed by the company column); wins over outcome columns in the responses.
    #[arg(long, value_name = "FILE")]
    pub outcomes: Option<PathBuf>,
    /// Key column of the outcomes file (default: the responses' company column, else company, company_id or account).
    #[arg(long, value_name = "COLUMN", requires = "outcomes")]
    pub outcomes_key: Option<String>,
    /// How outcomes combine into one composite per company.
    #[arg(long, value_enum, default_value_t = CompositeArg::Z)]
    pub composite: CompositeArg,
}

impl From<CompositeArg> for CompositeMethod {
    fn from(c: CompositeArg) -> CompositeMethod {
        match c {
            CompositeArg::Z => CompositeMethod::Z,
            CompositeArg::Rank => CompositeMethod::Rank,
        }
    }
}

impl From<WeightingArg> for Weighting {
    fn from(w: WeightingArg) -> Weighting {
        match w {
            WeightingArg::Respondent => Weighting::Respondent,
            WeightingArg::Role => Weighting::Role,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum WeightingArg {
    /// Every respondent counts once.
    Respondent,
    /// Average the role means (sales, marketing, both), so a company's mix of roles does not tilt its score.
    Role,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub segments: SegmentArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Show sales, marketing and both-role scores and the marketing − sales gap per company.
    #[arg(long)]
    pub by_role: bool,
    /// How respondents are averaged into a company score.
    #[arg(long, value_enum, default_value_t = WeightingArg::Respondent)]
    pub weighting: WeightingArg,
}

#[derive(Debug, Args)]
pub struct LeadersArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub segments: SegmentArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// How companies are split into tiers: aberdeen, median, quantiles:a,b,c or all-above-median.
    #[arg(long, value_name = "S", default_value = "aberdeen", value_parser = parse_scheme)]
    pub scheme: Scheme,
    /// How respondents are averaged into a company dimension score.
    #[arg(long, value_enum, default_value_t = WeightingArg::Respondent)]
    pub weighting: WeightingArg,
}

/// `--scheme` (and `--weighting`) are fields of each command rather than
/// one flattened group: each command's help says what the tiers (or the
/// weights) are for there.
fn parse_scheme(s: &str) -> Result<Scheme, String> {
    s.parse()
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub segments: SegmentArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// Perception index (0–100) at or above which a company counts as perceived aligned.
    #[arg(long, value_name = "T", default_value_t = 75.0, value_parser = parse_threshold)]
    pub perceived_threshold: f64,
    /// How respondents are averaged into a company's perception and alignment indexes.
    #[arg(long, value_enum, default_value_t = WeightingArg::Respondent)]
    pub weighting: WeightingArg,
}

#[derive(Debug, Args)]
pub struct DriversArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub segments: SegmentArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// How companies are split into tiers for the outcomes by tier: aberdeen, median, quantiles:a,b,c or all-above-median.
    #[arg(long, value_name = "S", default_value = "aberdeen", value_parser = parse_scheme)]
    pub scheme: Scheme,
    /// How respondents are averaged into a company dimension score.
    #[arg(long, value_enum, default_value_t = WeightingArg::Respondent)]
    pub weighting: WeightingArg,
    /// Bootstrap resamples for the 95% intervals of the shares (0: no intervals).
    #[arg(long, value_name = "B", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    pub bootstrap: u32,
    /// Random seed of the bootstrap: the same seed gives the same intervals, whatever the thread count.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    #[command(flatten)]
    pub segments: SegmentArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    /// How companies are split into tiers: aberdeen, median, quantiles:a,b,c or all-above-median.
    #[arg(long, value_name = "S", default_value = "aberdeen", value_parser = parse_scheme)]
    pub scheme: Scheme,
    /// Perception index (0–100) at or above which a company counts as perceived aligned.
    #[arg(long, value_name = "T", default_value_t = 75.0, value_parser = parse_threshold)]
    pub perceived_threshold: f64,
    /// How respondents are averaged into a company score.
    #[arg(long, value_enum, default_value_t = WeightingArg::Respondent)]
    pub weighting: WeightingArg,
    /// Bootstrap resamples for the intervals of the key-driver shares (0: no intervals).
    #[arg(long, value_name = "B", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    pub bootstrap: u32,
    /// Random seed of the key-driver bootstrap.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
}

/// A threshold on the 0–100 index.
fn parse_threshold(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(t) if (0.0..=100.0).contains(&t) => Ok(t),
        _ => Err(format!("\"{s}\" is not a number from 0 to 100")),
    }
}

#[derive(Debug, Args)]
pub struct NormsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// How the norm companies are split into tiers: aberdeen (top 20% leaders, bottom 30% laggards), median, quantiles:a,b,c or all-above-median.
    #[arg(long, value_name = "S", default_value = "aberdeen", value_parser = parse_scheme)]
    pub scheme: Scheme,
    /// How respondents are averaged into company scores (benchmarks use the same).
    #[arg(long, value_enum, default_value_t = WeightingArg::Respondent)]
    pub weighting: WeightingArg,
    /// Write the norms to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Peer norms: with --segment ATTR, also store the norms of every segment with at least --min-companies companies.
    #[command(flatten)]
    pub segments: SegmentArgs,
    /// Leave out of the norms any company with fewer respondents than this.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub anonymity: u64,
    /// Print no warnings, summary or progress on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct BenchmarkArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Norms file written by `align norms`.
    #[arg(long, value_name = "FILE", required = true)]
    pub norms: PathBuf,
    /// Also place each company against the peer norms of its segment of ATTR (norms built with --segment ATTR).
    #[arg(long, value_name = "ATTR")]
    pub peer: Option<String>,
    /// Company attributes CSV giving each company's --peer value.
    #[arg(long, value_name = "FILE")]
    pub companies: Option<PathBuf>,
    /// Key column of --companies (default: the responses' company column, else company, company_id or account).
    #[arg(long, value_name = "COLUMN", requires = "companies")]
    pub companies_key: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Format of the scorecards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    /// One self-contained HTML file per company (no scripts, nothing loaded from the network).
    Html,
    /// One Markdown file per company.
    Markdown,
}

#[derive(Debug, Args)]
pub struct ScorecardsArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Norms file written by `align norms`.
    #[arg(long, value_name = "FILE", required = true)]
    pub norms: PathBuf,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// How this survey's companies are split into tiers (with --outcomes): aberdeen, median, quantiles:a,b,c or all-above-median.
    #[arg(long, value_name = "S", default_value = "aberdeen", value_parser = parse_scheme)]
    pub scheme: Scheme,
    /// Directory to write the scorecards and the index to (created if missing).
    #[arg(short, long, value_name = "DIR", required = true)]
    pub output: PathBuf,
    /// Format of the scorecards and the index.
    #[arg(long, value_enum, default_value_t = CardFormat::Html)]
    pub format: CardFormat,
    /// Show only norm figures built from at least K companies (leaders' means from at least K leaders).
    #[arg(long, value_name = "K", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    pub min_companies: u64,
    /// Hide any company, or role within a company, with fewer respondents than this.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub anonymity: u64,
    /// Write into DIR even if it is not empty (files of the same names are replaced).
    #[arg(long)]
    pub force: bool,
    /// Print no warnings, summary or progress on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// `align compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier wave's responses CSV; `-` reads standard input.
    #[arg(value_name = "BEFORE.csv")]
    pub before: PathBuf,
    /// The later wave's responses CSV; `-` reads standard input.
    #[arg(value_name = "AFTER.csv")]
    pub after: PathBuf,
    /// Names of the two waves, before first (default: before,after).
    #[arg(long, value_name = "A,B", value_parser = parse_labels)]
    pub labels: Option<(String, String)>,
    /// Per-company outcomes of the earlier wave (tiers are compared when both waves have one).
    #[arg(long, value_name = "FILE")]
    pub outcomes_before: Option<PathBuf>,
    /// Per-company outcomes of the later wave.
    #[arg(long, value_name = "FILE")]
    pub outcomes_after: Option<PathBuf>,
    /// How companies are split into tiers within each wave: aberdeen, median, quantiles:a,b,c or all-above-median.
    #[arg(long, value_name = "S", default_value = "aberdeen", value_parser = parse_scheme)]
    pub scheme: Scheme,
    /// How outcomes combine into one composite per company.
    #[arg(long, value_enum, default_value_t = CompositeArg::Z)]
    pub composite: CompositeArg,
    /// Instrument JSON describing the columns of both waves (default: the embedded instrument).
    #[arg(long, value_name = "FILE")]
    pub instrument: Option<PathBuf>,
    /// Instrument of the later wave when its columns are named differently; it must measure the same (scale, dimensions, items and reverse flags).
    #[arg(long, value_name = "FILE")]
    pub instrument_after: Option<PathBuf>,
    /// Exclude rows with invalid values (counted, with reasons) instead of stopping.
    #[arg(long)]
    pub skip_invalid: bool,
    /// Keep unfinished responses that answer enough items to score a dimension.
    #[arg(long)]
    pub include_unfinished: bool,
    /// Merge company ids in both waves: a CSV with the header alias,company.
    #[arg(long, value_name = "FILE")]
    pub company_aliases: Option<PathBuf>,
    /// Threads to read with (default: one per core, up to 8); 1 reads on one thread.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Read each file in parts of at most BYTES (the result is the same).
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub read_in_parts: Option<u64>,
    #[command(flatten)]
    pub output: OutputArgs,
}

impl CompareArgs {
    /// The reading options of one wave, as the other commands take them.
    pub fn wave_input(&self, responses: &std::path::Path, after: bool) -> InputArgs {
        InputArgs {
            responses: responses.to_path_buf(),
            instrument: match (after, &self.instrument_after) {
                (true, Some(p)) => Some(p.clone()),
                _ => self.instrument.clone(),
            },
            skip_invalid: self.skip_invalid,
            include_unfinished: self.include_unfinished,
            company_aliases: self.company_aliases.clone(),
            threads: self.threads,
            read_in_parts: self.read_in_parts,
        }
    }
}

/// Two wave labels, `A,B`.
fn parse_labels(s: &str) -> Result<(String, String), String> {
    match s.split_once(',') {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() && !b.contains(',') => {
            if a.trim() == b.trim() {
                Err(format!("the two labels in \"{s}\" are the same"))
            } else {
                Ok((a.trim().to_string(), b.trim().to_string()))
            }
        }
        _ => Err(format!(
            "\"{s}\" is not two labels separated by a comma (e.g. 2025,2026)"
        )),
    }
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Print only the summary line, not every problem.
    #[arg(short, long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct InstrumentArgs {
    /// Write the instrument as JSON to FILE (refuses to overwrite unless --force).
    #[arg(long, value_name = "FILE")]
    pub init: Option<PathBuf>,
    /// Instrument to show (default: the embedded instrument).
    #[arg(long, value_name = "FILE")]
    pub instrument: Option<PathBuf>,
    /// Overwrite FILE given to --init or -o.
    #[arg(long)]
    pub force: bool,
    /// Draft an instrument from a survey tool's export: match its columns to the questions of the base instrument and write the draft to -o.
    #[arg(long, value_name = "EXPORT", requires = "output", conflicts_with_all = ["init", "instrument"])]
    pub from_export: Option<PathBuf>,
    /// Where --from-export writes the draft.
    #[arg(short, long, value_name = "FILE", requires = "from_export")]
    pub output: Option<PathBuf>,
    /// Base instrument whose questions --from-export looks for (default: the embedded instrument).
    #[arg(long, value_name = "FILE", requires = "from_export")]
    pub base: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of companies.
    #[arg(long, value_name = "N", default_value_t = 120)]
    pub companies: usize,
    /// Random seed: the same seed writes the same file.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Responses file to write (default: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write company outcomes to FILE (then the responses carry no outcome columns).
    #[arg(long, value_name = "FILE")]
    pub outcomes: Option<PathBuf>,
    /// Instrument to generate answers for (default: the embedded instrument).
    #[arg(long, value_name = "FILE")]
    pub instrument: Option<PathBuf>,
    /// Fewest respondents per company.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_respondents: usize,
    /// Most respondents per company.
    #[arg(long, value_name = "N", default_value_t = 12)]
    pub max_respondents: usize,
    /// Share of answers left blank.
    #[arg(long, value_name = "P", default_value_t = 0.03)]
    pub missing_rate: f64,
    /// Write each company's rows together instead of interleaving companies.
    #[arg(long)]
    pub grouped: bool,
    /// Print nothing on standard error.
    #[arg(short, long)]
    pub quiet: bool,
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
