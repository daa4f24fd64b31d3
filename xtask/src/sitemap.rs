//! `sitemap.xml` for search engines, when the build is told the site's address
//! (`--site-url https://…/zwgk/zcdl/`): every page the build wrote (each `index.html` under
//! `dist/`), split into files of at most 50 000 addresses with a sitemap index over them, as
//! the sitemap protocol asks.

use crate::Result;
use std::path::Path;

/// The sitemap protocol's limit of addresses in one file.
pub const MOST_PER_FILE: usize = 50_000;

/// The addresses of the pages under `dist/`, in path order: `site_url` + the directory of
/// each `index.html` (`site_url` itself for the home page).
fn page_addresses(dist: &Path, site_url: &str) -> Result<Vec<String>> {
    fn walk(dir: &Path, rel: &str, out: &mut Vec<String>) -> Result {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if path.is_dir() && name != "data" {
                walk(&path, &format!("{rel}{name}/"), out)?;
            } else if name == "index.html" {
                out.push(rel.to_string());
            }
        }
        Ok(())
    }
    let mut rels = Vec::new();
    walk(dist, "", &mut rels)?;
    Ok(rels.into_iter().map(|r| format!("{site_url}{r}")).collect())
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
