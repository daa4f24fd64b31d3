//! Native prerender: the first view of each page that needs no id (`model::pages`),
//! rendered with Leptos `ssr` from the same presentation components the app mounts, from
//! the data in `public/data/`, and written into that page's `index.html` in `dist/`.
//! Rendering is a pure function of the data; only [`run`] reads and writes files.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use model::files::{DepartmentsFile, RecordFile, ThemesFile};
use model::lists::{self, ListIndex, ListKind, ListPage, Listed};
use model::pages::{
    page_title, Page, PageDef, PRERENDERED_ANY_QUERY, PRERENDERED_ATTR, PRERENDERED_WITHOUT_QUERY,
    QUERY_LOADING_CLASS, QUERY_LOADING_TEXT,
};
use policy_explorer::data::{TopicRecords, TopicWant};
use policy_explorer::links::PRERENDER_BASE;
use policy_explorer::pages::{departments, first_view, themes, topic_view, FirstViewData};
use std::path::Path;
use std::sync::Arc;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The `<div id="app">` contents of a page's first view, with links still under
/// [`PRERENDER_BASE`]; None for pages that take an id.
pub fn render(page: Page, data: &FirstViewData) -> Option<String> {
    if page.def().takes_id {
        return None;
    }
    let data = data.clone();
    Some(render_at(&page.path(), move || first_view(page, &data)))
}

/// The view for an unknown address, with links still under [`PRERENDER_BASE`].
pub fn render_not_found() -> String {
    render_at("/404/", policy_explorer::pages::not_found_view)
}

/// The shell around `view`, rendered as the app would show it at the app path `path`
/// (under [`PRERENDER_BASE`]), without the text-node markers `<!>` that Leptos's server
/// renderer writes for hydration: the app does not hydrate (it renders anew and takes
/// over), nothing reads them, and an HTML validator rejects them as bogus comments. Text
/// and attribute values are escaped, so `<!>` stands only for a marker.
fn render_at<V: IntoView + 'static>(
    path: &str,
    view: impl FnOnce() -> V + Send + 'static,
) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(&format!("{PRERENDER_BASE}{path}")));
        policy_explorer::settings::Settings::provide();
        let html = view! {
            <Router base=PRERENDER_BASE>
                <policy_explorer::app::Shell>{view()}</policy_explorer::app::Shell>
            </Router>
        }
        .to_html();
        html.replace("<!>", "")
    })
}

/// `404.html` for a host's error page: served at any unknown address, so its `<base>` and
/// links are absolute, under `public_url` (`/zwgk/zcdl/`).
pub fn not_found_page(shell: &str, public_url: &str, body: &str) -> Result<String> {
    if !public_url.starts_with('/') || !public_url.ends_with('/') || public_url.contains('"') {
        return Err(format!(
            "--public-url must be an absolute path ending in /, e.g. /zwgk/zcdl/ (got {public_url:?})"
        ));
    }
    let body = body
        .replace(
            &format!("href=\"{PRERENDER_BASE}/"),
            &format!("href=\"{public_url}"),
        )
        .replace(
            &format!("href=\"{PRERENDER_BASE}\""),
            &format!("href=\"{public_url}\""),
        )
        .replace("href=\"#", &format!("href=\"{public_url}#"));
    if body.contains(PRERENDER_BASE) {
        return Err("404: a link was left under the prerender base".into());
    }
    // The shell is a route page's (`<base href="../">`): the app, not the home page's wasm.
    let shell = shell.replacen(
        "<base href=\"../\"",
        &format!("<base href=\"{public_url}\""),
        1,
    );
    if !shell.contains(&format!("<base href=\"{public_url}\"")) {
        return Err("404: the shell has no <base href=\"../\"> to make absolute".into());
    }
    let head = PageHead {
        path: None,
        title: page_title(model::pages::NOT_FOUND_TITLE),
        description: None,
    };
    fill(&shell, &head, &body, PRERENDERED_ANY_QUERY)
}

/// What a prerendered page's `<head>` says of it.
#[derive(Debug, Clone)]
pub struct PageHead {
    /// Its app path (`/targets/`, `/target/a.t-1/`), given as its canonical address; None
    /// for the 404 page, which stands at any address.
    pub path: Option<String>,
    /// The whole `<title>`.
    pub title: String,
    /// The `<meta name="description">`, from the record's own words; None keeps the site's.
    pub description: Option<String>,
}

