//! Developer tasks as code. `cargo xtask <task>` (`cargo xtask help` lists them, `cargo xtask
//! <task> --help` gives a task's flags):
//!
//! - `serve`     install what is missing, build the release app, serve it on 127.0.0.1
//!   (`--port N`, default 8080) (`build.rs`)
//! - `test`      install what the tests need and run every check CI runs (`test.rs`)
//! - `check`     the quick tier: fmt, clippy (native and wasm32), the data, native tests
//!   (`test.rs`)
//! - `data`      generate `public/data/` (build output, not in git) from `data/` (`--check`:
//!   fail if it is stale;
//!   `--corpus DIR --out DIR2`: another corpus laid out like `data/`, into another directory)
//!   (`data.rs`)
//! - `synth`     `--docs N [--out DIR]`: a synthetic corpus of N documents made from `data/`
//!   (default `target/synth-N`), for the scale benchmark (`prep::synth`, `synth.rs`)
//! - `bench-data` `--corpus DIR`: time and size the data build of a corpus, the bytes each
//!   page and search fetches, native search times (`target/bench/scale-N.md`)
//!   (`bench_data.rs`)
//! - `bench-scale` `--corpus DIR [--no-build]`: the release app served with that corpus's data,
//!   each route's bytes and time to results at 4× CPU slowdown in Chromium
//!   (`target/bench/scale-browser-N.md`) (`bench.rs`)
//! - `bench-pages` `--corpus DIR`: the pages of every document and record of that corpus,
//!   written into the last build's shells: files, bytes, time (`target/bench/pages-N.md`)
//!   (`bench_pages.rs`)
//! - `coverage`  print how many records each document has, and each theme (`review.rs`)
//! - `themes`    print the theme coverage table and every record's themes with the keyword or
//!   override reason that put it there (`--theme=<id>` for one theme, `--doc=<id>` for one
//!   document's records), for review (`review.rs`)
//! - `draft`     `--doc ID [--out DIR]`: draft facts of a document from its text; `--score`:
//!   every document's draft against the curated facts (`draft.rs`)
//! - `sample`    `--seed N`: a random sample of projects, targets and key fields as Markdown,
//!   for a re-read against the sources (`sample.rs`)
//! - `audit`     print suspicious records by rule, and fail on any the reviewed allow-list
//!   (`data/audit-allow.toml`) does not acknowledge or on entries that match nothing
//!   (`review.rs`)
//! - `build`     release build into `dist/` (with the post-build step, `dist.rs`);
//!   `--site-url` also writes `sitemap.xml` (`sitemap.rs`) (`build.rs`)
//! - `bench`     sizes, Lighthouse and in-browser timings against the budgets
//!   (`target/bench/report.md`), and the app's wasm by crate (`target/bench/wasm-size.md`)
//!   (`bench.rs`)
//! - `wasm-size` only the wasm by crate, after a build (`wasm_size.rs`)
//! - `validate`  every built page through the Nu Html Checker, after a build (`validate.rs`)
//! - `pages`     write the page table for the browser tests (`target/pages.json`) (`build.rs`)
//!
//! The tools the tasks install when missing are in `tools.rs`; the wasm budget in
//! `budget.rs`.

mod bench;
mod bench_data;
mod bench_pages;
mod budget;
mod build;
mod data;
mod dist;
mod draft;
mod review;
mod sample;
mod sitemap;
mod synth;
mod test;
mod tools;
mod validate;
mod wasm_size;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

pub type Result<T = ()> = std::result::Result<T, String>;

