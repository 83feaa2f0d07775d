//! The static part of the server: the portal at `/`, each app under `/<app>/` with a
//! fallback to its `index.html` for client-side routes, and JSON data under `/data/`.
//!
//! Small files are served from memory while they are unchanged on disk
//! ([`small_files`]); larger ones and byte ranges are streamed from disk (tower-http's
//! `ServeFile`: never read whole into memory, byte ranges for video players and resumed
//! downloads). Either way the precompressed `.br`/`.gz` siblings go to clients that
//! accept them; hashed assets are cached for a year, book covers for a week, everything
//! else is revalidated with a weak ETag.

mod app_headers;
pub mod small_files;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::any;
use suite_domain::apps::is_bundle;
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::AppState;
use small_files::SmallFiles;

pub use app_headers::{early_fetches, worker_allowed};

/// What the site's handlers reach: the server's state and the in-memory copies.
#[derive(Clone)]
struct Site {
    state: AppState,
    files: Arc<SmallFiles>,
}

/// Routes for `/data/...` and everything that is not `/api`.
pub fn router(state: AppState) -> Router {
    let site = Site {
        state,
        files: Arc::default(),
    };
    Router::new()
        .route("/data/{*path}", any(serve_data))
        .fallback(serve_site)
        .with_state(site)
}

async fn serve_data(State(Site { state, files }): State<Site>, request: Request) -> Response {
    if let Some(refused) = refuse_method(request.method()) {
        return refused;
    }
    // Exactly one `/data/` goes: `/data/dataset.json` is `dataset.json`.
    let Some(rel) = request.uri().path().strip_prefix("/data/") else {
        return not_found();
    };
    let Some(segments) = clean_segments(rel) else {
        return not_found();
    };
    let path = join(&state.config.public_data_dir(), &segments);
    let cache = data_cache_control(&segments);
    serve_file_with(&files, &path, request, cache)
        .await
        .unwrap_or_else(not_found)
}

/// How long browsers keep a file under `/data/`: book covers (named by the hash of their
/// source URL and never rewritten) for a week; everything else, such as snapshots, is
/// revalidated on every use.
pub fn data_cache_control(segments: &[String]) -> Option<&'static str> {
    match segments {
        [bieblo, covers, name]
            if bieblo == "bieblo" && covers == "covers" && name.ends_with(".jpg") =>
        {
            Some("public, max-age=604800")
        }
        _ => None,
    }
}

async fn serve_site(State(Site { state, files }): State<Site>, request: Request) -> Response {
    if let Some(refused) = refuse_method(request.method()) {
        return refused;
    }
    let uri_path = request.uri().path();
    let Some(segments) = clean_segments(uri_path) else {
        return not_found();
    };
    let site = &state.config.site_dir;
    let Some(first) = segments.first() else {
        return serve_file(&files, &site.join("index.html"), request)
            .await
            .unwrap_or_else(not_found);
    };
    if is_bundle(first) && segments.len() == 1 && !uri_path.ends_with('/') {
        return Redirect::permanent(&format!("/{first}/")).into_response();
    }
    let direct = join(site, &segments);
    if is_file(&direct) {
        let allowed = worker_allowed(&segments);
        let mut response = serve_file(&files, &direct, request)
            .await
            .unwrap_or_else(not_found);
        if let Some(scope) = allowed {
            response.headers_mut().insert(
                header::HeaderName::from_static("service-worker-allowed"),
                HeaderValue::from_static(scope),
            );
        }
        return response;
    }
    let last = segments.last().map(String::as_str).unwrap_or_default();
    if is_bundle(first) && !last.contains('.') {
        // A client-side route of the app: its index.html takes it from here; under a
        // folder with a bundle of its own (the staff pages, `/<slug>/beheer/…`), that
        // bundle's index.html.
        if let Some(second) = segments.get(1) {
            let sub_index = site.join(first).join(second).join("index.html");
            if is_file(&sub_index) {
                return serve_file(&files, &sub_index, request)
                    .await
                    .unwrap_or_else(not_found);
            }
        }
        let early = match (segments.len() == 1)
            .then(|| early_fetches(first, request.uri().query()))
            .flatten()
        {
            // Only for a member who is logged in: a 401 preloaded before a login would be
            // taken by the app's calls after it.
            Some(links)
                if crate::auth::member::has_member_session(&state, request.headers()).await =>
            {
                Some(links)
            }
            _ => None,
        };
        let index = site.join(first).join("index.html");
        let mut response = serve_file(&files, &index, request)
            .await
            .unwrap_or_else(not_found);
        if let Some(links) = early.filter(|_| response.status() == StatusCode::OK)
            && let Ok(value) = HeaderValue::from_str(&links)
        {
            response.headers_mut().insert(header::LINK, value);
        }
        return response;
    }
    not_found()
}

/// A `stat` on the site's local folder takes microseconds: done in place rather than
/// through the blocking pool, as the streaming reads are.
fn is_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

