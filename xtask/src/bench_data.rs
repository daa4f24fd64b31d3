//! `cargo xtask bench-data [--corpus DIR] [--quality Q]`: the native scale benchmark of the
//! data side. Builds the corpus (default `data/`) as `cargo xtask data` does, into
//! `target/bench/data-N/`, and reports, as a markdown table printed and written to
//! `target/bench/scale-N.md`: the build's wall time by step and its peak memory; the output
//! by group of files (count, raw bytes, brotli bytes) and its largest files; the largest
//! files a page waits for; and for each benchmark query the bytes a search by the prebuilt
//! index fetches (manifest, the query's shards, the chunks holding the hits shown) with the
//! native time to answer it, beside the brute-force search over every entry. Pages in the
//! browser: `cargo xtask bench-scale`.

use crate::{data, root, Result};
use model::search_index as si;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

mod search;

/// Brotli quality of the files pages and searches fetch (11 is what a server precompressing
/// static files uses).
const DEFAULT_QUALITY: u32 = 11;

/// Brotli quality of the totals over every file: 11 runs at about half a megabyte a second,
/// too slow for the hundreds of megabytes of a large corpus; 5 is some 30 times faster and
/// about 15 % larger on the real corpus.
const DEFAULT_TOTAL_QUALITY: u32 = 5;

pub fn brotli_len(bytes: &[u8], quality: u32) -> Result<usize> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: quality as i32,
        lgwin: 22,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out.len())
}

/// The files fetched by pages, compressed at the page quality on first use.
struct Fetched<'a> {
    files: BTreeMap<&'a str, &'a str>,
    quality: u32,
    cache: BTreeMap<String, Size>,
    /// None for the real corpus: the estimate is the measurement.
    ratios: Option<Ratios>,
}

impl Fetched<'_> {
    fn size(&mut self, rel: &str) -> Result<Size> {
        if let Some(s) = self.cache.get(rel) {
            return Ok(*s);
        }
        let text = self.files.get(rel).copied().unwrap_or_default();
        let br = brotli_len(text.as_bytes(), self.quality)?;
        let est = self
            .ratios
            .as_ref()
            .map_or(br, |r| r.estimate(rel, text.len(), br));
        let s = Size {
            raw: text.len(),
            br,
            est,
        };
        self.cache.insert(rel.to_string(), s);
        Ok(s)
    }

    /// The bytes of fetching these files (each once).
    fn fetch(&mut self, rels: &[String]) -> Result<Size> {
        let mut s = Size::default();
        let mut seen = std::collections::BTreeSet::new();
        for r in rels {
            if seen.insert(r.as_str()) {
                s += self.size(r)?;
            }
        }
        Ok(s)
    }
}

/// Raw and brotli size of one output file, and the brotli size estimated at the real
/// corpus's compression ratio (see [`Ratios`]).
#[derive(Clone, Copy, Default)]
struct Size {
    raw: usize,
    br: usize,
    est: usize,
}

impl std::ops::AddAssign for Size {
    fn add_assign(&mut self, o: Size) {
        self.raw += o.raw;
        self.br += o.br;
        self.est += o.est;
    }
}

/// Brotli / raw of the real corpus's files that mix every document (record files,
/// list indexes, search shards). In a synthetic corpus those files hold the same records
/// and postings once per copy, close together, and brotli's 4 MB window folds the repeats
/// away, so their measured brotli size is far below what as many different documents would
/// give; their raw size scales honestly. The estimate is raw × the real ratio. Document
/// parts and record files hold one document each and are measured as they are; other files
/// take the ratio of their group (`group`) in the real corpus.
struct Ratios {
    by_group: BTreeMap<&'static str, f64>,
}

/// Files that hold one document each, measured as they are.
fn per_document(rel: &str) -> bool {
    rel.starts_with("doc/") || rel.starts_with("records/") || rel.starts_with("meta/")
}

