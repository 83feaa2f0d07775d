//! Assembling `target/site`: the portal, each app built by trunk, inline scripts
//! moved into files (the CSP allows no inline script), and brotli + gzip variants.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::run::{Failure, Result, root};

/// Where the built site goes; the server serves it.
pub(crate) fn site_dir() -> PathBuf {
    root().join("target/site")
}

fn io(what: &str, path: &Path) -> impl FnOnce(std::io::Error) -> Failure {
    let context = format!("cannot {what} {}", path.display());
    move |e| Failure::new(format!("{context}: {e}"))
}

/// Every file under `dir`, recursively, sorted.
pub(crate) fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// A fingerprint of an app's inputs (paths, sizes, modification times): when it
/// has not changed since the last build, the build is skipped.
pub(crate) fn fingerprint(inputs: &[PathBuf]) -> String {
    let mut hasher = DefaultHasher::new();
    for input in inputs {
        let files = if input.is_dir() {
            files_under(input)
        } else {
            vec![input.clone()]
        };
        for file in files {
            if let Ok(meta) = std::fs::metadata(&file) {
                file.hash(&mut hasher);
                meta.len().hash(&mut hasher);
                meta.modified().ok().hash(&mut hasher);
            }
        }
    }
    format!("{:016x}", hasher.finish())
}

/// Copies the portal (root `index.html` and `portal/`) into the site.
pub(crate) fn copy_portal() -> Result {
    let site = site_dir();
    std::fs::create_dir_all(&site).map_err(io("create", &site))?;
    let src = root().join("index.html");
    std::fs::copy(&src, site.join("index.html")).map_err(io("copy", &src))?;
    let portal = root().join("portal");
    for file in files_under(&portal) {
        let rel = file
            .strip_prefix(&portal)
            .map_err(|_| Failure::new("bad portal path"))?;
        let dest = site.join("portal").join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(io("create", parent))?;
        }
        std::fs::copy(&file, &dest).map_err(io("copy", &file))?;
    }
    Ok(())
}

/// Moves each inline `<script>` of an HTML file into its own content-hashed file under
/// `public_url`, so the page runs under `script-src 'self'`.
pub(crate) fn externalise_inline_scripts(html_path: &Path, public_url: &str) -> Result {
    let html = std::fs::read_to_string(html_path).map_err(io("read", html_path))?;
    let dir = html_path.parent().unwrap_or(Path::new("."));
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(start) = rest.find("<script") {
        let (before, from_tag) = rest.split_at(start);
        out.push_str(before);
        let Some(tag_end) = from_tag.find('>') else {
            break;
        };
        let tag = &from_tag[..=tag_end];
        let Some(close) = from_tag.find("</script>") else {
            break;
        };
        let body = &from_tag[tag_end + 1..close];
        if tag.contains(" src=") || body.trim().is_empty() {
            out.push_str(&from_tag[..close + "</script>".len()]);
        } else {
            let mut hasher = DefaultHasher::new();
            body.hash(&mut hasher);
            let name = format!("boot-{:016x}.js", hasher.finish());
            std::fs::write(dir.join(&name), body.trim()).map_err(io("write", &dir.join(&name)))?;
            let tag_open = tag.trim_end_matches('>');
            out.push_str(&format!("{tag_open} src=\"{public_url}{name}\"></script>"));
        }
        rest = &from_tag[close + "</script>".len()..];
    }
    out.push_str(rest);
    std::fs::write(html_path, out).map_err(io("write", html_path))
}

fn compressible(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("wasm" | "js" | "css" | "html" | "json" | "svg" | "txt" | "xml")
    )
}

