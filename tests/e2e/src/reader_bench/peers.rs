//! The reader bench's peers: foliate-js and epub.js installed from npm into
//! `tests/e2e/bench/node_modules` (pinned by its `package.json` and lockfile, ignored by git;
//! bench only, never shipped), and a loopback server for their contract pages, the packages
//! and the book. It answers brotli when asked (as the suite's server sends its own files),
//! never lets a response be cached, and notes every script it sends.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::Result;

/// The packages and versions `package.json` pins (checked before `npm ci` is skipped).
pub const PINNED: [(&str, &str); 3] = [
    ("foliate-js", "1.0.1"),
    ("epubjs", "0.3.93"),
    ("jszip", "3.10.1"),
];

/// Installs the pinned peers with `npm ci` (from the lockfile, no install scripts) unless
/// they are in place.
pub fn install(dir: &Path) -> Result<()> {
    let installed = PINNED.iter().all(|(name, version)| {
        std::fs::read_to_string(dir.join("node_modules").join(name).join("package.json"))
            .is_ok_and(|p| p.contains(&format!("\"version\": \"{version}\"")))
    });
    if installed {
        return Ok(());
    }
    eprintln!("installing the reader bench's peers with npm ci …");
    let out = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        .current_dir(dir)
        .output()
        .map_err(|e| {
            format!(
                "cannot run npm (apt-get install npm; `cargo xtask setup` installs Node.js): {e}"
            )
        })?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "npm ci in {} failed: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

struct Files {
    dir: PathBuf,
    book: PathBuf,
    brotli: Mutex<HashMap<PathBuf, Arc<Vec<u8>>>>,
    scripts: Mutex<BTreeSet<String>>,
}

/// The peers' server on a free loopback port; stopped when dropped.
pub struct PeerServer {
    pub base: String,
    files: Arc<Files>,
    task: tokio::task::JoinHandle<()>,
}

impl PeerServer {
    /// Serves `dir` at `/` and `book` at `/book.epub`.
    pub async fn start(dir: PathBuf, book: PathBuf) -> Result<PeerServer> {
        let files = Arc::new(Files {
            dir,
            book,
            brotli: Mutex::default(),
            scripts: Mutex::default(),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("bind: {e}"))?;
        let addr = listener.local_addr().map_err(|e| format!("addr: {e}"))?;
        let app = Router::new().fallback(serve).with_state(files.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(PeerServer {
            base: format!("http://{addr}"),
            files,
            task,
        })
    }

    /// The package scripts sent so far (paths under `/node_modules/`), and forgets them.
    pub fn take_scripts(&self) -> Vec<String> {
        let mut scripts = self.files.scripts.lock().unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *scripts).into_iter().collect()
    }

    /// The file a path of the server names.
    pub fn file(&self, path: &str) -> Option<PathBuf> {
        file_of(&self.files, path)
    }
}

impl Drop for PeerServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn file_of(files: &Files, path: &str) -> Option<PathBuf> {
    if path == "/book.epub" {
        return Some(files.book.clone());
    }
    let relative = Path::new(path.trim_start_matches('/'));
    relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
        .then(|| files.dir.join(relative))
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript",
        "css" => "text/css",
        "json" | "map" => "application/json",
        "epub" => "application/epub+zip",
        _ => "application/octet-stream",
    }
}

async fn serve(State(files): State<Arc<Files>>, headers: HeaderMap, uri: Uri) -> Response {
    let Some(file) = file_of(&files, uri.path()) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let Ok(bytes) = tokio::fs::read(&file).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let kind = content_type(&file);
    if kind == "text/javascript" && uri.path().starts_with("/node_modules/") {
        let mut scripts = files.scripts.lock().unwrap_or_else(|p| p.into_inner());
        scripts.insert(uri.path().to_string());
    }
    let wants_br = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("br"));
    let compressed = if wants_br && kind != "application/epub+zip" {
        brotli_of(&files, &file, &bytes)
    } else {
        None
    };
    let mut response = match compressed {
        Some(body) => {
            let mut response = body.as_ref().clone().into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static("br"));
            response
        }
        None => bytes.into_response(),
    };
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The file's brotli (quality 11, as the suite's own files), made once.
fn brotli_of(files: &Files, file: &Path, bytes: &[u8]) -> Option<Arc<Vec<u8>>> {
    let mut memo = files.brotli.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(body) = memo.get(file) {
        return Some(body.clone());
    }
    let body = Arc::new(xtask_compress::brotli(bytes).ok()?);
    memo.insert(file.to_path_buf(), body.clone());
    Some(body)
}