impl PageHead {
    /// The head of a page that takes no id.
    pub fn of(def: &PageDef) -> PageHead {
        PageHead {
            path: Some(def.page.path()),
            title: page_title(def.title),
            description: None,
        }
    }
}

/// Links under [`PRERENDER_BASE`] made relative to the page's `<base href>` (the app root),
/// so one build serves any sub-path; `#main` names its page (`path`, the page's app path),
/// as `<base>` would otherwise send it to the home page.
pub fn relative_links(html: &str, path: &str) -> Result<String> {
    let fragment_base = match path.trim_start_matches('/') {
        "" => "./".to_string(),
        rest => rest.to_string(),
    };
    let html = html
        .replace(&format!("href=\"{PRERENDER_BASE}/"), "href=\"./")
        .replace(&format!("href=\"{PRERENDER_BASE}\""), "href=\"./\"")
        .replace("href=\"#", &format!("href=\"{fragment_base}#"));
    if html.contains(PRERENDER_BASE) || html.contains(" href=\"/") {
        return Err(format!("{path}: an absolute link would leave the sub-path"));
    }
    if html.contains(" style=\"") {
        return Err(format!("{path}: a style attribute would break the CSP"));
    }
    Ok(html)
}

/// Puts a first view into the page's HTML shell (the built `index.html` of its route):
/// the view in `<div id="app">`, marked as prerendered, its title, description and
/// canonical address, and no preload of the wasm, which the first view does not need.
pub fn fill(shell: &str, head: &PageHead, body: &str, kind: &str) -> Result<String> {
    let open = "<div id=\"app\">";
    let what = &head.title;
    // In the body: a comment in the head may name the element too.
    let body_at = shell
        .find("<body")
        .ok_or_else(|| format!("{what}: the shell has no <body>"))?;
    let start = shell[body_at..]
        .find(open)
        .map(|i| body_at + i)
        .ok_or_else(|| format!("{what}: no {open} in the shell"))?;
    let end = shell
        .rfind("</body>")
        .and_then(|b| shell[..b].rfind("</div>"))
        .filter(|&e| e > start)
        .ok_or_else(|| format!("{what}: <div id=\"app\"> is not closed"))?;
    let main = "<main id=\"main\" tabindex=\"-1\">";
    if !body.contains(main) {
        return Err(format!("{what}: the view has no {main}"));
    }
    // Shown instead of the unfiltered view while the app renders the one the query asks for.
    let body = body.replacen(
        main,
        &format!(
            "{main}<p class=\"{QUERY_LOADING_CLASS}\" role=\"status\">{QUERY_LOADING_TEXT}</p>"
        ),
        1,
    );
    let page_head = without_wasm_preload(&shell[..start]);
    let page_head = replace_title(&page_head, &escape(&head.title))?;
    let page_head = with_description_and_canonical(&page_head, head)?;
    Ok(format!(
        "{page_head}<div id=\"app\" {PRERENDERED_ATTR}=\"{kind}\">{body}{}",
        &shell[end..]
    ))
}

/// The head with the page's own description (in place of the site's) and its canonical
/// address (relative to `<base href>`, the app root) after the title.
fn with_description_and_canonical(head: &str, page: &PageHead) -> Result<String> {
    let mut out = head.to_string();
    if let Some(description) = &page.description {
        let marker = "<meta name=\"description\" content=\"";
        let start = out.find(marker).ok_or("the shell has no description")? + marker.len();
        let end = out[start..]
            .find('"')
            .map(|e| start + e)
            .ok_or("the shell's description is not closed")?;
        out.replace_range(start..end, &escape(description).replace('"', "&quot;"));
    }
    if let Some(path) = &page.path {
        let href = format!(".{path}");
        let at = out.find("</title>").ok_or("the shell has no </title>")? + "</title>".len();
        out.insert_str(at, &format!("\n  <link rel=\"canonical\" href=\"{href}\">"));
    }
    Ok(out)
}

fn without_wasm_preload(head: &str) -> String {
    let mut out = String::with_capacity(head.len());
    let mut rest = head;
    while let Some(i) = rest.find("<link rel=\"preload\"") {
        let Some(len) = rest[i..].find('>') else {
            break;
        };
        let tag = &rest[i..i + len + 1];
        out.push_str(&rest[..i]);
        if !tag.contains(".wasm\"") {
            out.push_str(tag);
        }
        rest = &rest[i + len + 1..];
    }
    out.push_str(rest);
    out
}

