//! Small files of the site kept in memory: the portal page, each app's `index.html`,
//! published snapshots. Streaming them from disk costs a trip through the blocking
//! thread pool for every open, read and sibling lookup; a file of a few kilobytes is
//! served far faster from a copy.
//!
//! A copy is only used while the file on disk still has the length and modification
//! time it had when it was read (checked with one `stat` per request, and one more for
//! a precompressed sibling), so a rebuilt site or a republished snapshot is served at
//! once. Files over [`MAX_FILE`] and requests for byte ranges are streamed as before;
//! the copies together stay under [`MAX_TOTAL`].

use std::collections::HashMap;
use std::fs::Metadata;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use axum::body::Bytes;

use crate::publish::Stamp;

/// The largest file kept in memory.
pub const MAX_FILE: u64 = 256 * 1024;
/// All copies together, in bytes.
pub const MAX_TOTAL: usize = 64 * 1024 * 1024;
/// At most this many files (empty files weigh nothing but still take an entry).
const MAX_ENTRIES: usize = 20_000;

/// How a body is encoded: as is, or one of the precompressed siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Identity,
    Brotli,
    Gzip,
}

impl Coding {
    /// The sibling's suffix and the `Content-Encoding` of the answer.
    pub fn suffix_and_header(self) -> Option<(&'static str, &'static str)> {
        match self {
            Coding::Identity => None,
            Coding::Brotli => Some((".br", "br")),
            Coding::Gzip => Some((".gz", "gzip")),
        }
    }
}

#[derive(Debug)]
struct Copy {
    stamp: Stamp,
    body: Bytes,
}

/// One file and the siblings it had when read.
#[derive(Debug, Default)]
struct Entry {
    plain: Option<Copy>,
    br: Option<Copy>,
    gz: Option<Copy>,
}

impl Entry {
    fn slot(&mut self, coding: Coding) -> &mut Option<Copy> {
        match coding {
            Coding::Identity => &mut self.plain,
            Coding::Brotli => &mut self.br,
            Coding::Gzip => &mut self.gz,
        }
    }

    fn weight(&self) -> usize {
        [&self.plain, &self.br, &self.gz]
            .into_iter()
            .flatten()
            .map(|c| c.body.len())
            .sum()
    }
}

/// The in-memory copies, shared by every request.
#[derive(Debug, Default)]
pub struct SmallFiles {
    inner: Mutex<Inner>,
}

#[derive(Debug, Default)]
struct Inner {
    entries: HashMap<PathBuf, Entry>,
    bytes: usize,
}

/// What to send: the body in its coding.
#[derive(Debug, Clone)]
pub struct Hit {
    pub coding: Coding,
    pub body: Bytes,
}

impl SmallFiles {
    /// The body of `path` (whose current metadata is `meta`) in the best coding the client
    /// accepts, from memory or read now; `None` when the file is too large or changed
    /// while it was read (the caller streams it instead).
    pub async fn get(&self, path: &Path, meta: &Metadata, accept: &str) -> Option<Hit> {
        if meta.len() > MAX_FILE {
            return None;
        }
        for coding in [Coding::Brotli, Coding::Gzip] {
            if !accepts(accept, coding) {
                continue;
            }
            let sibling = sibling(path, coding);
            let Ok(sibling_meta) = std::fs::metadata(&sibling) else {
                continue;
            };
            if !sibling_meta.is_file() || sibling_meta.len() > MAX_FILE {
                continue;
            }
            if let Some(body) = self.body(path, coding, &sibling, &sibling_meta).await {
                return Some(Hit { coding, body });
            }
        }
        let body = self.body(path, Coding::Identity, path, meta).await?;
        Some(Hit {
            coding: Coding::Identity,
            body,
        })
    }

    /// The copy of `file` (`path` itself or its sibling for `coding`), read again when
    /// its stamp no longer matches `meta`.
    async fn body(
        &self,
        path: &Path,
        coding: Coding,
        file: &Path,
        meta: &Metadata,
    ) -> Option<Bytes> {
        let stamp = Stamp::of(meta);
        {
            let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(copy) = inner
                .entries
                .get_mut(path)
                .and_then(|e| e.slot(coding).as_ref())
                && copy.stamp == stamp
            {
                return Some(copy.body.clone());
            }
        }
        let body = Bytes::from(tokio::fs::read(file).await.ok()?);
        // Rewritten while it was read: serve nothing from memory this time.
        let after = Stamp::of(&std::fs::metadata(file).ok()?);
        if after != stamp || body.len() as u64 != stamp.bytes() {
            return None;
        }
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let Inner { entries, bytes } = &mut *inner;
        if !entries.contains_key(path) && entries.len() >= MAX_ENTRIES {
            return Some(body);
        }
        let entry = entries.entry(path.to_path_buf()).or_default();
        let before = entry.weight();
        let old = entry.slot(coding).take();
        let old_len = old.as_ref().map_or(0, |c| c.body.len());
        if *bytes - old_len + body.len() > MAX_TOTAL {
            *bytes -= before;
            entries.remove(path);
            return Some(body);
        }
        *entry.slot(coding) = Some(Copy {
            stamp,
            body: body.clone(),
        });
        *bytes = *bytes - old_len + body.len();
        Some(body)
    }

