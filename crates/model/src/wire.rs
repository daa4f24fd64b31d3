//! The static JSON contract between the data-prep tool and the app.
//!
//! Every file the app fetches starts with `schema_version`; the app refuses files whose
//! version differs from [`SCHEMA_VERSION`] and says so on the page.

use serde::{Deserialize, Serialize};

/// Bump when a change to these types would make an older app misread a newer file.
pub const SCHEMA_VERSION: u32 = 11;

/// `data/documents.json`: every document's metadata in full (a download; the app reads one
/// document's from `files::DocMetaFile`, a page of them from the documents list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Index {
    pub schema_version: u32,
    pub documents: Vec<DocumentMeta>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentMeta {
    /// Stable slug, used in URLs and file names.
    pub id: String,
    pub title: String,
    pub short_title: String,
    /// Issuing body as printed; empty when the text does not say.
    pub issuer: String,
    /// 文号 as printed, e.g. `济政办字〔2020〕19号`; empty when none is printed.
    pub doc_number: String,
    /// Date as printed in the text (成文 or 印发), ISO `YYYY-MM-DD`; empty when none is printed.
    pub date: String,
    pub region: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
    /// Set when the document was published in a gazette issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazette: Option<GazetteIssue>,
    pub counts: Counts,
    /// The files the text is shipped in, in reading order: one for most documents; long
    /// ones are split at chapter boundaries so no file a reader waits for is large.
    /// Empty in what the app fetches for a document in one file (`<id>.json`): see
    /// [`DocumentMeta::part_files`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartSpan>,
}

impl DocumentMeta {
    /// The files of the document's text: its parts, or for a document in one file (written
    /// without parts) that one file, `<id>.json`, holding every anchor.
    pub fn part_files(&self) -> Vec<PartSpan> {
        if !self.parts.is_empty() {
            return self.parts.clone();
        }
        vec![PartSpan {
            file: format!("{}.json", self.id),
            first_anchor: "s-0".into(),
            title: self.title.clone(),
            last_section: u32::MAX,
            last_paragraph: u32::MAX,
            last_table: u32::MAX,
        }]
    }

    /// Whether `parts` says no more than [`DocumentMeta::part_files`] would without it.
    pub fn is_single_file(&self) -> bool {
        matches!(self.parts.as_slice(), [p] if p.file == format!("{}.json", self.id) && p.first_anchor == "s-0")
    }
}

/// One file of a document's text and the anchors it holds. Anchors are numbered through
/// the whole document (`s-N`, `p-N`, `t-N`), so the last number of each kind places any
/// anchor in its part without fetching it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartSpan {
    /// File name under `data/doc/`, e.g. `xinjiu-dongneng.2.json`.
    pub file: String,
    /// Anchor of the part's first section, where a link to the part lands.
    pub first_anchor: String,
    /// Heading of the part's first chapter, to label links to the part.
    pub title: String,
    pub last_section: u32,
    pub last_paragraph: u32,
    pub last_table: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub file: String,
    /// 1-based inclusive line span of the source file that holds this document.
    pub first_line: u32,
    pub last_line: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GazetteIssue {
    pub title: String,
    /// e.g. `2020年第10期`
    pub issue: String,
    /// e.g. `总第320期`
    pub serial: String,
    pub date: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub sections: u32,
    pub paragraphs: u32,
    pub table_rows: u32,
    pub chars: u32,
    pub fields: u32,
    pub projects: u32,
    pub targets: u32,
}

/// `data/doc/<part file>`: one part of a document's cleaned text (most documents have one),
/// fetched when it is opened or searched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema_version: u32,
    pub id: String,
    /// Which of the document's parts (`DocumentMeta::parts`, 0-based) this file holds.
    pub part: u32,
    /// Index in the whole document of this part's first section; `parent` indexes the
    /// whole document's sections.
    pub first_section: u32,
    /// Headings of levels 1 and 2 of the whole document, so every part shows the full outline.
    pub outline: Vec<OutlineEntry>,
    /// This part's sections in reading order.
    pub sections: Vec<Section>,
}