/// Writes `.br` (quality 11) and `.gz` (level 9) beside every compressible file, on as
/// many threads as there are cores, the largest files first.
pub(crate) fn compress_dir(dir: &Path) -> Result {
    let mut files: Vec<(u64, PathBuf)> = files_under(dir)
        .into_iter()
        .filter(|f| compressible(f))
        .map(|f| (std::fs::metadata(&f).map(|m| m.len()).unwrap_or(0), f))
        .collect();
    files.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let jobs: Vec<(&Path, Encoding)> = files
        .iter()
        .flat_map(|(_, f)| {
            [
                (f.as_path(), Encoding::Brotli),
                (f.as_path(), Encoding::Gzip),
            ]
        })
        .collect();
    let next = AtomicUsize::new(0);
    let failure: Mutex<Option<Failure>> = Mutex::new(None);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..workers.min(jobs.len()) {
            scope.spawn(|| {
                while let Some((file, encoding)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                    if let Err(e) = encoding.write_beside(file) {
                        failure
                            .lock()
                            .unwrap_or_else(|p| p.into_inner())
                            .get_or_insert(e);
                        return;
                    }
                }
            });
        }
    });
    match failure.into_inner().unwrap_or_else(|p| p.into_inner()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

#[derive(Clone, Copy)]
enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// Compresses `file` into `<file>.br` or `<file>.gz`.
    fn write_beside(self, file: &Path) -> Result {
        let data = std::fs::read(file).map_err(io("read", file))?;
        let (packed, suffix) = match self {
            Encoding::Brotli => (xtask_compress::brotli(&data), ".br"),
            Encoding::Gzip => (xtask_compress::gzip(&data), ".gz"),
        };
        let packed = packed.map_err(io("compress", file))?;
        let mut target = file.as_os_str().to_os_string();
        target.push(suffix);
        let target = PathBuf::from(target);
        std::fs::write(&target, packed).map_err(io("write", &target))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_move_to_files_and_others_stay() {
        let dir = std::env::temp_dir().join(format!("xtask-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let html = dir.join("index.html");
        let page = "<html><head><script type=\"module\" src=\"/a.js\"></script>\
                    <script type=\"module\">\nimport init from '/app.js';\ninit();\n</script></head></html>";
        std::fs::write(&html, page).expect("write");
        externalise_inline_scripts(&html, "/bieblo/").expect("externalise");
        let out = std::fs::read_to_string(&html).expect("read");
        assert!(
            out.contains("<script type=\"module\" src=\"/a.js\"></script>"),
            "{out}"
        );
        assert!(!out.contains("init();"), "{out}");
        let boot = files_under(&dir)
            .into_iter()
            .find(|p| p.to_string_lossy().contains("boot-"))
            .expect("boot file");
        assert_eq!(
            std::fs::read_to_string(&boot).expect("read"),
            "import init from '/app.js';\ninit();"
        );
        let name = boot.file_name().and_then(|n| n.to_str()).expect("name");
        assert!(
            out.contains(&format!(
                "<script type=\"module\" src=\"/bieblo/{name}\"></script>"
            )),
            "{out}"
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn fingerprint_changes_with_content() {
        let dir = std::env::temp_dir().join(format!("xtask-fp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        std::fs::write(dir.join("a.rs"), "one").expect("write");
        let before = fingerprint(std::slice::from_ref(&dir));
        assert_eq!(before, fingerprint(std::slice::from_ref(&dir)));
        std::fs::write(dir.join("a.rs"), "three").expect("write");
        assert_ne!(before, fingerprint(std::slice::from_ref(&dir)));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn compress_dir_writes_both_encodings_beside_text_files_only() {
        let dir = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).expect("temp dir");
        let page = "<p>Welkom in de bib</p>\n".repeat(500);
        std::fs::write(dir.join("index.html"), &page).expect("write");
        std::fs::write(dir.join("sub/app.js"), "export const x = 1;\n").expect("write");
        std::fs::write(dir.join("cover.png"), [0x89, b'P', b'N', b'G']).expect("write");
        compress_dir(&dir).expect("compress");
        for file in ["index.html", "sub/app.js"] {
            let gz = std::fs::read(dir.join(format!("{file}.gz"))).expect("gz written");
            assert_eq!(gz[..2], [0x1f, 0x8b], "{file}.gz is gzip");
            let br = std::fs::read(dir.join(format!("{file}.br"))).expect("br written");
            assert!(!br.is_empty(), "{file}.br");
        }
        let html_br = std::fs::metadata(dir.join("index.html.br"))
            .expect("br")
            .len();
        assert!(html_br * 20 < page.len() as u64, "{html_br} bytes");
        assert!(!dir.join("cover.png.br").exists());
        assert!(!dir.join("cover.png.gz").exists());
        std::fs::remove_dir_all(&dir).ok();
    }
}