fn replace_title(head: &str, title: &str) -> Result<String> {
    let start = head.find("<title>").ok_or("the shell has no <title>")?;
    let end = head[start..]
        .find("</title>")
        .map(|e| start + e)
        .ok_or("the shell's <title> is not closed")?;
    Ok(format!("{}<title>{title}{}", &head[..start], &head[end..]))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn read_json<T: serde::de::DeserializeOwned>(dir: &Path, file: &str) -> Result<Arc<T>> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    model::parse_versioned::<T>(&text)
        .map(Arc::new)
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn record_file<T: RecordFile>(dir: &Path) -> Result<Arc<T>> {
    read_json(dir, T::PATH)
}

/// The first page of a kind's list, unfiltered, from the files the app would fetch for it.
fn first_page<R: Listed>(dir: &Path) -> Result<Arc<ListPage<R>>> {
    let file: Arc<lists::ListIndexFile> = read_json(dir, &R::KIND.index_file())?;
    let names = match R::KIND.has_doc_runs() {
        true => Some(read_json::<lists::DocNames>(dir, lists::DOC_NAMES)?),
        false => None,
    };
    let list = ListIndex::assemble(&file, names.as_deref())
        .map(Arc::new)
        .map_err(|e| format!("{}: {e}", R::KIND.index_file()))?;
    let ordinals: Vec<u32> = (0..list.total).collect();
    let (_, shown) = ListPage::<R>::shown(&ordinals, "");
    let chunks = lists::chunk_files(R::KIND, list.chunk, &shown)
        .iter()
        .map(|f| read_json::<lists::Chunk<R>>(dir, f))
        .collect::<Result<Vec<_>>>()?;
    Ok(Arc::new(ListPage::new(list, ordinals, "", &chunks)))
}

/// The data the first views are drawn from, read from the files the app fetches for them.
pub fn first_view_data(data: &Path) -> Result<FirstViewData> {
    Ok(FirstViewData {
        documents: first_page::<model::DocumentMeta>(data)?,
        fields: first_page::<model::Field>(data)?,
        projects: first_page::<model::Project>(data)?,
        targets: first_page::<model::Target>(data)?,
        departments: record_file::<DepartmentsFile>(data)?,
        themes: record_file::<ThemesFile>(data)?,
    })
}

/// A short description from a record's own words: its name and its quote, at most 120
/// characters.
fn describe(name: &str, quote: &str) -> String {
    let text = format!("{name}：{quote}");
    match text.char_indices().nth(120) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

/// The page of one record or document: rendered at `page.record(id)`, its links made
/// relative, put into its route's shell one level deeper (`<base href="../../">`), and
/// written to `dist/<segment>/<id>/index.html`. Returns the body's size.
fn write_page_of(
    dist: &Path,
    page: Page,
    id: &str,
    head: PageHead,
    view: impl FnOnce() -> Option<AnyView> + Send + 'static,
) -> Result<usize> {
    let path = page.record(id);
    let body = render_at(&path, view);
    let body = relative_links(&body, &path)?;
    let dir = dist.join(page.def().segment);
    let shell_file = dir.join("index.html");
    let shell = std::fs::read_to_string(&shell_file)
        .map_err(|e| format!("{}: {e}", shell_file.display()))?
        .replacen("<base href=\"../\"", "<base href=\"../../\"", 1);
    // Canonical: the page's own address, or the one `head` names (a merged id's record).
    let canonical = head.path.clone().unwrap_or_else(|| path.clone());
    let html = fill(
        &shell,
        &PageHead {
            path: Some(canonical),
            ..head
        },
        &body,
        kind_of(page),
    )?;
    let dir = dir.join(id);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join("index.html"), html).map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(body.len())
}

/// A record's page is the same whatever its query; a document's depends on its part.
fn kind_of(page: Page) -> &'static str {
    if page == Page::Document {
        PRERENDERED_WITHOUT_QUERY
    } else {
        PRERENDERED_ANY_QUERY
    }
}