/// One outline line: a heading and the part that holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlineEntry {
    pub anchor: String,
    pub level: u8,
    pub number: String,
    pub title: String,
    pub part: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable anchor, e.g. `s-2-1`; the root section (text before the first heading) is `s-0`.
    pub anchor: String,
    /// 1 for top-level headings. 0 for a section without a heading of its own: the root
    /// (text before the first heading, `s-0`) or, later in the document, the text a
    /// section goes on with after a 专栏 box it holds; `parent` names that section, so such
    /// a section is shown without a heading, as more of its parent's text.
    pub level: u8,
    /// Index in the whole document's `sections` of the enclosing section (none for the root).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<u32>,
    /// The heading's own numbering as printed (`一、`, `（一）`, `第一章`, `专栏 2`), may be empty.
    pub number: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

/// A block of a section, written `{"paragraph": {…}}` or `{"table": {…}}` (serde's external
/// tag): read in one pass, where a tag inside the object would make the reader buffer every
/// block before reading it (and the app carry that buffering code).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Stable anchor, e.g. `p-12` (numbered through the whole document).
    pub anchor: String,
    pub text: String,
    /// Emphasised character ranges `[start, end)` in chars (the gazette's bold runs).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emphasis: Vec<(u32, u32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub anchor: String,
    pub caption: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Cells the source merges down over several rows, like HTML `rowspan`. Each covered
    /// cell below a span's first row is shipped as `""` in `rows` and is not drawn; the text
    /// is in the span's first cell only. Absent when nothing is merged; an app that ignores
    /// it shows the covered cells blank.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spans: Vec<CellSpan>,
}

/// One merged cell: the cell at `rows[row][col]` (both 0-based, `row` counts body rows, not
/// the header) reaches down over `rows` rows in all, itself included (`rows >= 2`).
/// E.g. `{ "row": 15, "col": 3, "rows": 3 }`: row 16's 2020 cell covers rows 16–18.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellSpan {
    pub row: u32,
    pub col: u32,
    pub rows: u32,
}

/// `data/facts.json`: every structured record, across documents (the download). The app
/// fetches the same records in one typed file per kind (`crate::files`), so that a page
/// parses only the kinds it shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    pub schema_version: u32,
    pub fields: Vec<Field>,
    pub projects: Vec<Project>,
    pub targets: Vec<Target>,
    pub departments: Vec<Department>,
    pub lists: Vec<RecordList>,
    /// The same indicator in several documents (curated in `data/comparisons.toml`).
    #[serde(default)]
    pub comparisons: Vec<Comparison>,
    /// The fixed taxonomy of resident themes the records' `themes` name, with counts.
    pub themes: Vec<Theme>,
    /// The results the documents report (实际值), curated in `data/results.toml`; those
    /// that measure a target also travel with it (`Target::progress`).
    #[serde(default)]
    pub results: Vec<Reported>,
}

/// An indicator that several documents set targets for, compared on a target's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub title: String,
    pub unit: String,
    /// Target ids, one per document.
    pub members: Vec<String>,
}

/// One resident theme (主题) of the fixed taxonomy in `data/themes.toml`: a way into the
/// records across documents (养老, 交通出行, …). Every field, project and target names one
/// or more themes by `id`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    /// Stable ASCII slug, used in URLs (`elderly-care`).
    pub id: String,
    pub name: String,
    /// One sentence a resident understands.
    pub description: String,
    pub counts: ThemeCounts,
    /// The departments responsible for the theme's records, most records first (in
    /// `themes.json`; empty in `facts.json`, where the departments list their records).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departments: Vec<ThemeDepartment>,
}

/// A department responsible for some of a theme's records, and for how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeDepartment {
    pub id: String,
    pub name: String,
    pub count: u32,
}

/// How many records of each kind a theme gathers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeCounts {
    pub fields: u32,
    pub projects: u32,
    pub targets: u32,
    /// Of those, how many are in this theme by a reviewed override
    /// (`data/theme-overrides.toml`) rather than by the keyword rules.
    pub by_override: u32,
}

