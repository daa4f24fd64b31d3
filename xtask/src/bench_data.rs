//! `cargo xtask bench-data [--corpus DIR] [--quality Q]`: the native scale benchmark of the
//! data side. Builds the corpus (default `data/`) as `cargo xtask data` does, into
//! `target/bench/data-N/`, and reports, as a markdown table printed and written to
//! `target/bench/scale-N.md`: the build's wall time by step and its peak memory; the output
//! by group of files (count, raw bytes, brotli bytes) and its largest files; the largest
//! files a page waits for; and for each benchmark query the bytes a search by the prebuilt
//! index fetches (manifest, the query's shards, the chunks holding the hits shown) with the
//! native time to answer it, beside the brute-force search over every entry. Pages in the
//! browser: `cargo xtask bench-scale`.

use crate::{root, Result};
use model::search_index as si;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::{Duration, Instant};

/// The benchmark queries (issue 15), then the commonest character and two common bigrams.
const QUERIES: &[&str] = &[
    "养老",
    "业",
    "国际消费中心城市",
    "养老 床位",
    "的",
    "发展",
    "服务",
];

/// Hits shown per group on the search page (`PER_GROUP` in `src/pages/search.rs`).
const PER_GROUP: usize = 10;

/// Brotli quality of the files pages and searches fetch (11 is what a server precompressing
/// static files uses).
const DEFAULT_QUALITY: u32 = 11;

/// Brotli quality of the totals over every file: 11 runs at about half a megabyte a second,
/// too slow for the hundreds of megabytes of a large corpus; 5 is some 30 times faster and
/// about 15 % larger on the real corpus.
const DEFAULT_TOTAL_QUALITY: u32 = 5;