/// Every document's page and every record's (targets, projects, key fields), from the
/// files the app fetches for them; returns the count and bytes of pages by kind.
pub fn write_record_pages(dist: &Path, data: &Path) -> Result<Vec<(Page, usize, usize)>> {
    let index: Arc<model::Index> = read_json(data, model::files::ALL_DOCUMENTS)?;
    let departments = record_file::<DepartmentsFile>(data)?;
    let mut counts = vec![
        (Page::Document, 0, 0),
        (Page::Target, 0, 0),
        (Page::Project, 0, 0),
        (Page::Field, 0, 0),
    ];
    let mut count = |page: Page, bytes: usize| {
        if let Some(c) = counts.iter_mut().find(|c| c.0 == page) {
            c.1 += 1;
            c.2 += bytes;
        }
    };
    for doc in &index.documents {
        let records: Arc<model::files::DocRecordsFile> =
            read_json(data, &model::files::DocRecordsFile::path(&doc.id))?;
        let meta: Arc<model::files::DocMetaFile> =
            read_json(data, &model::files::DocMetaFile::path(&doc.id))?;
        let first = meta.document.part_files().into_iter().next();
        let file = first.map(|p| p.file).unwrap_or_default();
        let text: Arc<model::Document> = read_json(data, &model::files::document_part(&file))?;
        let head = PageHead {
            path: None,
            title: page_title(&meta.document.title),
            description: Some(describe(&meta.document.title, &meta.document.issuer)),
        };
        let (m, r) = (meta.document.clone(), records.clone());
        let view = move || {
            Some(policy_explorer::pages::document_view(
                m,
                text.as_ref().clone(),
                &r,
            ))
        };
        count(
            Page::Document,
            write_page_of(dist, Page::Document, &doc.id, head, view)?,
        );
        let files = Arc::new(policy_explorer::data::DocFiles {
            records: records.clone(),
            meta: Some(meta.document.clone()),
        });
        let named = records
            .targets
            .iter()
            .map(|t| (Page::Target, &t.id, &t.indicator, &t.source.quote))
            .chain(
                records
                    .projects
                    .iter()
                    .map(|p| (Page::Project, &p.id, &p.name, &p.source.quote)),
            )
            .chain(
                records
                    .fields
                    .iter()
                    .map(|f| (Page::Field, &f.id, &f.title, &f.source.quote)),
            );
        for (page, id, name, quote) in named {
            let head = PageHead {
                path: None,
                title: page_title(name),
                description: Some(describe(name, quote)),
            };
            let (files, departments, rid) = (files.clone(), departments.clone(), id.clone());
            let view = move || policy_explorer::pages::record_view(page, &rid, files, departments);
            count(page, write_page_of(dist, page, id, head, view)?);
        }
        write_merged_pages(dist, &files, &departments)?;
    }
    Ok(counts)
}

/// A page at every merged id's own address (`project/<a.p-113>/`), so that an old link keeps
/// working on a static server: it says which record the id became and links there (the app
/// takes that record's address); its canonical address is that record's.
fn write_merged_pages(
    dist: &Path,
    files: &Arc<policy_explorer::data::DocFiles>,
    departments: &Arc<DepartmentsFile>,
) -> Result {
    let records = &files.records;
    let kept = records
        .fields
        .iter()
        .map(|f| (Page::Field, &f.id, &f.title, &f.merged))
        .chain(
            records
                .projects
                .iter()
                .map(|p| (Page::Project, &p.id, &p.name, &p.merged)),
        )
        .chain(
            records
                .targets
                .iter()
                .map(|t| (Page::Target, &t.id, &t.indicator, &t.merged)),
        );
    for (kept_page, kept_id, name, merged) in kept {
        for id in merged {
            let page = match id
                .rsplit('.')
                .next()
                .and_then(|local| local.split('-').next())
            {
                Some("p") => Page::Project,
                Some("t") => Page::Target,
                _ => Page::Field,
            };
            let head = PageHead {
                path: Some(kept_page.record(kept_id)),
                title: page_title(name),
                description: Some(describe(name, "已不再单独列出，并入这条记录")),
            };
            let (files, departments, rid) = (files.clone(), departments.clone(), id.clone());
            let view = move || policy_explorer::pages::record_view(page, &rid, files, departments);
            write_page_of(dist, page, id, head, view)?;
        }
    }
    Ok(())
}

/// A theme's or a department's records as its page shows them (`want`), read natively from
/// the same topic file and chunks the app fetches.
fn topic_records(dir: &Path, want: TopicWant, value: &str) -> Result<Arc<TopicRecords>> {
    fn records<R: Listed>(dir: &Path, ordinals: &[u32]) -> Result<Vec<R>> {
        let chunks = lists::chunk_files(R::KIND, lists::CHUNK, ordinals)
            .iter()
            .map(|f| read_json::<lists::Chunk<R>>(dir, f))
            .collect::<Result<Vec<_>>>()?;
        Ok(lists::records_at(&chunks, ordinals)
            .into_iter()
            .cloned()
            .collect())
    }
    let topic: Arc<lists::Topic> = read_json(dir, &lists::Topic::path(want.key, value))?;
    Ok(Arc::new(TopicRecords {
        fields: records(dir, want.first(&topic, ListKind::Fields))?,
        projects: records(dir, want.first(&topic, ListKind::Projects))?,
        targets: records(dir, want.first(&topic, ListKind::Targets))?,
        topic,
    }))
}