impl Ratios {
    fn of_real_corpus(quality: u32) -> Result<Ratios> {
        let outputs = data::build_outputs(&root().join("data"))?;
        let mut sums: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
        for (rel, text) in data::rendered(&outputs)? {
            if per_document(&rel) {
                continue;
            }
            let b = brotli_len(text.as_bytes(), quality)?;
            let s = sums.entry(group(&rel)).or_default();
            s.0 += text.len();
            s.1 += b;
        }
        Ok(Ratios {
            by_group: sums
                .into_iter()
                .map(|(g, (raw, br))| (g, br as f64 / raw.max(1) as f64))
                .collect(),
        })
    }

    fn estimate(&self, rel: &str, raw: usize, br: usize) -> usize {
        let ratio = if per_document(rel) {
            None
        } else {
            self.by_group.get(group(rel)).copied()
        };
        ratio.map_or(br, |r| ((raw as f64) * r) as usize).max(br)
    }
}

fn kb(bytes: usize) -> String {
    if bytes >= 10 * 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    }
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// Peak resident memory of this process so far (Linux), in bytes.
fn peak_rss() -> Option<usize> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: usize = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The group a file is counted in.
fn group(rel: &str) -> &'static str {
    if rel.starts_with("ids/") {
        "ids/<n>.json (document id buckets)"
    } else if rel.starts_with("meta/") {
        "meta/<doc>.json"
    } else if rel == model::files::ALL_FACTS {
        "facts.json (download)"
    } else if rel.starts_with("facts-") {
        "facts-<kind>.json"
    } else if rel.starts_with("doc/") {
        "doc/ parts"
    } else if rel == si::MANIFEST {
        "search/manifest.json"
    } else if rel.starts_with("search/text/") {
        "search/text/ chunks"
    } else if rel.starts_with("search/common/") {
        "search/common/ postings"
    } else if rel.starts_with("search/top/") {
        "search/top/ ranked"
    } else if rel.starts_with("search/list/") {
        "search/list/ matches in a list"
    } else if rel.starts_with("search/") {
        "search/ shards"
    } else if rel == model::lists::DOC_NAMES {
        "lists/names.json"
    } else if rel.starts_with("lists/topics/") {
        "lists/topics/ (themes, departments)"
    } else if rel.starts_with("lists/") && rel.ends_with("index.json") {
        "lists/<kind>/index.json"
    } else if rel.starts_with("lists/") && rel.contains('-') {
        "lists/ member files"
    } else if rel.starts_with("lists/") {
        "lists/ chunks"
    } else if rel.starts_with("records/") {
        "records/<doc>.json"
    } else {
        "other"
    }
}

/// Where `prep::build`'s time goes: the documents (each one's repair, outline, tables and
/// parts, as `build` does them) and the search index, each run again on its own.
fn breakdown(inputs: &prep::Inputs, outputs: &prep::Outputs) -> Result<(Duration, Duration)> {
    let t = Instant::now();
    let spec: prep::Spec = toml::from_str(&inputs.spec).map_err(|e| e.to_string())?;
    let mut texts = BTreeMap::new();
    for (name, bytes) in &inputs.sources {
        texts.insert(
            name.as_str(),
            prep::decode_source(name, bytes).map_err(|e| e.to_string())?,
        );
    }
    let mut ignored = Vec::new();
    for d in &spec.documents {
        // A second printing is only built and compared.
        for (k, src) in d.sources.iter().enumerate() {
            let Some(text) = texts.get(src.file.as_str()) else {
                continue;
            };
            let lines = prep::span_lines(text, &src.file, src.lines).map_err(|e| e.to_string())?;
            let (sections, _) = prep::document::build(&src.file, &lines, &mut ignored);
            if k > 0 {
                continue;
            }
            let whole = model::Document {
                schema_version: model::SCHEMA_VERSION,
                id: d.id.clone(),
                part: 0,
                first_section: 0,
                outline: Vec::new(),
                sections,
            };
            let _ = prep::facts::DocIndex::new(&whole.sections);
            let _ = prep::parts::split(&whole, prep::parts::MAX_PART_CHARS);
        }
    }
    let t_docs = t.elapsed();
    let t = Instant::now();
    let parts: BTreeMap<&str, &model::Document> = outputs
        .document_parts
        .iter()
        .map(|(f, d)| (f.as_str(), d))
        .collect();
    let corpus = si::corpus(&outputs.facts, &outputs.index, |f| parts.get(f).copied());
    let _ = si::build(
        &corpus,
        si::SHARD_TARGET_BYTES,
        si::SPLIT_POSITIONS,
        si::COMMON_INTEGERS,
    );
    Ok((t_docs, t.elapsed()))
}