/// Where a record comes from: the paragraph (or table row) holding its verbatim quote.
///
/// A record has one primary source (`source`, where its values are read) and, when the
/// document states the same thing in other places, those places too (`also`, in the
/// curated order): one record per thing, every place marked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub doc: String,
    pub section: String,
    /// Paragraph or table anchor.
    pub block: String,
    pub quote: String,
}

/// Every place a record is stated, primary first.
macro_rules! all_sources {
    ($($t:ty),*) => {$(
        impl $t {
            pub fn sources(&self) -> impl Iterator<Item = &Provenance> {
                std::iter::once(&self.source).chain(&self.also)
            }

            /// Every quote, primary first, joined for search and downloads.
            pub fn quotes(&self) -> String {
                self.sources()
                    .map(|s| s.quote.as_str())
                    .collect::<Vec<_>>()
                    .join(" … ")
            }
        }
    )*};
}
all_sources!(Field, Project, Target);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// Global id `<doc>.<local>`.
    pub id: String,
    pub doc: String,
    pub title: String,
    pub label: String,
    pub summary: String,
    /// Theme ids (`Theme::id`), in taxonomy order; never empty.
    pub themes: Vec<String>,
    /// Department ids.
    pub departments: Vec<String>,
    pub source: Provenance,
    /// Other places the document states the same item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Provenance>,
    /// Global ids of records merged into this one (old links to them lead here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub doc: String,
    pub name: String,
    pub kind: ProjectKind,
    pub domain: String,
    pub place: String,
    pub description: String,
    /// Theme ids (`Theme::id`), in taxonomy order; never empty.
    pub themes: Vec<String>,
    pub departments: Vec<String>,
    /// Target ids.
    pub targets: Vec<String>,
    pub source: Provenance,
    /// Other places the document names the same project.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Provenance>,
    /// Global ids of records merged into this one (old links to them lead here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub id: String,
    pub doc: String,
    pub indicator: String,
    pub unit: String,
    pub category: String,
    /// Theme ids (`Theme::id`), in taxonomy order; never empty.
    pub themes: Vec<String>,
    /// `约束性` / `预期性`; absent where the text does not print it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribute: Option<Attribute>,
    pub origin: Origin,
    pub cumulative: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Figure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub growth: Option<Figure>,
    /// A target stated without a number, e.g. `完成上级下达任务`.
    pub qualitative: String,
    /// Set when the source misprints the unit: `unit` is the corrected one, and the note
    /// (shown with the record) says what is printed and why it reads otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_misprint: Option<Misprint>,
    /// Where the values are read (for a target in an indicator table, the table row).
    pub source: Provenance,
    /// Other places the document states the same target (e.g. its prose restatement).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Provenance>,
    /// Global ids of records merged into this one (old links to them lead here).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merged: Vec<String>,
    /// The reported results that measure this target and its status, when a curated link
    /// (`data/results.toml`) names it; absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<Progress>,
}

/// A result a document reports (实际值): what a year actually came to, as printed, e.g.
/// the 2020 政府工作报告's review of 2019 (“研发投入占GDP比重达到2.71%”).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reported {
    /// Global id `<doc>.r-N`.
    pub id: String,
    pub doc: String,
    /// As written in the quote.
    pub indicator: String,
    pub unit: String,
    /// The region the figure is about (the document's, unless the quote names another).
    pub region: String,
    pub scope: Scope,
    /// A total over a period (like a target's `[ ]` five-year value), not a level.
    pub cumulative: bool,
    /// The value as printed: `year` is the year it describes, `year_source` where that
    /// year is printed, `comparator` a word such as `突破` (the value is a bound).
    pub value: Figure,
    /// Where the year comes from, in words a resident reads (a report's review of the past
    /// year describes the year before it was delivered).
    pub year_basis: String,
    pub source: Provenance,
}

/// Whose figure or target it is: a city's or a district's. A result never measures a
/// target of another scope or region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Scope {
    #[serde(rename = "市级")]
    City,
    #[serde(rename = "区级")]
    District,
}

