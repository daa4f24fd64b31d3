//! Fetching the static JSON: one shared, typed resource per file, errors in plain Chinese.

use leptos::prelude::*;
use model::files::{
    self, DepartmentsFile, FieldsFile, ProjectsFile, RecordFile, TargetsFile, ThemesFile,
};
use model::{Document, Index};
use serde::de::DeserializeOwned;
use std::sync::Arc;

/// A data file that could not be used, with the file name and the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadError {
    pub file: String,
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "数据加载失败：{}（{}）", self.reason, self.file)
    }
}

impl std::error::Error for LoadError {}

pub type Loaded<T> = Result<Arc<T>, LoadError>;

/// How long a data file may take before the page gives up and offers a retry.
pub const TIMEOUT_MS: u32 = 10_000;

/// Fetches `data/<file>` relative to the page's `<base>`, so the app works under any sub-path.
pub async fn fetch_data<T: DeserializeOwned>(file: String) -> Loaded<T> {
    // The network part is one function for every file type; only the parse is generic
    // (a smaller app: one async state machine instead of one per type).
    let text = fetch_text(&file).await?;
    let parsed = model::parse_versioned::<T>(&text)
        .map(Arc::new)
        .map_err(|e| LoadError {
            file,
            reason: e.to_string(),
        });
    // Parsing a large file and drawing the page from it are two long pieces of work; the
    // browser gets the main thread back in between, to paint and to answer the reader.
    yield_to_browser().await;
    parsed
}

/// The text of `data/<file>`, or why it could not be had, in words a resident can read.
async fn fetch_text(file: &str) -> Result<String, LoadError> {
    let url = format!("data/{file}");
    let fail = |reason: String| LoadError {
        file: file.to_string(),
        reason,
    };
    // A stalled connection ends in a message, not an endless "loading".
    let signal = web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS);
    let response = gloo_net::http::Request::get(&url)
        .abort_signal(Some(&signal))
        .send()
        .await
        .map_err(|_| {
            if signal.aborted() {
                fail("网络太慢，数据未能按时加载".into())
            } else {
                fail("网络连接失败，请检查网络后重试".into())
            }
        })?;
    match response.status() {
        200 => {}
        404 => return Err(fail("数据文件不存在（404）".into())),
        s if s >= 500 => return Err(fail(format!("服务器出错（{s}）"))),
        s => return Err(fail(format!("服务器返回异常状态（{s}）"))),
    }
    response.text().await.map_err(|_| {
        if signal.aborted() {
            fail("网络太慢，数据未能按时加载".into())
        } else {
            fail("数据传输中断".into())
        }
    })
}

/// Resolves on a fresh task of the event loop.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window()
            .map(|w| w.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The data files, fetched once per visit and shared through context. The index is
/// fetched at start; each kind of record only when a page first asks for it, one typed
/// file per kind, so a page fetches and parses only the kinds it shows and cannot read a
/// kind it did not load.
#[derive(Clone, Copy)]
pub struct Store {
    pub index: LocalResource<Loaded<Index>>,
    fields: StoredValue<Option<LocalResource<Loaded<FieldsFile>>>>,
    projects: StoredValue<Option<LocalResource<Loaded<ProjectsFile>>>>,
    targets: StoredValue<Option<LocalResource<Loaded<TargetsFile>>>>,
    departments: StoredValue<Option<LocalResource<Loaded<DepartmentsFile>>>>,
    themes: StoredValue<Option<LocalResource<Loaded<ThemesFile>>>>,
    owner: StoredValue<Owner>,
}

impl Store {
    pub fn provide() {
        let store = Store {
            index: LocalResource::new(|| fetch_data::<Index>(files::INDEX.into())),
            fields: StoredValue::new(None),
            projects: StoredValue::new(None),
            targets: StoredValue::new(None),
            departments: StoredValue::new(None),
            themes: StoredValue::new(None),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
        };
        provide_context(store);
    }

    /// The resource of one record file, made on first use under the app's owner, so that it
    /// outlives the page that asked.
    fn lazy<F: RecordFile + Send + Sync>(
        &self,
        slot: StoredValue<Option<LocalResource<Loaded<F>>>>,
    ) -> LocalResource<Loaded<F>> {
        if let Some(r) = slot.get_value() {
            return r;
        }
        let r = self
            .owner
            .with_value(|o| o.with(|| LocalResource::new(|| fetch_data::<F>(F::PATH.into()))));
        slot.set_value(Some(r));
        r
    }

    pub fn fields(&self) -> LocalResource<Loaded<FieldsFile>> {
        self.lazy(self.fields)
    }

    pub fn projects(&self) -> LocalResource<Loaded<ProjectsFile>> {
        self.lazy(self.projects)
    }

    pub fn targets(&self) -> LocalResource<Loaded<TargetsFile>> {
        self.lazy(self.targets)
    }

    pub fn departments(&self) -> LocalResource<Loaded<DepartmentsFile>> {
        self.lazy(self.departments)
    }

    pub fn themes(&self) -> LocalResource<Loaded<ThemesFile>> {
        self.lazy(self.themes)
    }

    /// Fetches again every file that was asked for, after a failure.
    pub fn refetch(&self) {
        self.index.refetch();
        if let Some(r) = self.fields.get_value() {
            r.refetch();
        }
        if let Some(r) = self.projects.get_value() {
            r.refetch();
        }
        if let Some(r) = self.targets.get_value() {
            r.refetch();
        }
        if let Some(r) = self.departments.get_value() {
            r.refetch();
        }
        if let Some(r) = self.themes.get_value() {
            r.refetch();
        }
    }

    /// A retry button's action.
    pub fn retry(&self) -> Callback<()> {
        let store = *self;
        Callback::new(move |_| store.refetch())
    }
}

pub fn store() -> Store {
    expect_context::<Store>()
}

/// The part of a document's text that a reader asked for (`at` anchor, else `part`
/// number), fetched only for an id the index knows: an unknown id never turns into a request.
pub fn document_resource(
    request: impl Fn() -> (String, String, String) + 'static,
) -> LocalResource<Loaded<Document>> {
    let index = store().index;
    LocalResource::new(move || {
        let (id, at, part) = request();
        async move {
            let index = index.await?;
            let missing = || LoadError {
                file: String::new(),
                reason: "没有这个文件".into(),
            };
            let meta = index.doc(&id).ok_or_else(missing)?;
            let k = model::parts::requested_part(&meta.parts, &at, &part);
            let file = meta
                .parts
                .get(k)
                .map(|p| p.file.clone())
                .filter(|f| model::is_safe_id(f))
                .ok_or_else(missing)?;
            fetch_data::<Document>(files::document_part(&file)).await
        }
    })
}
