//! One module per page. Each list page is a container (reads the URL, fetches its data
//! files, shows loading and failure) around a presentation component that takes its data
//! as arguments; the prerender renders the same presentation components ([`first_view`]).

pub mod about;
pub mod departments;
pub mod document;
pub mod documents;
pub mod fields;
pub mod home;
pub mod not_found;
pub mod projects;
pub mod search;
pub mod targets;
pub mod themes;

use crate::data::{DocFiles, TopicRecords};
use leptos::prelude::*;
use model::files::{DepartmentsFile, DocRecordsFile, ThemesFile};
use model::lists::ListPage;
use model::pages::Page;
use model::query::Filter;
use model::{Document, DocumentMeta, Field, Project, Target};
use std::sync::Arc;

/// The data files the prerendered first views are drawn from.
#[derive(Debug, Clone)]
pub struct FirstViewData {
    /// The first page of each list, unfiltered.
    pub documents: Arc<ListPage<DocumentMeta>>,
    pub fields: Arc<ListPage<Field>>,
    pub projects: Arc<ListPage<Project>>,
    pub targets: Arc<ListPage<Target>>,
    pub departments: Arc<DepartmentsFile>,
    pub themes: Arc<ThemesFile>,
}

/// The view for an address no page matches, as the build writes it into `404.html`.
pub fn not_found_view() -> AnyView {
    view! { <not_found::NotFound /> }.into_any()
}

/// The first view of a prerendered page (its address without a query), drawn by the same
/// components the app shows once its data is in; None for pages that take an id.
pub fn first_view(page: Page, data: &FirstViewData) -> Option<AnyView> {
    let filter = Memo::new(|_| Filter::default());
    let d = data.clone();
    Some(match page {
        Page::Home => view! { <home::HomeView documents=d.documents themes=d.themes /> }.into_any(),
        Page::Themes => {
            view! { {themes::intro()} <themes::ThemeCards themes=d.themes /> }.into_any()
        }
        Page::Documents => {
            view! { <documents::DocumentsView page=d.documents filter /> }.into_any()
        }
        Page::Fields => {
            view! { {fields::intro()} <fields::FieldsView page=d.fields filter /> }.into_any()
        }
        Page::Projects => view! {
            {projects::intro()}
            <projects::ProjectsView page=d.projects filter />
        }
        .into_any(),
        Page::Targets => view! {
            {targets::intro()}
            <targets::TargetsView page=d.targets filter />
        }
        .into_any(),
        Page::Departments => view! {
            {departments::intro()}
            <departments::DepartmentsView departments=d.departments />
        }
        .into_any(),
        Page::Search => view! { <search::SearchForm q=Memo::new(|_| String::new()) /> }.into_any(),
        Page::About => view! { <about::AboutView /> }.into_any(),
        Page::Theme
        | Page::Document
        | Page::Field
        | Page::Project
        | Page::Target
        | Page::Department => return None,
    })
}

/// A record's page as the app shows it once its document's files are in, drawn by the same
/// components; what the prerender writes into `<segment>/<id>/index.html`. None for a page
/// that shows no record of a document.
pub fn record_view(
    page: Page,
    id: &str,
    files: Arc<DocFiles>,
    departments: Arc<DepartmentsFile>,
) -> Option<AnyView> {
    let id = id.to_string();
    Some(match page {
        Page::Target => view! { <targets::TargetDetailView id files /> }.into_any(),
        Page::Project => view! { <projects::ProjectDetailView id files departments /> }.into_any(),
        Page::Field => view! { <fields::FieldDetailView id files departments /> }.into_any(),
        _ => return None,
    })
}

/// A document's page (its first part, outline and record marks) as the app shows it.
pub fn document_view(meta: DocumentMeta, document: Document, records: &DocRecordsFile) -> AnyView {
    let marks = model::view::record_marks(
        &meta.id,
        &records.fields,
        &records.projects,
        &records.targets,
    );
    let targets = records.targets.clone();
    view! { <document::DocumentView meta document at=String::new() marks targets /> }.into_any()
}

/// A theme's or a department's page as the app shows it once its topic file and first
/// records ([`themes::TOPIC`], [`departments::TOPIC`]) are in; None for other pages.
pub fn topic_view(
    page: Page,
    id: &str,
    records: Arc<TopicRecords>,
    data: &FirstViewData,
) -> Option<AnyView> {
    let id = id.to_string();
    let (themes, departments) = (data.themes.clone(), data.departments.clone());
    Some(match page {
        Page::Theme => view! { <themes::ThemeView id themes records /> }.into_any(),
        Page::Department => {
            view! { <departments::DepartmentDetailView id departments records /> }.into_any()
        }
        _ => return None,
    })
}