/// The flags of `cargo xtask bench-data`.
#[derive(clap::Args)]
pub struct Flags {
    #[command(flatten)]
    corpus: crate::CorpusArg,
    /// Brotli quality of the files pages and searches fetch.
    #[arg(long, value_name = "Q", default_value_t = DEFAULT_QUALITY)]
    quality: u32,
    /// Brotli quality of the totals over every file.
    #[arg(long, value_name = "Q", default_value_t = DEFAULT_TOTAL_QUALITY)]
    total_quality: u32,
}

/// What every part of the report is told: the corpus, the build profile and the brotli
/// qualities.
struct Setting {
    corpus: PathBuf,
    profile: &'static str,
    quality: u32,
    total_quality: u32,
}

/// The data build, step by step, as `cargo xtask data --corpus DIR --out DIR2` does it.
struct Built {
    inputs: prep::Inputs,
    outputs: prep::Outputs,
    files: Vec<(String, String)>,
    t_load: Duration,
    t_build: Duration,
    t_docs: Duration,
    t_index: Duration,
    t_render: Duration,
    t_write: Duration,
    rss_build: Option<usize>,
    rss: Option<usize>,
}

impl Built {
    fn n(&self) -> usize {
        self.outputs.index.documents.len()
    }

    /// The wall time of the data build itself.
    fn total(&self) -> Duration {
        self.t_load + self.t_build + self.t_render + self.t_write
    }
}

