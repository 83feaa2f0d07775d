//! A static export (`static-api export`, which `cargo xtask export <dir>` runs): the built
//! portal and public apps with their precompressed files, and the published data
//! (`public/` as `data/`), as plain files any static host or CDN serves. The apps then
//! ask `/api` of the instances named by `--api-base`, which the export writes into every
//! page as `<meta name="suite-api" content="…">` (`suite_ui::api::url` reads it); the
//! instances let the static host's origin call them with `--allow-origin`.
//!
//! The staff back-offices (`<app>/beheer/`) are left out: a staff session is a
//! `SameSite=Strict` cookie of the instances' own site, so staff work there. The data is
//! a copy: what is published after the export reaches the static host with the next one.

use std::path::{Path, PathBuf};

/// The folder of a staff back-office bundle, left out of an export.
const BACK_OFFICE: &str = "beheer";

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Pages that got the API's base URL.
    pub pages: usize,
    /// Files written, pages included.
    pub files: usize,
    pub bytes: u64,
}

/// Why an export stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("no built site in {0} (index.html is missing): run `cargo xtask build` first")]
    NoSite(String),
    #[error("{0} is not empty: export into a new or empty folder")]
    NotEmpty(String),
    #[error("{0} has no <head> or <html> to put the API's address in")]
    NoHead(String),
}

fn io(what: &Path) -> impl FnOnce(std::io::Error) -> ExportError + '_ {
    move |e| ExportError::Io(what.display().to_string(), e)
}

/// `page` with `<meta name="suite-api" content="api_base">` first in its head: after
/// `<head>`, or after the `<html …>` tag of a minified page that leaves the optional
/// `<head>` out (trunk's pages); `None` when it has neither.
pub fn with_api_base(page: &str, api_base: &str) -> Option<String> {
    let lower = page.to_ascii_lowercase();
    let at = match lower.find("<head>") {
        Some(head) => head + "<head>".len(),
        None => {
            let html = lower.find("<html")?;
            html + lower[html..].find('>')? + 1
        }
    };
    let content = api_base
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    Some(format!(
        "{}<meta name=\"suite-api\" content=\"{content}\">{}",
        &page[..at],
        &page[at..]
    ))
}

/// Writes the export of `site_dir` and `public_dir` into `output` (new or empty), with
/// `api_base` (an origin such as `https://suite.example.org`; empty: the same origin as
/// the pages) in every page.
pub fn export(
    site_dir: &Path,
    public_dir: &Path,
    output: &Path,
    api_base: &str,
) -> Result<ExportReport, ExportError> {
    if !site_dir.join("index.html").is_file() {
        return Err(ExportError::NoSite(site_dir.display().to_string()));
    }
    if output.exists()
        && std::fs::read_dir(output)
            .map_err(io(output))?
            .next()
            .is_some()
    {
        return Err(ExportError::NotEmpty(output.display().to_string()));
    }
    let mut report = ExportReport::default();
    copy_site(site_dir, output, api_base, &mut report)?;
    if public_dir.is_dir() {
        copy_tree(public_dir, &output.join("data"), &mut report)?;
    }
    Ok(report)
}

/// Files of `dir`, sorted, without hidden ones (temporary and lock files).
fn entries(dir: &Path) -> Result<Vec<PathBuf>, ExportError> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io(dir))?
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    paths.sort();
    Ok(paths)
}