/// Developer tasks as code: data prep, build, serve, test, bench.
#[derive(Parser)]
#[command(name = "cargo xtask", bin_name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Install what is missing, build the release app and serve it on 127.0.0.1.
    Serve {
        /// The port to serve on.
        #[arg(long, default_value = "8080")]
        port: String,
    },
    /// Install what the tests need and run every check CI runs.
    Test,
    /// The quick tier: fmt, clippy (native and wasm32), the data, native tests.
    Check,
    /// Generate `public/data/` from `data/`.
    Data {
        /// Fail if the output is stale instead of writing it.
        #[arg(long)]
        check: bool,
        #[command(flatten)]
        corpus: CorpusArg,
        /// The output directory (default `public/data/`).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// A synthetic corpus of N documents made from `data/`, for the scale benchmark.
    Synth {
        /// How many documents.
        #[arg(long, value_name = "N")]
        docs: usize,
        /// The output directory (default `target/synth-N`).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Time and size the data build of a corpus, the bytes each page and search fetches,
    /// native search times.
    BenchData(bench_data::Flags),
    /// The release app served with a corpus's data: each route's bytes and time to results
    /// in Chromium.
    BenchScale {
        #[command(flatten)]
        corpus: CorpusArg,
        /// Use the last release build in `dist/`.
        #[arg(long)]
        no_build: bool,
    },
    /// The pages of every document and record of a corpus, written into the last build's
    /// shells: files, bytes, time.
    BenchPages {
        #[command(flatten)]
        corpus: CorpusArg,
    },
    /// The app's wasm by crate, after a build.
    WasmSize,
    /// Every built page through the Nu Html Checker, after a build.
    Validate,
    /// How many records each document has, and each theme.
    Coverage,
    /// The theme coverage table and every record's themes with the reason that put it there.
    Themes {
        /// Only this theme's records.
        #[arg(long, value_name = "ID")]
        theme: Option<String>,
        /// Only this document's records, each with all its themes and why.
        #[arg(long, value_name = "ID", conflicts_with = "theme")]
        doc: Option<String>,
    },
    /// Suspicious records by rule, against the reviewed allow-list.
    Audit,
    /// A seeded random sample of the records, as Markdown, for a re-read against the sources.
    Sample(sample::Flags),
    /// Draft facts of a document from its text, accept reviewed drafts, or score the drafts.
    Draft(draft::Flags),
    /// Write the page table for the browser tests (`target/pages.json`).
    Pages,
    /// Release build into `dist/`.
    Build {
        /// Where the site will be hosted (also writes `404.html`), e.g. /zwgk/zcdl/.
        #[arg(long, value_name = "/a/b/")]
        public_url: Option<String>,
        /// The site's address (also writes `sitemap.xml`), e.g. https://…/a/b/.
        #[arg(long, value_name = "https://…/a/b/")]
        site_url: Option<String>,
    },
    /// Sizes, Lighthouse and in-browser timings against the budgets, and the wasm by crate.
    Bench,
}

/// `--corpus DIR`: a corpus laid out like `data/` (the default).
#[derive(Args)]
struct CorpusArg {
    /// A corpus laid out like `data/` (default `data/`).
    #[arg(long = "corpus", value_name = "DIR")]
    dir: Option<PathBuf>,
}

impl CorpusArg {
    fn path(&self) -> PathBuf {
        in_root(self.dir.as_deref()).unwrap_or_else(|| root().join("data"))
    }
}

fn main() -> ExitCode {
    let matches = Cli::command().get_matches();
    let name = matches.subcommand_name().unwrap_or("xtask").to_string();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match dispatch(cli.task) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask {name}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(task: Task) -> Result {
    match task {
        Task::Data { check, corpus, out } => {
            let out = in_root(out.as_deref()).unwrap_or_else(|| root().join("public/data"));
            data::data(check, &corpus.path(), &out)
        }
        Task::Synth { docs, out } => synth::run(docs, in_root(out.as_deref())),
        Task::BenchData(flags) => bench_data::run(&flags),
        Task::BenchScale { corpus, no_build } => bench::bench_scale(&corpus.path(), no_build),
        Task::BenchPages { corpus } => bench_pages::run_task(&corpus.path()),
        Task::Coverage => review::coverage(),
        Task::Themes { theme, doc: None } => review::themes(theme.as_deref()),
        Task::Themes { doc: Some(doc), .. } => review::themes_of(&doc),
        Task::Audit => review::audit(),
        Task::Sample(flags) => sample::run(&flags),
        Task::Draft(flags) => draft::run(&flags),
        Task::Build {
            public_url,
            site_url,
        } => build::build_site(public_url.as_deref(), site_url.as_deref()),
        Task::Serve { port } => build::serve(&port),
        Task::Test => test::test(),
        Task::Check => tools::ensure_wasm_target().and_then(|()| test::check()),
        Task::Bench => bench::bench(),
        Task::WasmSize => wasm_size::run(),
        Task::Validate => validate::run_task(),
        Task::Pages => build::write_page_table(),
    }
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A directory argument: relative paths are taken from the repository root.
fn in_root(dir: Option<&Path>) -> Option<PathBuf> {
    dir.map(|d| root().join(d))
}

pub fn run(cmd: &mut Command) -> Result {
    eprintln!("$ {}", describe(cmd));
    let status = cmd
        .current_dir(root())
        .status()
        .map_err(|e| format!("{}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

fn describe(cmd: &Command) -> String {
    std::iter::once(cmd.get_program().to_string_lossy().into_owned())
        .chain(cmd.get_args().map(|a| a.to_string_lossy().into_owned()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}