/// Every theme's page and every department's, from their topic files; returns the count and
/// bytes of pages by kind.
pub fn write_topic_pages(
    dist: &Path,
    data_dir: &Path,
    data: &FirstViewData,
) -> Result<Vec<(Page, usize, usize)>> {
    let themes = data.themes.themes.iter().map(|t| {
        (
            Page::Theme,
            themes::TOPIC,
            &t.id,
            &t.name,
            t.description.clone(),
        )
    });
    let departments = data.departments.departments.iter().map(|d| {
        let c = d.counts;
        let what = format!(
            "列为责任单位的重点领域 {} 项、重点工程 {} 项、目标指标 {} 项",
            c.fields, c.projects, c.targets
        );
        (Page::Department, departments::TOPIC, &d.id, &d.name, what)
    });
    let mut counts = vec![(Page::Theme, 0, 0), (Page::Department, 0, 0)];
    for (page, want, id, name, what) in themes.chain(departments) {
        let records = topic_records(data_dir, want, id)?;
        let head = PageHead {
            path: None,
            title: page_title(name),
            description: Some(describe(name, &what)),
        };
        let (rid, d) = (id.clone(), data.clone());
        let view = move || topic_view(page, &rid, records, &d);
        let bytes = write_page_of(dist, page, id, head, view)?;
        if let Some(c) = counts.iter_mut().find(|c| c.0 == page) {
            c.1 += 1;
            c.2 += bytes;
        }
    }
    Ok(counts)
}

/// Reads the data files, renders every prerendered page and writes it into
/// `dist/<segment>/index.html` (which the post-build step has written from Trunk's output);
/// with a public URL, also `dist/404.html`.
pub fn run(dist: &Path, data: &Path, public_url: Option<&str>) -> Result {
    let data_dir = data;
    let data = first_view_data(data)?;
    // From a route page's plain shell (the app, not the home page's small wasm), before
    // that page's own view is written into it.
    if let Some(public_url) = public_url {
        let file = dist.join(Page::About.def().segment).join("index.html");
        let shell =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let page = not_found_page(&shell, public_url, &render_not_found())?;
        std::fs::write(dist.join("404.html"), page).map_err(|e| format!("404.html: {e}"))?;
        eprintln!("wrote 404.html for {public_url}");
    }
    for def in Page::prerendered() {
        let Some(html) = render(def.page, &data) else {
            continue;
        };
        let head = PageHead::of(def);
        let body = relative_links(&html, &def.page.path())?;
        let file = dist.join(def.segment).join("index.html");
        let shell =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        // The home page is the same whatever the query; a list's content depends on it.
        let kind = if def.page == Page::Home {
            PRERENDERED_ANY_QUERY
        } else {
            PRERENDERED_WITHOUT_QUERY
        };
        let page = fill(&shell, &head, &body, kind)?;
        std::fs::write(&file, page).map_err(|e| format!("{}: {e}", file.display()))?;
        eprintln!(
            "prerendered /{}: {:.1} KB",
            def.segment,
            body.len() as f64 / 1024.0
        );
    }
    write_every_record_page(dist, data_dir, &data)
}

/// The pages of every document, record, theme and department, alone (for the scale
/// benchmark: the route shells of `dist/` with another corpus's data).
pub fn run_records(dist: &Path, data: &Path) -> Result {
    write_every_record_page(dist, data, &first_view_data(data)?)
}

fn write_every_record_page(dist: &Path, data_dir: &Path, data: &FirstViewData) -> Result {
    let started = std::time::Instant::now();
    let pages = write_record_pages(dist, data_dir)?;
    let topics = write_topic_pages(dist, data_dir, data)?;
    for (page, n, bytes) in pages.into_iter().chain(topics) {
        eprintln!(
            "prerendered {n} pages /{}/<id>/: {:.1} KB of views in all",
            page.def().segment,
            bytes as f64 / 1024.0
        );
    }
    eprintln!(
        "record pages written in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
