//! Hands an app's wasm to a loader script of its own: for a page whose script tag carries
//! `data-wasm-loader` (Voor de Show's `loader.js`, which shows the download's progress),
//! trunk's boot script is dropped, its wasm preload loses its `integrity` (the loader's
//! `fetch` has none, and a preload is only used by a request that matches it; with one,
//! the fetch would also wait for the whole body before it could compile or count), and
//! the loader's tag is given the built file names and the wasm's size, so the wasm is
//! downloaded once, starting as the page's head is read rather than after the loader's
//! script has arrived (a round trip later).

use std::path::Path;

use crate::run::{Failure, Result};

/// The attribute that marks the loader's `<script>` tag in an app's `index.html`.
const MARKER: &str = "data-wasm-loader";

/// Rewrites the trunk-built `html_path` (served under `public_url`) when it has a loader:
/// the loader's tag gets `data-wasm` (the wasm's URL), `data-wasm-js` (wasm-bindgen's JS)
/// and `data-wasm-bytes` (the wasm's size on disk), and trunk's inline boot script (which
/// would fetch the wasm itself) goes and its `<link rel=preload>` of the wasm becomes
/// [`preload`]. Answers whether the page had a loader; a page without one is left as it is.
pub(crate) fn hand_wasm_to_loader(html_path: &Path, public_url: &str) -> Result<bool> {
    let html = std::fs::read_to_string(html_path)
        .map_err(|e| Failure::new(format!("cannot read {}: {e}", html_path.display())))?;
    let dir = html_path.parent().unwrap_or(Path::new("."));
    let Some(out) = rewrite(&html, public_url, |file| {
        std::fs::metadata(dir.join(file)).map(|m| m.len()).ok()
    })
    .map_err(|e| Failure::new(format!("{}: {e}", html_path.display())))?
    else {
        return Ok(false);
    };
    std::fs::write(html_path, out)
        .map_err(|e| Failure::new(format!("cannot write {}: {e}", html_path.display())))?;
    Ok(true)
}

/// The page with its wasm handed to the loader, `None` when it has no loader, or what is
/// missing. `size_of` answers a built file's size by its name under `public_url`.
fn rewrite(
    html: &str,
    public_url: &str,
    size_of: impl Fn(&str) -> Option<u64>,
) -> std::result::Result<Option<String>, String> {
    let Some(marker) = html.find(MARKER) else {
        return Ok(None);
    };
    let (boot, js, wasm) = boot_script(html).ok_or(
        "the page has a wasm loader but no boot script of trunk's \
         (`import init … from '….js'` and `module_or_path: '…_bg.wasm'`) to take the names from",
    )?;
    for url in [&js, &wasm] {
        if !url.starts_with(public_url) || url.contains(['"', '<', '>', '&']) {
            return Err(format!("unexpected URL {url:?} in trunk's boot script"));
        }
    }
    let wasm_file = &wasm[public_url.len()..];
    let bytes = size_of(wasm_file).ok_or(format!("no built wasm {wasm_file}"))?;
    let tag = html[..marker]
        .rfind("<script")
        .ok_or("data-wasm-loader is not on a <script> tag")?;
    if boot.contains(&tag) {
        return Err("data-wasm-loader is on trunk's boot script, not on the loader's".into());
    }
    // Edits in page order: the attributes go in after `<script`, the rest is cut.
    let insert = tag + "<script".len();
    let attributes =
        format!(" data-wasm=\"{wasm}\" data-wasm-js=\"{js}\" data-wasm-bytes=\"{bytes}\"");
    let preload = preload(&wasm);
    let mut edits: Vec<(std::ops::Range<usize>, &str)> = vec![(insert..insert, &attributes)];
    edits.push((boot, ""));
    let preloads = wasm_preloads(html, &wasm);
    let mut preloads = preloads.into_iter();
    // The first of trunk's wasm preloads becomes ours, any other goes.
    if let Some(first) = preloads.next() {
        edits.push((first, &preload));
    }
    edits.extend(preloads.map(|cut| (cut, "")));
    edits.sort_by_key(|(range, _)| range.start);
    let mut out = String::with_capacity(html.len() + attributes.len());
    let mut at = 0;
    for (range, replacement) in edits {
        out.push_str(&html[at..range.start]);
        out.push_str(replacement);
        at = range.end;
    }
    out.push_str(&html[at..]);
    Ok(Some(out))
}

/// The preload of the wasm that `loader.js`'s `fetch(url)` uses: CORS mode with
/// same-origin credentials (`crossorigin`), as fetch's defaults, and no `integrity`.
fn preload(wasm: &str) -> String {
    format!("<link rel=preload as=fetch type=application/wasm crossorigin href=\"{wasm}\">")
}

/// Trunk's inline boot script: its byte range and the JS and wasm URLs it names.
fn boot_script(html: &str) -> Option<(std::ops::Range<usize>, String, String)> {
    let mut from = 0;
    while let Some(found) = html[from..].find("<script") {
        let start = from + found;
        let close = start + html[start..].find("</script>")?;
        let end = close + "</script>".len();
        let body = &html[start..close];
        if let (Some(js), Some(wasm)) = (
            quoted_after(body, "from '"),
            quoted_after(body, "module_or_path: '"),
        ) {
            return Some((start..end, js, wasm));
        }
        from = end;
    }
    None
}