impl Scope {
    /// The scope of a region as the documents name it: a district or county (`济南市历下区`)
    /// or a city (`济南市`).
    pub fn of_region(region: &str) -> Scope {
        if region.ends_with('区') || region.ends_with('县') {
            Scope::District
        } else {
            Scope::City
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Scope::City => "市级",
            Scope::District => "区级",
        }
    }
}

/// A target's reported results and the status they give (`crate::progress`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub status: Status,
    /// The linked results, oldest first; the status is read from the latest.
    pub results: Vec<LinkedResult>,
}

/// A result linked to the target it measures, with the curator's note where the two
/// name the indicator differently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkedResult {
    pub result: Reported,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The short title of the document that reports the result, for its quote's link (the
    /// target's page needs no file of that document).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub doc_title: String,
}

/// How far along a target is, from its baseline, its target and its latest result
/// (`crate::progress::assess`); on the wire the words a resident reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Status {
    /// The result already meets the target, before the target year.
    #[serde(rename = "已提前达到")]
    MetEarly,
    /// The result meets the target in or after the target year (or the target has none).
    #[serde(rename = "已达到")]
    Met,
    /// Ahead of the straight path from baseline to target.
    #[serde(rename = "进度超前")]
    Ahead,
    /// Within the tolerance of the straight path.
    #[serde(rename = "基本同步")]
    OnTrack,
    /// Behind the straight path (or the target year has passed without meeting it).
    #[serde(rename = "进度滞后")]
    Behind,
    /// A piece is missing: no result, no target value, no baseline or year to draw the
    /// path, or a result printed as a bound that does not decide.
    #[serde(rename = "无可比数据")]
    NoData,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::MetEarly,
        Status::Met,
        Status::Ahead,
        Status::OnTrack,
        Status::Behind,
        Status::NoData,
    ];

    /// The words shown (and written on the wire, and in a status filter's address).
    pub fn label(self) -> &'static str {
        match self {
            Status::MetEarly => "已提前达到",
            Status::Met => "已达到",
            Status::Ahead => "进度超前",
            Status::OnTrack => "基本同步",
            Status::Behind => "进度滞后",
            Status::NoData => "无可比数据",
        }
    }

    pub fn from_label(label: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.label() == label)
    }
}

/// What a project is, as the curated data classifies it; on the wire the Chinese word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ProjectKind {
    #[serde(rename = "工程")]
    Works,
    #[serde(rename = "项目")]
    Project,
    #[serde(rename = "平台")]
    Platform,
    #[serde(rename = "园区")]
    Park,
    #[serde(rename = "基地")]
    Base,
    #[serde(rename = "行动")]
    Action,
}

impl ProjectKind {
    pub const ALL: [ProjectKind; 6] = [
        ProjectKind::Works,
        ProjectKind::Project,
        ProjectKind::Platform,
        ProjectKind::Park,
        ProjectKind::Base,
        ProjectKind::Action,
    ];

    /// The word shown to readers (and written on the wire).
    pub fn label(self) -> &'static str {
        match self {
            ProjectKind::Works => "工程",
            ProjectKind::Project => "项目",
            ProjectKind::Platform => "平台",
            ProjectKind::Park => "园区",
            ProjectKind::Base => "基地",
            ProjectKind::Action => "行动",
        }
    }
}

/// A target's 指标属性 as printed; on the wire the Chinese word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Attribute {
    /// 约束性: must be met, through the government's own means.
    #[serde(rename = "约束性")]
    Binding,
    /// 预期性: expected, steered through the market.
    #[serde(rename = "预期性")]
    Expected,
}

impl Attribute {
    pub fn label(self) -> &'static str {
        match self {
            Attribute::Binding => "约束性",
            Attribute::Expected => "预期性",
        }
    }
}

/// Where a target is stated: an indicator table's row, or running text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Table,
    Prose,
}

impl Origin {
    pub fn label(self) -> &'static str {
        match self {
            Origin::Table => "指标表",
            Origin::Prose => "正文",
        }
    }
}

/// A misprint in the source that the record reads otherwise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Misprint {
    /// As printed in the quote.
    pub printed: String,
    /// The editor's note, shown to the reader beside the value.
    pub note: String,
}