pub fn run(flags: &Flags) -> Result {
    let s = Setting {
        corpus: flags.corpus.path(),
        profile: if cfg!(debug_assertions) {
            "dev (unoptimised, as `cargo xtask data` runs)"
        } else {
            "release"
        },
        quality: flags.quality,
        total_quality: flags.total_quality,
    };
    let b = build(&s.corpus)?;
    let n = b.n();
    eprintln!(
        "built {n} documents in {}; compressing {} files at brotli quality {}…",
        secs(b.total()),
        b.files.len(),
        s.total_quality
    );
    let (sizes, t_brotli) = sizes(&b.files, s.total_quality)?;
    let mut fetched = Fetched {
        ratios: ratios_for(&s.corpus, s.quality)?,
        files: b
            .files
            .iter()
            .map(|(r, t)| (r.as_str(), t.as_str()))
            .collect(),
        quality: s.quality,
        cache: BTreeMap::new(),
    };

    let mut md = String::new();
    let w = &mut md;
    write_build(w, &s, &b, t_brotli);
    write_output(w, &s, &b.outputs, &sizes);
    write_waits(w, &s, &sizes, &mut fetched)?;
    search::write_searches(w, &s, &b.outputs, &mut fetched)?;

    print!("{md}");
    let path = root().join(format!("target/bench/scale-{n}.md"));
    std::fs::write(&path, &md).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// The data build of `corpus` into `target/bench/data-N/`, each step timed.
fn build(corpus: &Path) -> Result<Built> {
    let t = Instant::now();
    let inputs = data::load_inputs(corpus)?;
    let t_load = t.elapsed();
    let t = Instant::now();
    let outputs = data::build_inputs(&inputs)?;
    let t_build = t.elapsed();
    let rss_build = peak_rss();
    let (t_docs, t_index) = breakdown(&inputs, &outputs)?;
    let t = Instant::now();
    let files = data::rendered(&outputs)?;
    let t_render = t.elapsed();
    let n = outputs.index.documents.len();
    let out_dir = root().join(format!("target/bench/data-{n}"));
    let t = Instant::now();
    data::write_outputs(&files, &out_dir, false)?;
    let t_write = t.elapsed();
    Ok(Built {
        inputs,
        outputs,
        files,
        t_load,
        t_build,
        t_docs,
        t_index,
        t_render,
        t_write,
        rss_build,
        rss: peak_rss(),
    })
}

/// Sizes of every file, at the fast quality, and the time compressing them took.
fn sizes(
    files: &[(String, String)],
    total_quality: u32,
) -> Result<(BTreeMap<&str, Size>, Duration)> {
    let t = Instant::now();
    let mut sizes: BTreeMap<&str, Size> = BTreeMap::new();
    for (rel, text) in files {
        let br = brotli_len(text.as_bytes(), total_quality)?;
        let size = Size {
            raw: text.len(),
            br,
            est: br,
        };
        sizes.insert(rel.as_str(), size);
    }
    Ok((sizes, t.elapsed()))
}

/// The real corpus's compression ratios, for a synthetic corpus (none for the real one).
fn ratios_for(corpus: &Path, quality: u32) -> Result<Option<Ratios>> {
    let real = root().join("data");
    let synthetic = corpus.canonicalize().ok() != real.canonicalize().ok();
    if synthetic {
        eprintln!("compressing the real corpus for its ratios…");
        Ok(Some(Ratios::of_real_corpus(quality)?))
    } else {
        Ok(None)
    }
}

/// The report's heading, the corpus, and the build's wall time by step.
fn write_build(w: &mut String, s: &Setting, b: &Built, t_brotli: Duration) {
    let (n, outputs, inputs) = (b.n(), &b.outputs, &b.inputs);
    let (profile, quality, total_quality) = (s.profile, s.quality, s.total_quality);
    let source_bytes: usize = inputs.sources.values().map(Vec::len).sum();
    let facts_bytes: usize = inputs.facts.iter().map(|(_, t)| t.len()).sum();
    let _ = writeln!(
        w,
        "# Data build at {n} documents\n\ncorpus `{}`: {n} documents, {} of sources, {} of curated facts; \
         {} records ({} fields, {} projects, {} targets), {} document parts, {} search shards ({} split bigrams, {} common keys). \
         Profile: {profile}. Brotli window 22, each file on its own: quality {total_quality} for the \
         totals over every file, quality {quality} for the files pages and searches fetch.\n",
        s.corpus.strip_prefix(root()).unwrap_or(&s.corpus).display(),
        kb(source_bytes),
        kb(facts_bytes),
        outputs.facts.fields.len() + outputs.facts.projects.len() + outputs.facts.targets.len(),
        outputs.facts.fields.len(),
        outputs.facts.projects.len(),
        outputs.facts.targets.len(),
        outputs.document_parts.len(),
        outputs.search.0.shards.len(),
        outputs.search.0.manifest.split.len(),
        outputs.search.0.top.len(),
    );
    let _ = writeln!(
        w,
        "| step | wall time |\n|---|---|\n| load inputs | {} |\n| `prep::build` (repair, verify, search index) | {} |\n\
         | … of which documents: repair, outline, tables, parts (timed again) | {} |\n\
         | … of which the search index: entries and shards (timed again) | {} |\n\
         | … of which the rest: facts parsed and verified, departments (by difference) | {} |\n\
         | render JSON | {} |\n| write `target/bench/data-{n}/` | {} |\n| **data build** | **{}** |\n\
         | peak memory after build / at end | {} / {} |\n| (brotli {total_quality} of every file, benchmark only) | {} |\n",
        secs(b.t_load),
        secs(b.t_build),
        secs(b.t_docs),
        secs(b.t_index),
        secs(b.t_build.saturating_sub(b.t_docs + b.t_index)),
        secs(b.t_render),
        secs(b.t_write),
        secs(b.total()),
        b.rss_build.map_or("?".into(), kb),
        b.rss.map_or("?".into(), kb),
        secs(t_brotli),
    );
}

/// The output by group of files, its largest files, the search shards and the longest
/// postings, and the largest document part.
fn write_output(
    w: &mut String,
    s: &Setting,
    outputs: &prep::Outputs,
    sizes: &BTreeMap<&str, Size>,
) {
    let largest = write_groups(w, s.total_quality, sizes);
    write_postings(w, &outputs.search.0);
    let parts: Vec<(&str, Size)> = largest
        .iter()
        .filter(|(r, _)| r.starts_with("doc/"))
        .copied()
        .collect();
    if let Some((r, s)) = parts.first() {
        let _ = writeln!(
            w,
            "| largest document part `{r}` | {} | {} |",
            kb(s.raw),
            kb(s.br)
        );
    }
    let _ = writeln!(w);
}

/// Output by group, the largest files and the search shards' sizes; returns every file,
/// largest first.
fn write_groups<'a>(
    w: &mut String,
    total_quality: u32,
    sizes: &BTreeMap<&'a str, Size>,
) -> Vec<(&'a str, Size)> {
    let mut groups: BTreeMap<&str, (usize, Size)> = BTreeMap::new();
    let mut total = Size::default();
    for (rel, s) in sizes {
        let g = groups.entry(group(rel)).or_default();
        g.0 += 1;
        g.1 += *s;
        total += *s;
    }
    let _ = writeln!(
        w,
        "| output | files | raw | brotli {total_quality} |\n|---|---|---|---|"
    );
    for (g, (count, s)) in &groups {
        let _ = writeln!(w, "| {g} | {count} | {} | {} |", kb(s.raw), kb(s.br));
    }
    let _ = writeln!(
        w,
        "| **total** | **{}** | **{}** | **{}** |\n",
        sizes.len(),
        kb(total.raw),
        kb(total.br)
    );
    let mut largest: Vec<(&str, Size)> = sizes.iter().map(|(r, s)| (*r, *s)).collect();
    largest.sort_by_key(|(r, s)| (std::cmp::Reverse(s.raw), *r));
    let _ = writeln!(
        w,
        "| largest files | raw | brotli {total_quality} |\n|---|---|---|"
    );
    for (r, s) in largest.iter().take(5) {
        let _ = writeln!(w, "| `{r}` | {} | {} |", kb(s.raw), kb(s.br));
    }
    let shards: Vec<Size> = sizes
        .iter()
        .filter(|(r, _)| group(r) == "search/ shards")
        .map(|(_, s)| *s)
        .collect();
    if let Some(max) = shards.iter().max_by_key(|s| s.raw) {
        let count = shards.len().max(1);
        let _ = writeln!(
            w,
            "| search shard: mean / largest | {} / {} | {} / {} |",
            kb(shards.iter().map(|s| s.raw).sum::<usize>() / count),
            kb(max.raw),
            kb(shards.iter().map(|s| s.br).sum::<usize>() / count),
            kb(max.br)
        );
    }
    largest
}

