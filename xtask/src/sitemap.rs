//! `sitemap.xml` for search engines, when the build is told the site's address
//! (`--site-url https://…/zwgk/zcdl/`): every page the build wrote (each `index.html` under
//! `dist/`), split into files of at most 50 000 addresses with a sitemap index over them, as
//! the sitemap protocol asks.

use crate::Result;
use std::path::Path;

/// The sitemap protocol's limit of addresses in one file.
pub const MOST_PER_FILE: usize = 50_000;

/// The addresses of the pages under `dist/` that are their own canonical address, in path
/// order: `site_url` + the directory of each such `index.html`. Left out: a record route's
/// bare shell (no canonical address: it shows nothing without an id) and a merged id's page
/// (its canonical address is the record it became).
fn page_addresses(dist: &Path, site_url: &str) -> Result<Vec<String>> {
    let mut files = Vec::new();
    crate::validate::html_files(dist, &mut files)?;
    let mut dirs = Vec::new();
    for file in files.iter().filter(|f| f.ends_with("index.html")) {
        let Some(dir) = file.parent().and_then(|d| d.strip_prefix(dist).ok()) else {
            continue;
        };
        let dir = dir.to_string_lossy().replace('\\', "/");
        let dir = if dir.is_empty() {
            dir
        } else {
            format!("{dir}/")
        };
        let html = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        if html.contains(&format!("<link rel=\"canonical\" href=\"./{dir}\">")) {
            dirs.push(dir);
        }
    }
    dirs.sort();
    Ok(dirs.into_iter().map(|d| format!("{site_url}{d}")).collect())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sitemap files for `addresses`: one `sitemap.xml`, or `sitemap-1.xml`, … with
/// `sitemap.xml` as their index. Pure: (file name, contents).
pub fn files(addresses: &[String], site_url: &str) -> Vec<(String, String)> {
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    const NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
    let urlset = |chunk: &[String]| {
        let urls: String = chunk
            .iter()
            .map(|a| format!("  <url><loc>{}</loc></url>\n", escape(a)))
            .collect();
        format!("{HEAD}<urlset xmlns=\"{NS}\">\n{urls}</urlset>\n")
    };
    if addresses.len() <= MOST_PER_FILE {
        return vec![("sitemap.xml".into(), urlset(addresses))];
    }
    let mut out: Vec<(String, String)> = addresses
        .chunks(MOST_PER_FILE)
        .enumerate()
        .map(|(n, chunk)| (format!("sitemap-{}.xml", n + 1), urlset(chunk)))
        .collect();
    let entries: String = out
        .iter()
        .map(|(name, _)| {
            format!(
                "  <sitemap><loc>{}</loc></sitemap>\n",
                escape(&format!("{site_url}{name}"))
            )
        })
        .collect();
    out.push((
        "sitemap.xml".into(),
        format!("{HEAD}<sitemapindex xmlns=\"{NS}\">\n{entries}</sitemapindex>\n"),
    ));
    out
}

/// Writes the sitemap of `dist/` for a site at `site_url` (absolute, ending in `/`).
pub fn write(dist: &Path, site_url: &str) -> Result {
    if !(site_url.starts_with("https://") || site_url.starts_with("http://"))
        || !site_url.ends_with('/')
    {
        return Err(format!(
            "--site-url must be an absolute address ending in /, e.g. https://www.jinan.gov.cn/zwgk/zcdl/ (got {site_url:?})"
        ));
    }
    let addresses = page_addresses(dist, site_url)?;
    let files = files(&addresses, site_url);
    for (name, text) in &files {
        std::fs::write(dist.join(name), text).map_err(|e| format!("{name}: {e}"))?;
    }
    eprintln!(
        "sitemap: {} addresses in {} file(s)",
        addresses.len(),
        files.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_up_to_the_limit_then_an_index() {
        let site = "https://example.gov.cn/zcdl/";
        let few: Vec<String> = vec![format!("{site}"), format!("{site}target/a.t-1/")];
        let one = files(&few, site);
        assert_eq!(one.len(), 1);
        assert!(one[0]
            .1
            .contains("<loc>https://example.gov.cn/zcdl/target/a.t-1/</loc>"));
        let many: Vec<String> = (0..MOST_PER_FILE + 1)
            .map(|n| format!("{site}p/{n}/"))
            .collect();
        let split = files(&many, site);
        let names: Vec<&str> = split.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert_eq!(split[0].1.matches("<url>").count(), MOST_PER_FILE);
        assert_eq!(split[1].1.matches("<url>").count(), 1);
        assert!(split[2].1.contains("<sitemapindex"));
        assert!(split[2]
            .1
            .contains("<loc>https://example.gov.cn/zcdl/sitemap-2.xml</loc>"));
        assert!(files(&["a&b".to_string()], site)[0].1.contains("a&amp;b"));
    }
}
