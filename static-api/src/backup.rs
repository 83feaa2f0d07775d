//! `static-api backup <file>` and `static-api restore <file>`: the whole data folder (the
//! database, the published files under `public/` and the e-reader's books under
//! `ereader/`) as one tar file, taken while the
//! server runs, and put back while it does not.
//!
//! The backup copies the database with `VACUUM INTO` (a consistent snapshot while others
//! write) and every published file (each is replaced whole by a rename, so a copy is
//! always of one version). Hidden files (temporary and lock files) are left out.
//!
//! A restore unpacks into a hidden folder beside the data, checks the database
//! (`PRAGMA integrity_check`), moves the current database and `public/` (when there
//! are any) aside into a new `.before-restore-<time>/`, and moves the restored ones in. It refuses while a server
//! holds the data folder ([`ServeLock`]).

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::db::{DB_FILE, Db};

/// What a backup or restore did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BackupReport {
    /// Published files in the archive.
    pub files: usize,
    /// Bytes of the database and the files.
    pub bytes: u64,
}

/// Why a backup or restore failed; nothing in the data folder changed then.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("database: {0}")]
    Db(String),
    #[error("the archive has no database ({DB_FILE})")]
    NoDatabase,
    #[error("the archive's database is damaged: {0}")]
    Damaged(String),
    #[error("a server is running on {0}: stop it before restoring")]
    InUse(String),
}

pub(crate) fn io(what: impl std::fmt::Display) -> impl FnOnce(std::io::Error) -> BackupError {
    let what = what.to_string();
    move |e| BackupError::Io(what, e)
}

/// Held by a running server on its data folder (an advisory lock on `.serve.lock`).
#[derive(Debug)]
pub struct ServeLock {
    _file: File,
}

impl ServeLock {
    /// Takes the data folder's lock, or says that another process holds it.
    pub fn try_acquire(data_dir: &Path) -> Result<Self, BackupError> {
        std::fs::create_dir_all(data_dir).map_err(io(data_dir.display()))?;
        let path = data_dir.join(".serve.lock");
        let file = crate::publish::open_lock_file(&path).map_err(io(path.display()))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(std::fs::TryLockError::WouldBlock) => {
                Err(BackupError::InUse(data_dir.display().to_string()))
            }
            Err(std::fs::TryLockError::Error(e)) => {
                Err(BackupError::Io(path.display().to_string(), e))
            }
        }
    }
}

/// The e-reader's books' folder in the data folder and in the archive.
const BOOKS: &str = "ereader";

/// Writes the database, `public/` and the e-reader's books (`ereader/`) of `data_dir` into the tar file `out` (replaced
/// whole when the backup is complete).
pub async fn backup(db: &Db, data_dir: &Path, out: &Path) -> Result<BackupReport, BackupError> {
    let out_dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&out_dir).map_err(io(out_dir.display()))?;
    let work = tempfile::Builder::new()
        .prefix(".backup-")
        .tempdir_in(&out_dir)
        .map_err(io(out_dir.display()))?;
    let copy = work.path().join(DB_FILE);
    db.copy_into(&copy)
        .await
        .map_err(|e| BackupError::Db(e.to_string()))?;
    let public = data_dir.join("public");
    let books = crate::ereader_books::folder(data_dir);
    let out = out.to_path_buf();
    tokio::task::spawn_blocking(move || {
        let mut report = BackupReport::default();
        let mut archive = tempfile::Builder::new()
            .prefix(".backup-")
            .tempfile_in(&out_dir)
            .map_err(io(out_dir.display()))?;
        {
            let mut tar = tar::Builder::new(archive.as_file_mut());
            tar.mode(tar::HeaderMode::Deterministic);
            let mut db_file = File::open(&copy).map_err(io(copy.display()))?;
            report.bytes += db_file.metadata().map(|m| m.len()).unwrap_or(0);
            tar.append_file(DB_FILE, &mut db_file)
                .map_err(io("writing the archive"))?;
            if public.is_dir() {
                append_tree(&mut tar, &public, Path::new("public"), &mut report)?;
            }
            // The e-reader's books: the titles in the database need their files.
            if books.is_dir() {
                append_tree(&mut tar, &books, Path::new(BOOKS), &mut report)?;
            }
            tar.finish().map_err(io("writing the archive"))?;
        }
        archive.as_file().sync_all().map_err(io(out.display()))?;
        archive
            .persist(&out)
            .map_err(|e| BackupError::Io(out.display().to_string(), e.error))?;
        Ok(report)
    })
    .await
    .map_err(|e| BackupError::Io("backup task".into(), std::io::Error::other(e)))?
}

