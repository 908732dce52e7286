//! The command line: clap derive structs. Shared options are flattened
//! structs so every command spells them the same way.

use crate::analysis::outcomes::Scheme;
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
    after_help = "Examples:\n  align score data/survey.csv\n  align score data/survey.csv --by-role --format markdown -o scores.md\n  align leaders data/survey.csv --outcomes data/outcomes.csv\n  align gaps data/survey.csv --outcomes data/outcomes.csv\n  align report data/survey.csv --outcomes data/outcomes.csv -o report.html\n  align validate export.csv --instrument my-instrument.json\n  align instrument --init my-instrument.json\n  align norms data/survey.csv --outcomes data/outcomes.csv -o norms.json\n  align benchmark new-survey.csv --norms norms.json\n  align generate --companies 120 --seed 7 -o survey.csv",
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
        after_help = "Example:\n  align score data/survey.csv --by-role\n  align score export.csv --instrument my.json --format json -o scores.json"
    )]
    Score(ScoreArgs),
    /// Classify companies by business outcomes and show which alignment dimensions and practices distinguish leaders from laggards.
    #[command(
        after_help = "Example:\n  align leaders data/survey.csv --outcomes data/outcomes.csv\n  align leaders export.csv --scheme quantiles:0.25,0.5,0.25 --composite rank --format json -o leaders.json\n\nSchemes: aberdeen (top 20% leaders, bottom 30% laggards; the default), median (leaders above the median composite), quantiles:a,b,c (shares of leaders, average, laggards), all-above-median (leaders above the median on every outcome group)."
    )]
    Leaders(LeadersArgs),
    /// Perception vs reality, and where sales and marketing disagree.
    #[command(
        after_help = "Example:\n  align gaps data/survey.csv --outcomes data/outcomes.csv\n  align gaps export.csv --instrument my.json --perceived-threshold 70 --format json -o gaps.json"
    )]
    Gaps(GapsArgs),
    /// Everything in one document a revenue leader can read: scores, leaders vs laggards, perception vs reality, the sales–marketing disconnect (self-contained HTML with charts, or Markdown).
    #[command(
        after_help = "Example:\n  align report data/survey.csv --outcomes data/outcomes.csv -o report.html\n  align report export.csv --instrument my.json --format markdown -o report.md\n\nThe format follows the extension of -o (.html, .md, .json) unless --format is given; without -o the default is html. The HTML file has no scripts and loads nothing from the network."
    )]
    Report(ReportArgs),
    /// Check a responses file and list every problem (exit 0 when clean, 3 otherwise).
    #[command(
        after_help = "Example:\n  align validate data/survey.csv\n  align validate export.csv --instrument my.json"
    )]
    Validate(ValidateArgs),
    /// Show the survey instrument, or write it as JSON for editing.
    #[command(
        after_help = "Example:\n  align instrument\n  align instrument --init my-instrument.json"
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
}

/// Output format of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

/// Output format of `align report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// One self-contained HTML file with charts (no scripts, nothing loaded from the network).
    Html,
    /// The same sections as Markdown, charts as small tables or left out.
    Markdown,
    /// The combined model: `{schema_version, command, score, leaders, gaps}`.
    Json,
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
    /// Merge company ids: a CSV with the header alias,company (aliases match ignoring case and spacing); applied to the responses and the outcomes file.
    #[arg(long, value_name = "FILE")]
    pub company_aliases: Option<PathBuf>,
    /// Threads to read with (default: one per core, up to 8; at most one per core); 1 reads on one thread.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

/// Where and how a report is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to FILE (a regular file atomically: a temporary file renamed into place; a pipe or device in place) instead of standard output (`-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Hide any company, or role within a company, with fewer respondents than this.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub anonymity: u64,
    /// Print no warnings or progress on standard error.
    #[arg(short, long)]
    pub quiet: bool,
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

fn parse_scheme(s: &str) -> Result<Scheme, String> {
    s.parse()
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    #[command(flatten)]
    pub input: InputArgs,
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
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub outcomes: OutcomeArgs,
    /// Output format (default: from the extension of -o: .md markdown, .json json, otherwise html).
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write to FILE (a regular file atomically: a temporary file renamed into place; a pipe or device in place) instead of standard output (`-`).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Hide any company, or role within a company, with fewer respondents than this.
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..))]
    pub anonymity: u64,
    /// Print no warnings or progress on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// How companies are split into tiers: aberdeen, median, quantiles:a,b,c or all-above-median.
    #[arg(long, value_name = "S", default_value = "aberdeen", value_parser = parse_scheme)]
    pub scheme: Scheme,
    /// Perception index (0–100) at or above which a company counts as perceived aligned.
    #[arg(long, value_name = "T", default_value_t = 75.0, value_parser = parse_threshold)]
    pub perceived_threshold: f64,
    /// How respondents are averaged into a company score.
    #[arg(long, value_enum, default_value_t = WeightingArg::Respondent)]
    pub weighting: WeightingArg,
}

impl ReportArgs {
    /// The format asked for, or the one the output file's extension implies.
    pub fn resolved_format(&self) -> ReportFormat {
        if let Some(f) = self.format {
            return f;
        }
        let ext = self
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => ReportFormat::Markdown,
            Some("json") => ReportFormat::Json,
            _ => ReportFormat::Html,
        }
    }
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
    #[command(flatten)]
    pub output: OutputArgs,
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
    /// Overwrite FILE given to --init.
    #[arg(long)]
    pub force: bool,
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