/// Runs of each timed search; the fastest is reported.
const RUNS: usize = 5;

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
        let outputs = crate::build_outputs(&root().join("data"))?;
        let mut sums: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
        for (rel, text) in crate::rendered(&outputs)? {
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

/// The fastest of `RUNS` runs of `f`, and its last result.
fn timed<T>(mut f: impl FnMut() -> T) -> (Duration, Option<T>) {
    let mut best = Duration::MAX;
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        last = Some(r);
    }
    (best, last)
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

pub fn run(args: &[String]) -> Result {
    let corpus = crate::dir_flag(args, "--corpus")?.unwrap_or_else(|| root().join("data"));
    let quality: u32 = crate::flag(args, "--quality")?
        .map(|q| q.parse().map_err(|e| format!("--quality: {e}")))
        .transpose()?
        .unwrap_or(DEFAULT_QUALITY);
    let total_quality: u32 = crate::flag(args, "--total-quality")?
        .map(|q| q.parse().map_err(|e| format!("--total-quality: {e}")))
        .transpose()?
        .unwrap_or(DEFAULT_TOTAL_QUALITY);
    let profile = if cfg!(debug_assertions) {
        "dev (unoptimised, as `cargo xtask data` runs)"
    } else {
        "release"
    };

    // The data build, step by step, as `cargo xtask data --corpus DIR --out DIR2` does it.
    let t = Instant::now();
    let inputs = crate::load_inputs(&corpus)?;
    let t_load = t.elapsed();
    let t = Instant::now();
    let outputs = crate::build_inputs(&inputs)?;
    let t_build = t.elapsed();
    let rss_build = peak_rss();
    let (t_docs, t_index) = breakdown(&inputs, &outputs)?;
    let t = Instant::now();
    let files = crate::rendered(&outputs)?;
    let t_render = t.elapsed();
    let n = outputs.index.documents.len();
    let out_dir = root().join(format!("target/bench/data-{n}"));
    let t = Instant::now();
    crate::write_outputs(&files, &out_dir, false)?;
    let t_write = t.elapsed();
    let rss = peak_rss();
    let source_bytes: usize = inputs.sources.values().map(Vec::len).sum();
    let facts_bytes: usize = inputs.facts.iter().map(|(_, t)| t.len()).sum();
    eprintln!(
        "built {n} documents in {}; compressing {} files at brotli quality {total_quality}…",
        secs(t_load + t_build + t_render + t_write),
        files.len()
    );

    // Sizes of every file, at the fast quality.
    let t = Instant::now();
    let mut sizes: BTreeMap<&str, Size> = BTreeMap::new();
    for (rel, text) in &files {
        let br = brotli_len(text.as_bytes(), total_quality)?;
        let size = Size {
            raw: text.len(),
            br,
            est: br,
        };
        sizes.insert(rel.as_str(), size);
    }
    let t_brotli = t.elapsed();
    let real = root().join("data");
    let synthetic = corpus.canonicalize().ok() != real.canonicalize().ok();
    let ratios = if synthetic {
        eprintln!("compressing the real corpus for its ratios…");
        Some(Ratios::of_real_corpus(quality)?)
    } else {
        None
    };
    let mut fetched = Fetched {
        ratios,
        files: files
            .iter()
            .map(|(r, t)| (r.as_str(), t.as_str()))
            .collect(),
        quality,
        cache: BTreeMap::new(),
    };

    let mut md = String::new();
    let w = &mut md;
    let _ = writeln!(
        w,
        "# Data build at {n} documents\n\ncorpus `{}`: {n} documents, {} of sources, {} of curated facts; \
         {} records ({} fields, {} projects, {} targets), {} document parts, {} search shards ({} split bigrams, {} common keys). \
         Profile: {profile}. Brotli window 22, each file on its own: quality {total_quality} for the \
         totals over every file, quality {quality} for the files pages and searches fetch.\n",
        corpus.strip_prefix(root()).unwrap_or(&corpus).display(),
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
        secs(t_load),
        secs(t_build),
        secs(t_docs),
        secs(t_index),
        secs(t_build.saturating_sub(t_docs + t_index)),
        secs(t_render),
        secs(t_write),
        secs(t_load + t_build + t_render + t_write),
        rss_build.map_or("?".into(), kb),
        rss.map_or("?".into(), kb),
        secs(t_brotli),
    );

    // Output by group.
    let mut groups: BTreeMap<&str, (usize, Size)> = BTreeMap::new();
    let mut total = Size::default();
    for (rel, s) in &sizes {
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
    // The keys with the longest postings: what makes the largest shards (and the common
    // keys' postings files).
    let built = &outputs.search.0;
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

    // Pages are measured in the browser (`cargo xtask bench-scale`); here, the files every
    // page waits for at most: the list indexes and the largest chunks, records and parts.
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
    let _ = writeln!(
        w,
        "| file a page waits for | path | raw | brotli {quality} measured | brotli {quality} at real ratio | > 40 KB |\n|---|---|---|---|---|---|"
    );
    for (label, rel) in &waits {
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

    // Search by the prebuilt index, beside the brute-force search over every entry.
    let built = &outputs.search.0;
    let manifest = &built.manifest;
    let parts: BTreeMap<&str, &model::Document> = outputs
        .document_parts
        .iter()
        .map(|(f, d)| (f.as_str(), d))
        .collect();
    let t = Instant::now();
    let corpus = si::corpus(&outputs.facts, &outputs.index, |f| parts.get(f).copied());
    let brute_entries = corpus.entries;
    let t_entries = t.elapsed();
    let _ = writeln!(
        w,
        "| query | index files: shards + ranked / postings | index data (brotli {quality}) | same at real ratio | hit files | hit data (brotli {quality}) | **data with manifest** (brotli {quality}) | same at real ratio | > 150 KB | rank (index) | + snippets | brute force |\n|---|---|---|---|---|---|---|---|---|---|---|---|"
    );
    let base = vec![si::MANIFEST.to_string()];
    for q in QUERIES {
        // The files the app fetches: the shards, then a ranked file or common postings.
        let (t_rank, answer) = timed(|| built.first_view(q, PER_GROUP));
        let (groups, index_files) = answer
            .transpose()
            .map_err(|e| e.to_string())?
            .unwrap_or_default();
        let shard_count = index_files
            .iter()
            .filter(|f| group(f) == "search/ shards")
            .count();
        let hit_files = si::hit_files(manifest, &groups);
        // Ranking, then each hit shown with its highlighted title and snippet.
        let terms = model::search::terms(q);
        let (t_snippets, shown) = timed(|| {
            let Ok((groups, _)) = built.first_view(q, PER_GROUP) else {
                return 0;
            };
            let mut shown = 0;
            for g in &groups {
                for &(e, score) in &g.hits {
                    if let Some(entry) = brute_entries.get(e as usize) {
                        shown += model::search::hit(entry, score, &terms).title.len().min(1);
                    }
                }
            }
            shown
        });
        let (t_brute, _) = timed(|| model::oracle::search(&brute_entries, q, PER_GROUP).len());
        let shard_size = fetched.fetch(&index_files)?;
        let hit_size = fetched.fetch(&hit_files)?;
        let mut all = base.clone();
        all.extend(index_files.iter().cloned());
        all.extend(
            hit_files
                .iter()
                .filter(|f| !all.contains(f))
                .cloned()
                .collect::<Vec<_>>(),
        );
        let data = fetched.fetch(&all)?;
        let total_hits: usize = groups.iter().map(|g| g.total).sum();
        let listed: usize = groups.iter().map(|g| g.hits.len()).sum();
        if shown != Some(listed) {
            return Err(format!(
                "{q}: {listed} hits listed but {} shown",
                shown.unwrap_or(0)
            ));
        }
        let _ = writeln!(
            w,
            "| {q} ({total_hits} hits, {listed} shown) | {} + {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            shard_count,
            index_files.len() - shard_count,
            kb(shard_size.br),
            kb(shard_size.est),
            hit_files.len(),
            kb(hit_size.br),
            kb(data.br),
            kb(data.est),
            if data.est > 150 * 1024 { "**yes**" } else { "" },
            ms(t_rank),
            ms(t_snippets),
            ms(t_brute),
        );
    }
    let _ = writeln!(
        w,
        "\n“At real ratio”: raw × the brotli/raw ratio of the same file (search shards: of all \
         shards; ranked files and common postings: of all of them) in the real corpus, for the files that mix every document; synthetic copies \
         repeat the same records and postings within brotli's window, so their measured brotli \
         size is a floor. Document parts are measured as they are.\n\n\
         Times are native ({profile}), fastest of {RUNS}, with every needed file already parsed in \
         memory; “+ snippets” adds each shown hit's highlighted title and snippet; the brute-force \
         column is `model::oracle::search` over all {} entries (building them took {}).",
        brute_entries.len(),
        secs(t_entries)
    );

    print!("{md}");
    let path = root().join(format!("target/bench/scale-{n}.md"));
    std::fs::write(&path, &md).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {}", path.display());
    Ok(())
}
