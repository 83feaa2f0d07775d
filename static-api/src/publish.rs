//! Writing the files served under `/data/` so that a reader never sees half a file and
//! a crash never leaves a torn or lost one.
//!
//! - [`write_atomically`]: a temporary file with a unique name in the same folder, its
//!   bytes synced to disk, renamed over the target, then the folder synced. Enough for
//!   files named by their content (covers, uploads): two writers write the same bytes.
//! - [`PublishLock`]: one lock per published file (a snapshot, a programme), held
//!   across processes (an advisory `flock` on a hidden `.<name>.lock` beside it), so the
//!   server's republish on every staff change, a back-office import, the scheduled
//!   refresh, a theme edit (read, change, write back) and a separate `static-api import`
//!   process take turns. Whoever holds the lock reads the newest state and writes it:
//!   the last writer never writes older data over newer.
//!
//! - [`Coalescer`]: changes that ask for the same file to be republished while a
//!   republish runs are covered by one more run, not one each.
//!
//! Temporary and lock files start with a dot, which the server never serves.

use std::collections::HashMap;
use std::fs::{File, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::UNIX_EPOCH;

/// Writes `bytes` to `path` atomically and durably (see the module).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = parent(path);
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(&dir)?;
    tmp.write_all(bytes)?;
    // Published files are public: readable by a web server running as another user, as
    // files copied by `export` are (a temporary file starts readable by its owner only).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(&dir)
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename in `dir` durable.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

/// Opens (creating it) a file whose advisory lock stands for something else: a
/// published file ([`PublishLock`]) or a data folder in use (`backup::ServeLock`).
pub fn open_lock_file(path: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
}

/// The exclusive right to publish one file; released when dropped.
#[derive(Debug)]
pub struct PublishLock {
    file: File,
    path: PathBuf,
}

impl PublishLock {
    /// Waits for the lock of `path` (blocking: call it off the async threads, or use
    /// [`PublishLock::acquire`]).
    pub fn acquire_blocking(path: &Path) -> std::io::Result<Self> {
        let dir = parent(path);
        std::fs::create_dir_all(&dir)?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let file = open_lock_file(&dir.join(format!(".{name}.lock")))?;
        file.lock()?;
        Ok(Self {
            file,
            path: path.to_path_buf(),
        })
    }

    /// Waits for the lock of `path` without blocking the async threads.
    pub async fn acquire(path: &Path) -> std::io::Result<Self> {
        let path = path.to_path_buf();
        tokio::task::spawn_blocking(move || Self::acquire_blocking(&path))
            .await
            .map_err(std::io::Error::other)?
    }

    /// Writes the locked file.
    pub fn write(&self, bytes: &[u8]) -> std::io::Result<()> {
        write_atomically(&self.path, bytes)
    }

    /// The locked file's bytes, `None` when it does not exist.
    pub fn read(&self) -> std::io::Result<Option<Vec<u8>>> {
        match std::fs::read(&self.path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

impl Drop for PublishLock {
    fn drop(&mut self) {
        // Closing the file releases the lock as well; unlocking first says so plainly.
        let _ = self.file.unlock();
    }
}

/// Length, modification time and (on Unix) inode: what tells a file read earlier (a
/// cached copy, a parsed index) from its rewrite. Snapshots are replaced by a rename, so even a rewrite of the same length within
/// one tick of the file system's clock has another inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified_ns: u128,
    inode: u64,
}

impl Stamp {
    /// The file's length in bytes.
    pub fn bytes(&self) -> u64 {
        self.len
    }

    /// The stamp of a file's metadata.
    pub fn of(meta: &Metadata) -> Self {
        Self {
            len: meta.len(),
            modified_ns: meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map(|d| d.as_nanos())
                .unwrap_or(0),
            inode: inode(meta),
        }
    }
}

#[cfg(unix)]
fn inode(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &Metadata) -> u64 {
    0
}

/// Republishes of one file in this process, run one at a time and shared: a change asks
/// for a republish after it is stored; if a run that started later (and so read the
/// change) has finished by the time its turn comes, it is already published. Under a
/// burst of staff changes, each republish (read, write, two `fsync`s) then serves every
/// change stored before it began, instead of all waiting in one queue.
#[derive(Debug, Default)]
pub struct Coalescer {
    turns: Mutex<HashMap<PathBuf, Arc<Turn>>>,
}

#[derive(Debug, Default)]
struct Turn {
    /// Republishes asked for so far.
    asked: AtomicU64,
    /// Held while a republish runs: how many asks the last finished one covered.
    covered: tokio::sync::Mutex<u64>,
}

impl Coalescer {
    /// Runs `publish` for `file`, unless a run that began after this call has finished
    /// meanwhile. Call it only after the change to publish is stored. A failed run covers
    /// nothing: the next caller in line tries again.
    pub async fn publish<E, F>(&self, file: &Path, publish: F) -> Result<(), E>
    where
        F: AsyncFnOnce() -> Result<(), E>,
    {
        let turn = {
            let mut turns = self.turns.lock().unwrap_or_else(|p| p.into_inner());
            Arc::clone(turns.entry(file.to_path_buf()).or_default())
        };
        let mine = turn.asked.fetch_add(1, Ordering::SeqCst) + 1;
        let mut covered = turn.covered.lock().await;
        if *covered >= mine {
            return Ok(());
        }
        // Every ask up to here was stored before this run reads.
        let upto = turn.asked.load(Ordering::SeqCst);
        publish().await?;
        *covered = upto;
        Ok(())
    }
}

/// An upload no one uses is kept this long (a form may still be open), then it goes.
pub const UNUSED_UPLOAD_GRACE: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Removes the files in `dir` whose names are not in `used` and that are older than
/// [`UNUSED_UPLOAD_GRACE`] (hidden files are left alone); answers the bytes the files
/// that stay take. Blocking: run it off the async threads.
pub fn tidy_unused(dir: &Path, used: &std::collections::HashSet<String>) -> u64 {
    let mut total = 0_u64;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Ok(meta) = entry.metadata() else { continue };
        if !meta.is_file() || name.starts_with('.') {
            continue;
        }
        let stale = meta
            .modified()
            .ok()
            .and_then(|m| m.elapsed().ok())
            .is_some_and(|age| age > UNUSED_UPLOAD_GRACE);
        if stale && !used.contains(&name) {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => {
                    tracing::info!(dir = %dir.display(), file = %name, "unused upload removed");
                    continue;
                }
                Err(e) => {
                    tracing::warn!(dir = %dir.display(), file = %name, "cannot remove an unused upload: {e}")
                }
            }
        }
        total += meta.len();
    }
    total
}

/// Takes the lock of `path` and writes `bytes` to it.
pub fn publish_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    PublishLock::acquire_blocking(path)?.write(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn asks_during_a_run_share_the_next_run() {
        let coalescer = Arc::new(Coalescer::default());
        let runs = Arc::new(AtomicU64::new(0));
        let file = Path::new("/tmp/programme.json");
        let (started_tx, started_rx) = tokio::sync::oneshot::channel();
        let (finish_tx, finish_rx) = tokio::sync::oneshot::channel::<()>();
        let first = {
            let (coalescer, runs) = (Arc::clone(&coalescer), Arc::clone(&runs));
            tokio::spawn(async move {
                coalescer
                    .publish(file, async || {
                        runs.fetch_add(1, Ordering::SeqCst);
                        let _ = started_tx.send(());
                        let _ = finish_rx.await;
                        Ok::<(), ()>(())
                    })
                    .await
            })
        };
        started_rx.await.expect("the first run starts");
        // Five changes stored while the first run is writing: one more run covers them.
        let waiting: Vec<_> = (0..5)
            .map(|_| {
                let (coalescer, runs) = (Arc::clone(&coalescer), Arc::clone(&runs));
                tokio::spawn(async move {
                    coalescer
                        .publish(file, async || {
                            runs.fetch_add(1, Ordering::SeqCst);
                            Ok::<(), ()>(())
                        })
                        .await
                })
            })
            .collect();
        let asked = || {
            let turns = coalescer.turns.lock().expect("not poisoned");
            turns[file].asked.load(Ordering::SeqCst)
        };
        while asked() < 6 {
            tokio::task::yield_now().await;
        }
        finish_tx.send(()).expect("the first run waits");
        first.await.expect("joins").expect("publishes");
        for w in waiting {
            w.await.expect("joins").expect("publishes");
        }
        assert_eq!(runs.load(Ordering::SeqCst), 2);
        // A later change is not covered by the runs before it.
        coalescer
            .publish(file, async || {
                runs.fetch_add(1, Ordering::SeqCst);
                Ok::<(), ()>(())
            })
            .await
            .expect("publishes");
        assert_eq!(runs.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn a_failed_run_covers_nothing() {
        let coalescer = Coalescer::default();
        let file = Path::new("/tmp/programme.json");
        assert_eq!(
            coalescer.publish(file, async || Err("disk full")).await,
            Err("disk full")
        );
        let mut ran = false;
        coalescer
            .publish(file, async || {
                ran = true;
                Ok::<(), &str>(())
            })
            .await
            .expect("publishes");
        assert!(ran);
    }

    #[test]
    fn many_writers_at_once_leave_one_whole_file_and_no_temporary_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("snapshot.json");
        std::thread::scope(|scope| {
            for i in 0..8 {
                let path = &path;
                scope.spawn(move || {
                    let body = format!("{{\"writer\":{i},\"pad\":\"{}\"}}", "x".repeat(1_000_000));
                    for _ in 0..20 {
                        write_atomically(path, body.as_bytes()).expect("no writer fails");
                        publish_file(path, body.as_bytes()).expect("no writer fails");
                    }
                });
            }
            // A reader meanwhile only ever sees whole files.
            let path = &path;
            scope.spawn(move || {
                for _ in 0..200 {
                    if let Ok(bytes) = std::fs::read(path) {
                        let parsed: serde_json::Value =
                            serde_json::from_slice(&bytes).expect("a whole JSON file");
                        assert!(parsed["writer"].is_u64());
                    }
                }
            });
        });
        let left: Vec<String> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_published_file_is_readable_by_all() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("programme.json");
        publish_file(&path, b"{}").expect("write");
        let mode = std::fs::metadata(&path).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[test]
    fn the_lock_makes_read_change_write_take_turns() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("count.txt");
        publish_file(&path, b"0").expect("write");
        std::thread::scope(|scope| {
            for _ in 0..8 {
                let path = &path;
                scope.spawn(move || {
                    for _ in 0..25 {
                        let lock = PublishLock::acquire_blocking(path).expect("lock");
                        let n: u32 = String::from_utf8(lock.read().expect("read").expect("there"))
                            .expect("text")
                            .parse()
                            .expect("a number");
                        lock.write((n + 1).to_string().as_bytes()).expect("write");
                    }
                });
            }
        });
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "200");
    }
}
