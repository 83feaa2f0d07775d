//! The e-reader's books on disk and in memory: each title's EPUB is kept as
//! `<data-dir>/ereader/<sha256>.epub` (outside `public/`: only a member with a loan reads
//! it, through the API), checked by `suite_epub` before it is added; a few opened books
//! stay in memory, so a page's many resources do not parse the book again.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use sha2::{Digest, Sha256};
use suite_domain::ereader::{BookView, SpineEntry, TocView};
use suite_domain::i18n::Msg;
use suite_epub::{Book, Direction, EpubError, Layout, TocEntry};

use crate::auth::hex;

/// Books kept open in memory.
const OPEN_BOOKS: usize = 8;

/// The folder of the EPUB files in the data folder.
pub fn folder(data_dir: &Path) -> PathBuf {
    data_dir.join("ereader")
}

/// Where the EPUB with this SHA-256 is kept.
pub fn file_of(data_dir: &Path, sha256: &str) -> PathBuf {
    folder(data_dir).join(format!("{sha256}.epub"))
}

/// The SHA-256 of a file's bytes, hex.
pub fn sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The last few books opened, by title id (the newest last).
#[derive(Debug, Default)]
pub struct OpenBooks {
    books: Mutex<Vec<(i64, Book)>>,
}

impl OpenBooks {
    /// Title `title`'s book, opened from `path` when it is not in memory.
    pub fn get(&self, title: i64, path: &Path) -> Result<Book, String> {
        if let Ok(mut books) = self.books.lock()
            && let Some(at) = books.iter().position(|(t, _)| *t == title)
        {
            let entry = books.remove(at);
            let book = entry.1.clone();
            books.push(entry);
            return Ok(book);
        }
        let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let book = Book::reopen(bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        if let Ok(mut books) = self.books.lock() {
            books.retain(|(t, _)| *t != title);
            if books.len() >= OPEN_BOOKS {
                books.remove(0);
            }
            books.push((title, book.clone()));
        }
        Ok(book)
    }
}

fn toc(entries: &[TocEntry]) -> Vec<TocView> {
    entries
        .iter()
        .filter_map(|e| {
            Some(TocView {
                label: e.label.clone(),
                path: e.path.clone()?,
                fragment: e.fragment.clone(),
                children: toc(&e.children),
            })
        })
        .collect()
}

/// A title's direction as the API and the store say it.
fn title_direction(direction: Direction) -> &'static str {
    match direction {
        Direction::Rtl => "rtl",
        Direction::Ltr => "ltr",
        Direction::Default => "auto",
    }
}

/// What the reader gets of a book: title, language, direction, layout, the documents
/// in reading order (each as the item shown: a fallback when needed, with the length
/// of its text) and the table of contents. Reads every document: run it off the
/// async workers.
pub fn view(book: &Book) -> BookView {
    let package = &book.package;
    let fixed_book = package.layout == Layout::PrePaginated;
    let spine = package
        .spine
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let has = |p: &str| s.properties.iter().any(|q| q == p);
            Some(SpineEntry {
                path: book.displayed_item(i)?.path.clone(),
                chars: suite_epub::text_length(book, i),
                linear: s.linear,
                fixed: if has("rendition:layout-pre-paginated") {
                    true
                } else if has("rendition:layout-reflowable") {
                    false
                } else {
                    fixed_book
                },
            })
        })
        .collect();
    BookView {
        title: book.title().unwrap_or_default().to_string(),
        title_direction: title_direction(package.metadata.title_direction).into(),
        language: package.metadata.language.clone().unwrap_or_default(),
        direction: match package.page_progression {
            Direction::Rtl => "rtl",
            Direction::Ltr | Direction::Default => "ltr",
        }
        .into(),
        layout: match package.layout {
            Layout::PrePaginated => "pre-paginated",
            Layout::Reflowable => "reflowable",
        }
        .into(),
        spine,
        toc: toc(&book.navigation.toc),
        resources: package
            .manifest
            .iter()
            .filter(|item| !item.remote)
            .map(|item| item.path.clone())
            .collect(),
    }
}

/// The media type to serve a resource with: the manifest's, else by its extension.
pub fn media_type(book: &Book, path: &str) -> String {
    if let Some(item) = book.item_at(path) {
        return item.media_type.clone();
    }
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "xhtml" | "html" => "application/xhtml+xml",
        "css" => "text/css",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "otf" => "font/otf",
        "ttf" => "font/ttf",
        _ => "application/octet-stream",
    }
    .into()
}