/// Every key's postings length, the key and where its postings are, longest first.
fn postings(built: &si::Built) -> Vec<(usize, &str, String)> {
    let mut keys: Vec<(usize, &str, String)> = built
        .shards
        .iter()
        .flat_map(|sh| {
            sh.keys.iter().map(move |(k, p)| {
                (
                    p.0.len() + p.1.len(),
                    k.as_str(),
                    format!("shard {}", sh.shard),
                )
            })
        })
        .chain(built.top.iter().enumerate().map(|(n, t)| {
            // A common key's postings, all its kinds' files together.
            let len: usize = built
                .common
                .iter()
                .filter(|c| c.shard == n as u32)
                .flat_map(|c| c.keys.values())
                .map(|p| p.0.len() + p.1.len())
                .sum();
            (len, t.key.as_str(), format!("common key {n}"))
        }))
        .collect();
    keys.sort_by(|a, b| (std::cmp::Reverse(a.0), a.1).cmp(&(std::cmp::Reverse(b.0), b.1)));
    keys
}

/// The keys with the longest postings: what makes the largest shards (and the common keys'
/// postings files).
fn write_postings(w: &mut String, built: &si::Built) {
    let keys = postings(built);
    let top: Vec<String> = keys
        .iter()
        .take(5)
        .map(|(len, k, at)| format!("“{k}” {len} integers ({at})"))
        .collect();
    let _ = writeln!(w, "| longest postings | {} | |", top.join(", "));
    let in_shards: Vec<String> = keys
        .iter()
        .filter(|(_, _, at)| at.starts_with("shard"))
        .take(5)
        .map(|(len, k, at)| format!("“{k}” {len} integers ({at})"))
        .collect();
    let _ = writeln!(
        w,
        "| longest postings in a shard ({} common keys moved out) | {} | |",
        built.top.len(),
        in_shards.join(", ")
    );
    // Those of keys with positions (bigrams not split, trigrams): what a term of three
    // characters or more can cost at most per key.
    let manifest = &built.manifest;
    let top: Vec<String> = keys
        .iter()
        .filter(|(_, k, _)| match k.chars().count() {
            2 => !manifest.is_split(k),
            n => n > 2,
        })
        .take(5)
        .map(|(len, k, at)| format!("“{k}” {len} integers ({at})"))
        .collect();
    let _ = writeln!(
        w,
        "| longest postings with positions ({} bigrams split) | {} | |",
        manifest.split.len(),
        top.join(", ")
    );
}