/// Where a figure's year is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YearSource {
    /// In the quote itself (`到2025年…`).
    Printed,
    /// In the indicator table's column header (`2025年目标`).
    TableHeader,
    /// In a table note that explains a mark on the value (`带*号为2016年数据`).
    TableNote,
    /// In the nearest heading above the quote that prints a year (`三、2020年重点工作任务`).
    Heading,
}

impl YearSource {
    /// How the reader is told where the year comes from.
    pub fn label(self) -> &'static str {
        match self {
            YearSource::Printed => "年份见原文",
            YearSource::TableHeader => "年份取自表头",
            YearSource::TableNote => "年份取自表注",
            YearSource::Heading => "年份取自章节标题",
        }
    }
}

/// A number as printed beside its parsed value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Where `year` is printed; set whenever `year` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year_source: Option<YearSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub comparator: String,
    pub text: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Department {
    pub id: String,
    pub name: String,
    pub kind: DepartmentKind,
    pub aliases: Vec<String>,
    pub fields: Vec<String>,
    pub projects: Vec<String>,
    pub targets: Vec<String>,
}

/// A department as the app lists it: without its record ids (the lists' member files hold
/// those, `lists`), with how many records of each kind name it. Small at any library size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartmentSummary {
    pub id: String,
    pub name: String,
    pub kind: DepartmentKind,
    pub aliases: Vec<String>,
    pub counts: RecordCounts,
}

/// Records of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCounts {
    pub fields: u32,
    pub projects: u32,
    pub targets: u32,
}

/// What kind of body a 责任单位 is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DepartmentKind {
    /// One government body (`市商务局`).
    #[default]
    Agency,
    /// A placeholder for several bodies (`市有关部门`, `各区县政府`).
    Collective,
    /// A company named as responsible (`国网济南供电公司`).
    Enterprise,
}

impl DepartmentKind {
    pub fn label(self) -> &'static str {
        match self {
            DepartmentKind::Agency => "部门",
            DepartmentKind::Collective => "泛指多个单位",
            DepartmentKind::Enterprise => "企业",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordList {
    pub id: String,
    pub doc: String,
    pub title: String,
    pub groups: Vec<ListGroup>,
    pub source: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListGroup {
    pub name: String,
    pub members: Vec<String>,
}

/// Why a data file could not be used, in words a resident can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    NotJson(String),
    WrongSchema { found: Option<u64> },
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataError::NotJson(detail) => write!(f, "数据文件格式有误，无法读取（{detail}）"),
            DataError::WrongSchema { found: Some(v) } => write!(
                f,
                "数据文件版本（{v}）与本页面（{SCHEMA_VERSION}）不一致，请刷新页面"
            ),
            DataError::WrongSchema { found: None } => {
                write!(f, "数据文件缺少版本号，无法确认格式")
            }
        }
    }
}

/// Parses a data file with serde_json, checking `schema_version` before the shape so that
/// a newer file is reported as a version mismatch rather than as garbage.
pub fn parse_versioned<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, DataError> {
    let not_json = |e: serde_json::Error| DataError::NotJson(e.to_string());
    let found = schema_version(text).map_err(not_json)?;
    if found != Some(u64::from(SCHEMA_VERSION)) {
        return Err(DataError::WrongSchema { found });
    }
    serde_json::from_str(text).map_err(not_json)
}

/// A first pass that reads only the top-level `schema_version` (serde skips the rest):
/// `None` when it is missing or not a whole number (`5.0`, `"5"`). It is read as a
/// `serde_json::Number`, not a `Value`: the app then carries no code for reading arbitrary
/// JSON values; a version of another JSON type is told apart from a file that is not JSON
/// by a second pass that only checks the syntax.
fn schema_version(text: &str) -> Result<Option<u64>, serde_json::Error> {
    #[derive(Deserialize)]
    struct Head {
        schema_version: Option<serde_json::Number>,
    }
    match serde_json::from_str::<Head>(text) {
        Ok(head) => Ok(head
            .schema_version
            .as_ref()
            .and_then(serde_json::Number::as_u64)),
        Err(e) if e.is_data() => serde_json::from_str::<serde::de::IgnoredAny>(text).map(|_| None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests;