/// Licences a new title gets when none are set by hand: one per started 10,000
/// inhabitants the participating libraries serve, at least one.
pub const INHABITANTS_PER_LICENCE: u32 = 10_000;

/// The population rule of the licences (one per started [`INHABITANTS_PER_LICENCE`]
/// inhabitants, at least one).
pub fn population_rule() -> suite_domain::lending::LicenceRule {
    use suite_domain::lending::{LicenceRule, PopulationRule};
    match PopulationRule::new(INHABITANTS_PER_LICENCE, 1, None) {
        Ok(rule) => LicenceRule::Population(rule),
        // Not reached: the rule's numbers above are valid.
        Err(_) => LicenceRule::ByHand(1),
    }
}

/// The licences the population rule gives a title for `population` inhabitants.
pub fn rule_licences(population: i64) -> u32 {
    suite_domain::lending::licences_for(
        &population_rule(),
        u64::try_from(population.max(0)).unwrap_or(0),
    )
}

/// A title added to the collection: its id, title and licences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub id: i64,
    pub title: String,
    pub licences: u32,
}

/// Why a file was not added. Nothing was kept for a broken file.
#[derive(Debug, thiserror::Error)]
pub enum AddError {
    /// `suite_epub` refused the file.
    #[error("not a usable EPUB: {0}")]
    Broken(#[from] EpubError),
    #[error("not a usable EPUB: the package has no title")]
    NoTitle,
    /// The same file (by its SHA-256) is in the collection.
    #[error("{0:?} is in the collection already (the same file)")]
    Duplicate(String),
    /// The data folder or the database failed.
    #[error("{0}")]
    Store(String),
}

impl AddError {
    /// What the back-office shows, in Dutch or English; `None` for a failure of the
    /// server itself.
    pub fn msg(&self) -> Option<Msg> {
        match self {
            AddError::Broken(e) => Some(e.msg()),
            AddError::NoTitle => Some(Msg::EreaderEpubNoTitle),
            AddError::Duplicate(_) => Some(Msg::LendTitleExists),
            AddError::Store(_) => None,
        }
    }
}

/// Checks an EPUB (`suite_epub`: container, package, spine, navigation, no DRM), keeps
/// it in the data folder and adds its title with `licences` (by hand) or as many as the
/// population rule gives. A broken file is refused with the reason and nothing is kept.
pub async fn add_title(
    db: &crate::db::Db,
    data_dir: &Path,
    bytes: Vec<u8>,
    licences: Option<u32>,
    by: &str,
    at: &str,
) -> Result<Added, AddError> {
    let store = |e: String| AddError::Store(e);
    let (book, bytes) = tokio::task::spawn_blocking(move || (Book::open(bytes.clone()), bytes))
        .await
        .map_err(|e| store(format!("checking the EPUB: {e}")))?;
    let book = book?;
    let title = book.title().unwrap_or_default().trim().to_string();
    if title.is_empty() {
        return Err(AddError::NoTitle);
    }
    let sha = sha256(&bytes);
    let population = db
        .ereader_population()
        .await
        .map_err(|e| store(format!("database: {e}")))?;
    let count = licences.unwrap_or_else(|| rule_licences(population));
    let path = file_of(data_dir, &sha);
    std::fs::create_dir_all(folder(data_dir))
        .map_err(|e| store(format!("{}: {e}", folder(data_dir).display())))?;
    crate::publish::write_atomically(&path, &bytes)
        .map_err(|e| store(format!("{}: {e}", path.display())))?;
    let creators =
        serde_json::to_string(&book.package.metadata.creators).unwrap_or_else(|_| "[]".into());
    let new = crate::db::ereader::NewTitle {
        title: &title,
        creators: &creators,
        language: book.package.metadata.language.as_deref().unwrap_or(""),
        title_direction: title_direction(book.package.metadata.title_direction),
        file_sha256: &sha,
        file_bytes: i64::try_from(bytes.len()).unwrap_or(i64::MAX),
        licences: i64::from(count),
        licences_set: licences.map(i64::from),
        download: false,
        added_at: at,
        added_by: by,
    };
    match db.ereader_add_title(&new).await {
        Ok(id) => Ok(Added {
            id,
            title,
            licences: count,
        }),
        Err(e) if crate::db::is_unique_violation(&e) => Err(AddError::Duplicate(title)),
        Err(e) => Err(store(format!("database: {e}"))),
    }
}