/// Appends the regular files under `dir` (sorted, hidden ones left out) as `name/...`.
pub(crate) fn append_tree<W: std::io::Write>(
    tar: &mut tar::Builder<W>,
    dir: &Path,
    name: &Path,
    report: &mut BackupReport,
) -> Result<(), BackupError> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io(dir.display()))?
        .flatten()
        .collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let file_name = entry.file_name();
        if file_name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let inner = name.join(&file_name);
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            append_tree(tar, &path, &inner, report)?;
        } else if kind.is_file() {
            // A file removed meanwhile (an unused upload tidied) is simply not in it.
            let Ok(mut file) = File::open(&path) else {
                continue;
            };
            report.bytes += file.metadata().map(|m| m.len()).unwrap_or(0);
            report.files += 1;
            tar.append_file(&inner, &mut file)
                .map_err(io("writing the archive"))?;
        }
    }
    Ok(())
}

/// Puts the backup `archive` in place in `data_dir` (see the module); the current data
/// is kept in `.before-restore-<time>/`.
pub async fn restore(archive: &Path, data_dir: &Path) -> Result<BackupReport, BackupError> {
    let _held = ServeLock::try_acquire(data_dir)?;
    let unpacked = tempfile::Builder::new()
        .prefix(".restore-")
        .tempdir_in(data_dir)
        .map_err(io(data_dir.display()))?;
    let target = unpacked.path().to_path_buf();
    let source = archive.to_path_buf();
    let report = tokio::task::spawn_blocking(move || unpack(&source, &target))
        .await
        .map_err(|e| BackupError::Io("restore task".into(), std::io::Error::other(e)))??;
    let restored_db = unpacked.path().join(DB_FILE);
    if !restored_db.is_file() {
        return Err(BackupError::NoDatabase);
    }
    {
        let db = Db::open_file(&restored_db)
            .await
            .map_err(|e| BackupError::Damaged(e.to_string()))?;
        let check = db
            .integrity_check()
            .await
            .map_err(|e| BackupError::Damaged(e.to_string()))?;
        db.close().await;
        if check != "ok" {
            return Err(BackupError::Damaged(check));
        }
    }
    let current: Vec<String> = [
        DB_FILE.to_string(),
        format!("{DB_FILE}-wal"),
        format!("{DB_FILE}-shm"),
        "public".to_string(),
        BOOKS.to_string(),
    ]
    .into_iter()
    .filter(|name| data_dir.join(name).exists())
    .collect();
    if !current.is_empty() {
        let aside = aside_folder(data_dir);
        std::fs::create_dir_all(&aside).map_err(io(aside.display()))?;
        for name in &current {
            let path = data_dir.join(name);
            std::fs::rename(&path, aside.join(name)).map_err(io(path.display()))?;
        }
    }
    for name in [DB_FILE, "public", BOOKS] {
        let from = unpacked.path().join(name);
        if from.exists() {
            std::fs::rename(&from, data_dir.join(name)).map_err(io(from.display()))?;
        }
    }
    Ok(report)
}

/// A new folder for the data a restore replaces: `.before-restore-<time>`, with `-2`,
/// `-3`, ... when restores come within the same second (moving into an earlier one
/// would fail halfway, with the database already moved).
fn aside_folder(data_dir: &Path) -> PathBuf {
    let stamp = time::OffsetDateTime::now_utc().unix_timestamp();
    let mut aside = data_dir.join(format!(".before-restore-{stamp}"));
    let mut n = 2;
    while aside.exists() {
        aside = data_dir.join(format!(".before-restore-{stamp}-{n}"));
        n += 1;
    }
    aside
}

/// Unpacks the regular files and folders of `archive` under `into` (never outside it).
fn unpack(archive: &Path, into: &Path) -> Result<BackupReport, BackupError> {
    let file = File::open(archive).map_err(io(archive.display()))?;
    unpack_from(file, &archive.display(), into)
}

/// Unpacks the regular files and folders of the tar archive `reader` (called `archive`
/// in errors) under `into`, never outside it.
pub(crate) fn unpack_from(
    reader: impl std::io::Read,
    archive: &dyn std::fmt::Display,
    into: &Path,
) -> Result<BackupReport, BackupError> {
    let mut tar = tar::Archive::new(reader);
    let mut report = BackupReport::default();
    for entry in tar.entries().map_err(io(archive))? {
        let mut entry = entry.map_err(io(archive))?;
        let kind = entry.header().entry_type();
        if !(kind.is_file() || kind.is_dir()) {
            continue;
        }
        let size = entry.header().size().unwrap_or(0);
        // `unpack_in` refuses paths that would leave `into`.
        let inside = entry.unpack_in(into).map_err(io(archive))?;
        if inside && kind.is_file() {
            report.bytes += size;
            let is_db = entry.path().is_ok_and(|p| p == Path::new(DB_FILE));
            if !is_db {
                report.files += 1;
            }
        }
    }
    Ok(report)
}
