//! The search part of `cargo xtask bench-data`: the bytes and native times of each benchmark
//! query by the prebuilt index, beside the brute-force search.

use super::{group, kb, ms, secs, Fetched, Setting};
use crate::Result;
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

/// Runs of each timed search; the fastest is reported.
const RUNS: usize = 5;

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

/// Search by the prebuilt index, beside the brute-force search over every entry: a row per
/// benchmark query, then what the columns mean.
pub(super) fn write_searches(
    w: &mut String,
    s: &Setting,
    outputs: &prep::Outputs,
    fetched: &mut Fetched,
) -> Result {
    let quality = s.quality;
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
    for q in QUERIES {
        write_search(w, q, &outputs.search.0, &brute_entries, fetched)?;
    }
    let _ = writeln!(
        w,
        "\n“At real ratio”: raw × the brotli/raw ratio of the same file (search shards: of all \
         shards; ranked files and common postings: of all of them) in the real corpus, for the files that mix every document; synthetic copies \
         repeat the same records and postings within brotli's window, so their measured brotli \
         size is a floor. Document parts are measured as they are.\n\n\
         Times are native ({}), fastest of {RUNS}, with every needed file already parsed in \
         memory; “+ snippets” adds each shown hit's highlighted title and snippet; the brute-force \
         column is `model::oracle::search` over all {} entries (building them took {}).",
        s.profile,
        brute_entries.len(),
        secs(t_entries)
    );
    Ok(())
}

/// One query's row: the files the app fetches (the shards, then a ranked file or common
/// postings, then the chunks of the hits shown), their bytes, and the native times.
fn write_search(
    w: &mut String,
    q: &str,
    built: &si::Built,
    brute_entries: &[model::search::Entry],
    fetched: &mut Fetched,
) -> Result {
    let (t_rank, answer) = timed(|| built.first_view(q, PER_GROUP));
    let (groups, index_files) = answer
        .transpose()
        .map_err(|e| e.to_string())?
        .unwrap_or_default();
    let shard_count = index_files
        .iter()
        .filter(|f| group(f) == "search/ shards")
        .count();
    let hit_files = si::hit_files(&built.manifest, &groups);
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
    let (t_brute, _) = timed(|| model::oracle::search(brute_entries, q, PER_GROUP).len());
    let shard_size = fetched.fetch(&index_files)?;
    let hit_size = fetched.fetch(&hit_files)?;
    let mut all = vec![si::MANIFEST.to_string()];
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
    Ok(())
}