fn refuse_method(method: &Method) -> Option<Response> {
    (*method != Method::GET && *method != Method::HEAD).then(|| {
        (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response()
    })
}

/// The site's answer for a path that does not exist.
pub(crate) fn not_found() -> Response {
    let body = "<!doctype html><html lang=\"nl-BE\"><title>Niet gevonden</title>\
                <h1>Deze pagina bestaat niet.</h1><p><a href=\"/\">Naar alle apps</a></p></html>";
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// Splits a URL path into safe segments; `None` for anything that could leave the
/// served folder or reach hidden files.
pub fn clean_segments(path: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    for raw in path.split('/').filter(|s| !s.is_empty()) {
        let seg = percent_decode(raw)?;
        if seg.starts_with('.') || seg.contains(['/', '\\', '\0']) || seg.contains(':') {
            return None;
        }
        out.push(seg);
    }
    Some(out)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn join(root: &Path, segments: &[String]) -> PathBuf {
    segments.iter().fold(root.to_path_buf(), |p, s| p.join(s))
}

/// Content type by file extension.
pub fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
    {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "webmanifest" => "application/manifest+json",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "epub" => "application/epub+zip",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Whether a file name carries a content hash (as trunk writes them:
/// `app-0123456789abcdef_bg.wasm`), so it can be cached for ever.
pub fn is_hashed(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit('-').next().is_some_and(|h| {
        h.len() >= 16 && h.len() != stem.len() && h.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// Serves one file, or `None` when it is not a regular file.
async fn serve_file(files: &SmallFiles, path: &Path, request: Request) -> Option<Response> {
    serve_file_with(files, path, request, None).await
}

/// Serves one file with `cache` as its `Cache-Control` (by default: a year for hashed
/// names, `no-cache` for the rest), or `None` when it is not a regular file. A small
/// file's body comes from memory; otherwise it is streamed by tower-http's `ServeFile`
/// (ranges, precompressed `.br`/`.gz` siblings); the weak ETag and the caching rules are
/// ours.
async fn serve_file_with(
    files: &SmallFiles,
    path: &Path,
    request: Request,
    cache: Option<&'static str>,
) -> Option<Response> {
    let meta = std::fs::metadata(path).ok().filter(|m| m.is_file())?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let etag = format!("W/\"{:x}-{:x}\"", meta.len(), mtime);
    let cache = cache.unwrap_or(if is_hashed(path) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    });
    let mut ours = HeaderMap::new();
    ours.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    ours.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Ok(v) = HeaderValue::from_str(&etag) {
        ours.insert(header::ETAG, v);
    }
    if if_none_match(request.headers(), &etag) {
        return Some((StatusCode::NOT_MODIFIED, ours).into_response());
    }
    let mime = content_type(path);
    if !request.headers().contains_key(header::RANGE) {
        let accept = request
            .headers()
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        if let Some(hit) = files.get(path, &meta, accept).await {
            ours.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
            ours.insert(header::ACCEPT_RANGES, HeaderValue::from_static("bytes"));
            if let Some((_, coding)) = hit.coding.suffix_and_header() {
                ours.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
            }
            return Some((StatusCode::OK, ours, hit.body).into_response());
        }
    }
    // Revalidation goes by our ETag alone: dates have whole seconds, and a snapshot
    // rewritten within the second it was read would look unchanged.
    let mut request = request;
    for stale in [
        header::IF_MODIFIED_SINCE,
        header::IF_UNMODIFIED_SINCE,
        header::IF_RANGE,
    ] {
        request.headers_mut().remove(stale);
    }
    let mime: mime::Mime = mime.parse().unwrap_or(mime::APPLICATION_OCTET_STREAM);
    let served = ServeFile::new_with_mime(path, &mime)
        .precompressed_br()
        .precompressed_gzip()
        .oneshot(request)
        .await;
    let mut response = match served {
        Ok(response) => response.map(axum::body::Body::new),
        Err(never) => match never {},
    };
    if response.status() == StatusCode::NOT_FOUND {
        return None;
    }
    response.headers_mut().remove(header::LAST_MODIFIED);
    response.headers_mut().extend(ours);
    Some(response)
}

/// Whether a request's `If-None-Match` names `etag` (or `*`): the copy it has is current.
pub(crate) fn if_none_match(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_refuse_traversal_and_hidden_files() {
        let ok = |p: &str, expected: &[&str]| {
            assert_eq!(
                clean_segments(p),
                Some(expected.iter().map(|s| s.to_string()).collect()),
                "{p}"
            )
        };
        ok("/", &[]);
        ok("/bieblo/", &["bieblo"]);
        ok("/bieblo//a%20b.json", &["bieblo", "a b.json"]);
        for bad in [
            "/../etc/passwd",
            "/a/%2e%2e/b",
            "/.git/config",
            "/a/%2F/b",
            "/a%5cb",
            "/c:x",
            "/%zz",
        ] {
            assert_eq!(clean_segments(bad), None, "{bad}");
        }
    }

    #[test]
    fn hashed_names() {
        for (name, hashed) in [
            ("bieblo-7f3a9c0e1d2b4a5f_bg.wasm", true),
            ("bieblo-7f3a9c0e1d2b4a5f.js", true),
            ("style-0123456789abcdef.css", true),
            ("index.html", false),
            ("stage.png", false),
            ("0123456789abcdef0123.json", false),
            ("culture-matcher.js", false),
        ] {
            assert_eq!(is_hashed(Path::new(name)), hashed, "{name}");
        }
    }
}
