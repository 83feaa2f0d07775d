//! SQLite's file as the readiness check reads it (see [`super::Db::ping`]).

use std::path::{Path, PathBuf};

use super::{DbError, SQLITE_HEADER};

/// SQLite's file as [`super::Db::ping`] checks it: through a handle opened once and kept. A
/// process that opens and closes a database file beside SQLite drops every POSIX lock
/// SQLite holds on it (closing any descriptor of a file does), so another process (a
/// backup beside the server) could take the file as its own and checkpoint or remove the
/// write-ahead log under the server's connections.
#[derive(Debug)]
pub(super) struct SqliteFile {
    path: PathBuf,
    handle: std::fs::File,
}

impl SqliteFile {
    pub(super) fn open(path: &Path) -> Result<Self, DbError> {
        let handle = std::fs::File::open(path).map_err(sqlx::Error::Io)?;
        Ok(Self {
            path: path.to_path_buf(),
            handle,
        })
    }

    /// The path still names the file the pool opened (not removed, not replaced) and
    /// that file still starts as a SQLite database.
    pub(super) fn check(&self) -> std::io::Result<()> {
        use std::os::unix::fs::{FileExt, MetadataExt};
        let named = std::fs::metadata(&self.path)?;
        let held = self.handle.metadata()?;
        if (named.dev(), named.ino()) != (held.dev(), held.ino()) {
            return Err(std::io::Error::other(format!(
                "{} was replaced",
                self.path.display()
            )));
        }
        let mut header = [0u8; 16];
        self.handle.read_exact_at(&mut header, 0)?;
        if &header == SQLITE_HEADER {
            Ok(())
        } else {
            Err(std::io::Error::other(format!(
                "{} is not a SQLite database",
                self.path.display()
            )))
        }
    }
}