    /// Bytes held, for tests.
    pub fn bytes(&self) -> usize {
        self.inner.lock().unwrap_or_else(|p| p.into_inner()).bytes
    }
}

fn sibling(path: &Path, coding: Coding) -> PathBuf {
    let (suffix, _) = coding.suffix_and_header().unwrap_or(("", ""));
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether an `Accept-Encoding` value takes `coding`: named (or `*`) with a non-zero
/// quality; a name wins over `*`.
pub fn accepts(accept: &str, coding: Coding) -> bool {
    let Some((_, wanted)) = coding.suffix_and_header() else {
        return true;
    };
    let mut star = None;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or_default().trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .filter_map(|q| q.trim().parse::<f32>().ok())
            .next()
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(wanted) {
            return quality > 0.0;
        }
        if name == "*" {
            star = Some(quality > 0.0);
        }
    }
    star.unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_qualities() {
        use Coding::*;
        assert!(accepts("gzip, deflate, br", Brotli));
        assert!(accepts("gzip, deflate, br", Gzip));
        assert!(!accepts("gzip", Brotli));
        assert!(!accepts("br;q=0, gzip", Brotli));
        assert!(accepts("BR;q=0.5", Brotli));
        assert!(accepts("*", Gzip));
        assert!(!accepts("*, gzip;q=0", Gzip));
        assert!(!accepts("", Gzip));
        assert!(accepts("", Identity));
    }

    fn meta(path: &Path) -> Metadata {
        std::fs::metadata(path).expect("stat")
    }

    #[tokio::test]
    async fn a_rewritten_file_is_read_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("index.html");
        std::fs::write(&file, "one").expect("write");
        let files = SmallFiles::default();
        let hit = files
            .get(&file, &meta(&file), "")
            .await
            .expect("served from memory");
        assert_eq!((hit.coding, &hit.body[..]), (Coding::Identity, &b"one"[..]));
        assert_eq!(files.bytes(), 3);
        std::fs::write(&file, "second").expect("write");
        let hit = files
            .get(&file, &meta(&file), "")
            .await
            .expect("served from memory");
        assert_eq!(&hit.body[..], b"second");
        assert_eq!(files.bytes(), 6);
        // Same length, at once, by a rename as snapshots are published.
        crate::publish::write_atomically(&file, b"third!").expect("publish");
        let hit = files
            .get(&file, &meta(&file), "")
            .await
            .expect("served from memory");
        assert_eq!(&hit.body[..], b"third!");
    }

    #[tokio::test]
    async fn the_best_accepted_sibling_and_its_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("app.js");
        std::fs::write(&file, "plain").expect("write");
        std::fs::write(dir.path().join("app.js.gz"), "gz").expect("write");
        let files = SmallFiles::default();
        let get = |accept: &'static str| {
            let files = &files;
            let file = file.clone();
            async move {
                let hit = files
                    .get(&file, &meta(&file), accept)
                    .await
                    .expect("served from memory");
                (
                    hit.coding,
                    String::from_utf8(hit.body.to_vec()).expect("text"),
                )
            }
        };
        assert_eq!(get("br, gzip").await, (Coding::Gzip, "gz".into()));
        assert_eq!(get("br").await, (Coding::Identity, "plain".into()));
        std::fs::write(dir.path().join("app.js.br"), "brotli").expect("write");
        assert_eq!(get("br, gzip").await, (Coding::Brotli, "brotli".into()));
        std::fs::write(dir.path().join("app.js.br"), "brotli 2").expect("write");
        assert_eq!(get("br").await, (Coding::Brotli, "brotli 2".into()));
        assert_eq!(files.bytes(), "plain".len() + "gz".len() + "brotli 2".len());
    }

    #[tokio::test]
    async fn large_files_are_left_on_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("trailer.mp4");
        std::fs::write(&file, vec![0u8; MAX_FILE as usize + 1]).expect("write");
        let files = SmallFiles::default();
        assert!(files.get(&file, &meta(&file), "").await.is_none());
        assert_eq!(files.bytes(), 0);
    }
}