fn copy_site(
    dir: &Path,
    out: &Path,
    api_base: &str,
    report: &mut ExportReport,
) -> Result<(), ExportError> {
    std::fs::create_dir_all(out).map_err(io(out))?;
    for path in entries(dir)? {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let target = out.join(&name);
        if path.is_dir() {
            if name != BACK_OFFICE {
                copy_site(&path, &target, api_base, report)?;
            }
        } else if name.ends_with(".html") && !api_base.is_empty() {
            let page = std::fs::read_to_string(&path).map_err(io(&path))?;
            let page = with_api_base(&page, api_base)
                .ok_or_else(|| ExportError::NoHead(path.display().to_string()))?;
            std::fs::write(&target, &page).map_err(io(&target))?;
            report.pages += 1;
            report.files += 1;
            report.bytes += page.len() as u64;
        } else if api_base.is_empty() || !(name.ends_with(".html.br") || name.ends_with(".html.gz"))
        {
            // A changed page's precompressed siblings would be stale: they stay out.
            report.bytes += std::fs::copy(&path, &target).map_err(io(&target))?;
            report.files += 1;
        }
    }
    Ok(())
}

fn copy_tree(dir: &Path, out: &Path, report: &mut ExportReport) -> Result<(), ExportError> {
    std::fs::create_dir_all(out).map_err(io(out))?;
    for path in entries(dir)? {
        let target = out.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_tree(&path, &target, report)?;
        } else if path.is_file() {
            report.bytes += std::fs::copy(&path, &target).map_err(io(&target))?;
            report.files += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_api_base_goes_first_in_the_head() {
        let page = "<!DOCTYPE html><HTML><HEAD><title>x</title></HEAD></HTML>";
        assert_eq!(
            with_api_base(page, "https://suite.example.org").as_deref(),
            Some(
                "<!DOCTYPE html><HTML><HEAD><meta name=\"suite-api\" content=\"https://suite.example.org\"><title>x</title></HEAD></HTML>"
            )
        );
        assert!(
            with_api_base("<head>", "a\"><script>")
                .is_some_and(|p| p.contains("a&quot;>&lt;script>"))
        );
        assert_eq!(
            with_api_base(
                "<!doctype html><html lang=nl-BE><meta charset=utf-8>",
                "https://a.be"
            )
            .as_deref(),
            Some(
                "<!doctype html><html lang=nl-BE><meta name=\"suite-api\" content=\"https://a.be\"><meta charset=utf-8>"
            )
        );
        assert_eq!(with_api_base("<p>no head</p>", "https://a.be"), None);
    }

    #[test]
    fn exports_pages_files_and_data_without_back_offices() {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        let write = |path: &Path, text: &str| {
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
            std::fs::write(path, text).expect("write");
        };
        write(&site.join("index.html"), "<html><head></head></html>");
        write(&site.join("index.html.br"), "stale");
        write(
            &site.join("bieblo/index.html"),
            "<html><head></head></html>",
        );
        write(&site.join("bieblo/app.wasm"), "wasm");
        write(&site.join("bieblo/app.wasm.br"), "br");
        write(
            &site.join("bieblo/beheer/index.html"),
            "<html><head></head></html>",
        );
        let public = dir.path().join("public");
        write(&public.join("bieblo/demo.json"), "{}");
        write(&public.join("bieblo/.demo.json.lock"), "");
        let out = dir.path().join("out");
        let report = export(&site, &public, &out, "https://suite.example.org").expect("export");
        assert_eq!(report.pages, 2);
        let page = std::fs::read_to_string(out.join("bieblo/index.html")).expect("page");
        assert!(page.contains("content=\"https://suite.example.org\""));
        assert!(out.join("bieblo/app.wasm.br").is_file());
        assert!(!out.join("index.html.br").exists(), "a stale variant");
        assert!(!out.join("bieblo/beheer").exists());
        assert!(out.join("data/bieblo/demo.json").is_file());
        assert!(!out.join("data/bieblo/.demo.json.lock").exists());
        // Not into a folder that holds something.
        let again = export(&site, &public, &out, "");
        assert!(matches!(again, Err(ExportError::NotEmpty(_))), "{again:?}");
        let none = export(
            &dir.path().join("nothing"),
            &public,
            &dir.path().join("o2"),
            "",
        );
        assert!(matches!(none, Err(ExportError::NoSite(_))), "{none:?}");
    }
}