/// Pages are measured in the browser (`cargo xtask bench-scale`); here, the files every
/// page waits for at most: the list indexes and the largest chunks, records and parts.
fn waits(sizes: &BTreeMap<&str, Size>) -> Vec<(String, String)> {
    let mut waits: Vec<(String, String)> = Vec::new();
    for kind in model::lists::ListKind::ALL
        .into_iter()
        .chain([model::lists::ListKind::Documents])
    {
        waits.push((format!("{} list index", kind.dir()), kind.index_file()));
    }
    waits.push((
        "documents' names".into(),
        model::lists::DOC_NAMES.to_string(),
    ));
    for (label, prefix) in [
        ("largest document id bucket", "ids/"),
        ("largest document metadata", "meta/"),
        ("largest list chunk", "lists/"),
        ("largest member file", "lists/"),
        ("largest theme or department", "lists/topics/"),
        ("largest text chunk", "search/text/"),
        ("largest document records", "records/"),
        ("largest document part", "doc/"),
    ] {
        let biggest = sizes
            .iter()
            .filter(|(r, _)| r.starts_with(prefix) && !r.ends_with("index.json"))
            .filter(|(r, _)| **r != model::lists::DOC_NAMES)
            .filter(|(r, _)| {
                let member =
                    r.contains('-') && r.starts_with("lists/") && !r.starts_with("lists/topics/");
                match label {
                    "largest list chunk" => !member && !r.starts_with("lists/topics/"),
                    "largest member file" => member,
                    _ => true,
                }
            })
            .max_by_key(|(_, s)| s.raw);
        if let Some((r, _)) = biggest {
            waits.push((label.into(), r.to_string()));
        }
    }
    waits
}

/// The table of the files a page waits for.
fn write_waits(
    w: &mut String,
    s: &Setting,
    sizes: &BTreeMap<&str, Size>,
    fetched: &mut Fetched,
) -> Result {
    let quality = s.quality;
    let _ = writeln!(
        w,
        "| file a page waits for | path | raw | brotli {quality} measured | brotli {quality} at real ratio | > 40 KB |\n|---|---|---|---|---|---|"
    );
    for (label, rel) in &waits(sizes) {
        let s = fetched.size(rel)?;
        let _ = writeln!(
            w,
            "| {label} | `{rel}` | {} | {} | {} | {} |",
            kb(s.raw),
            kb(s.br),
            kb(s.est),
            if s.est > 40 * 1024 { "**yes**" } else { "" }
        );
    }
    let _ = writeln!(w);
    Ok(())
}