/// The text after `prefix` up to the next `'`.
fn quoted_after(text: &str, prefix: &str) -> Option<String> {
    let start = text.find(prefix)? + prefix.len();
    let len = text[start..].find('\'')?;
    Some(text[start..start + len].to_string())
}

/// The byte ranges of the `<link>` tags that preload `wasm` (not modulepreloads of JS).
fn wasm_preloads(html: &str, wasm: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = html[from..].find("<link") {
        let start = from + found;
        let Some(len) = html[start..].find('>') else {
            break;
        };
        let end = start + len + 1;
        let tag = &html[start..end];
        if tag.contains("preload") && tag.contains(wasm) {
            out.push(start..end);
        }
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The head trunk 0.21 writes for Voor de Show (minified, before the boot script moves
    /// into a file), shortened.
    const BUILT: &str = "<html><head><link href=/voor-de-show/game-cf6a70886cd7eb69.css rel=stylesheet>\
        <script data-wasm-loader integrity=sha384-abc src=/voor-de-show/loader-0123456789abcdef.js type=module></script>\
        <script type=module>\nimport init, * as bindings from '/voor-de-show/voor-de-show-9bdf7c36457df082.js';\n\
        const wasm = await init({ module_or_path: '/voor-de-show/voor-de-show-9bdf7c36457df082_bg.wasm' });\n\
        window.wasmBindings = bindings;\n</script>\
        <link crossorigin href=/voor-de-show/voor-de-show-9bdf7c36457df082.js integrity=sha384-def rel=modulepreload>\
        <link as=fetch crossorigin href=/voor-de-show/voor-de-show-9bdf7c36457df082_bg.wasm integrity=sha384-ghi rel=preload type=application/wasm>\
        </head><body><canvas id=game></canvas></body></html>";

    fn sizes(file: &str) -> Option<u64> {
        (file == "voor-de-show-9bdf7c36457df082_bg.wasm").then_some(16_133_867)
    }

    #[test]
    fn the_loader_gets_the_names_and_trunk_fetches_nothing() {
        let out = rewrite(BUILT, "/voor-de-show/", sizes)
            .expect("rewritten")
            .expect("has a loader");
        assert!(
            out.contains(
                "<script data-wasm=\"/voor-de-show/voor-de-show-9bdf7c36457df082_bg.wasm\" \
                 data-wasm-js=\"/voor-de-show/voor-de-show-9bdf7c36457df082.js\" \
                 data-wasm-bytes=\"16133867\" data-wasm-loader integrity=sha384-abc \
                 src=/voor-de-show/loader-0123456789abcdef.js type=module></script>"
            ),
            "{out}"
        );
        assert!(!out.contains("module_or_path"), "boot script stays: {out}");
        assert!(
            out.contains(
                "<link rel=preload as=fetch type=application/wasm crossorigin \
                 href=\"/voor-de-show/voor-de-show-9bdf7c36457df082_bg.wasm\">"
            ),
            "the wasm's preload, as the loader fetches it: {out}"
        );
        assert!(
            !out.contains("sha384-ghi"),
            "the preload's integrity stays: {out}"
        );
        assert!(
            out.contains("rel=modulepreload>"),
            "the JS preload goes: {out}"
        );
        assert!(
            out.ends_with("<canvas id=game></canvas></body></html>"),
            "{out}"
        );
        assert_eq!(
            out.matches("_bg.wasm").count(),
            2,
            "the loader's and the preload: {out}"
        );
    }

    #[test]
    fn the_loader_may_come_after_the_boot_script() {
        let page = BUILT.replace(
            "<script data-wasm-loader integrity=sha384-abc src=/voor-de-show/loader-0123456789abcdef.js type=module></script>",
            "",
        ) + "<script src=/voor-de-show/loader-0123456789abcdef.js type=module data-wasm-loader></script>";
        let out = rewrite(&page, "/voor-de-show/", sizes)
            .expect("rewritten")
            .expect("has a loader");
        assert!(
            out.ends_with(
                "</html><script data-wasm=\"/voor-de-show/voor-de-show-9bdf7c36457df082_bg.wasm\" \
                 data-wasm-js=\"/voor-de-show/voor-de-show-9bdf7c36457df082.js\" \
                 data-wasm-bytes=\"16133867\" src=/voor-de-show/loader-0123456789abcdef.js \
                 type=module data-wasm-loader></script>"
            ),
            "{out}"
        );
        assert!(!out.contains("module_or_path"), "{out}");
    }

    #[test]
    fn a_page_without_a_loader_is_left_alone() {
        let page = BUILT.replace(" data-wasm-loader", "");
        assert_eq!(rewrite(&page, "/voor-de-show/", sizes), Ok(None));
    }

    #[test]
    fn what_is_missing_is_named() {
        let no_boot = BUILT.replace("module_or_path", "path");
        let err = rewrite(&no_boot, "/voor-de-show/", sizes).expect_err("no boot script");
        assert!(err.contains("no boot script"), "{err}");
        let err = rewrite(BUILT, "/voor-de-show/", |_| None).expect_err("no wasm file");
        assert!(
            err.contains("no built wasm voor-de-show-9bdf7c36457df082_bg.wasm"),
            "{err}"
        );
        let err = rewrite(BUILT, "/elders/", sizes).expect_err("another public URL");
        assert!(err.contains("unexpected URL"), "{err}");
    }
}
