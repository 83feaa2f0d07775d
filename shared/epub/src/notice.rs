//! A copy of a book with one page of our own put first in its reading order (the loan's
//! end for a book downloaded to an e-reader device): every entry copied as it is, the
//! page added beside the package document, and the package document given the page in
//! its manifest and at the head of its spine. The copy opens as the book did.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use crate::book::Book;
use crate::error::{EpubError, Place};
use crate::limits::MAX_ENTRY_SIZE;
use crate::path;

/// The page to put first: its language, heading and paragraphs (plain text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoticePage<'a> {
    pub lang: &'a str,
    pub heading: &'a str,
    pub lines: &'a [String],
}

/// `&`, `<`, `>` and quotes written as XML entities.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn page_xhtml(page: &NoticePage<'_>) -> String {
    let lang = escape(page.lang);
    let heading = escape(page.heading);
    let lines: String = page
        .lines
        .iter()
        .map(|line| format!("    <p>{}</p>\n", escape(line)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <html xmlns=\"http://www.w3.org/1999/xhtml\" xml:lang=\"{lang}\" lang=\"{lang}\">\n\
         <head><title>{heading}</title></head>\n\
         <body>\n    <h1>{heading}</h1>\n{lines}</body>\n</html>\n"
    )
}

/// Where `name` (`manifest`, `spine`) opens or closes in `opf`: the byte offset of the
/// tag and the namespace prefix written with it (`opf:` or none).
fn tag(opf: &str, name: &str, closing: bool) -> Option<(usize, String)> {
    let start = if closing { "</" } else { "<" };
    let mut from = 0;
    while let Some(found) = opf[from..].find(start) {
        let at = from + found;
        let rest = &opf[at + start.len()..];
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let qualified = &rest[..end];
        let (prefix, local) = match qualified.rsplit_once(':') {
            Some((p, l)) => (format!("{p}:"), l),
            None => (String::new(), qualified),
        };
        if local == name {
            return Some((at, prefix));
        }
        from = at + start.len();
    }
    None
}

/// The package document with the page's item in its manifest and its itemref first in
/// its spine.
fn with_page_in_package(opf: &str, id: &str, href: &str) -> Option<String> {
    let (manifest_end, prefix) = tag(opf, "manifest", true)?;
    let (spine_at, spine_prefix) = tag(opf, "spine", false)?;
    let spine_open_end = spine_at + opf[spine_at..].find('>')? + 1;
    if opf[..spine_open_end].ends_with("/>") {
        return None;
    }
    let item = format!(
        "<{prefix}item id=\"{id}\" href=\"{href}\" media-type=\"application/xhtml+xml\"/>\n"
    );
    let itemref = format!("<{spine_prefix}itemref idref=\"{id}\"/>");
    let mut out = String::with_capacity(opf.len() + item.len() + itemref.len());
    if manifest_end < spine_open_end {
        out.push_str(&opf[..manifest_end]);
        out.push_str(&item);
        out.push_str(&opf[manifest_end..spine_open_end]);
        out.push_str(&itemref);
        out.push_str(&opf[spine_open_end..]);
    } else {
        out.push_str(&opf[..spine_open_end]);
        out.push_str(&itemref);
        out.push_str(&opf[spine_open_end..manifest_end]);
        out.push_str(&item);
        out.push_str(&opf[manifest_end..]);
    }
    Some(out)
}

impl Book {
    /// This book as an EPUB whose first page in reading order is `page`.
    pub fn with_notice_page(&self, page: &NoticePage<'_>) -> Result<Vec<u8>, EpubError> {
        let package_path = self.package.path.clone();
        let folder = path::folder_of(&package_path).to_string();
        let taken = |id: &str, file: &str| {
            self.package.item(id).is_some() || self.entries().any(|e| e == file)
        };
        let (id, name) = (0..)
            .map(|n| {
                let id = if n == 0 {
                    "suite-loan-notice".to_string()
                } else {
                    format!("suite-loan-notice-{n}")
                };
                let name = format!("{id}.xhtml");
                (id, name)
            })
            .find(|(id, name)| !taken(id, &format!("{folder}{name}")))
            .unwrap_or_default();
        let opf_bytes = self.resource(&package_path)?;
        let opf = String::from_utf8(opf_bytes).map_err(|_| EpubError::NotText {
            entry: package_path.clone(),
        })?;
        let changed =
            with_page_in_package(&opf, &id, &name).ok_or_else(|| EpubError::MissingElement {
                place: Place::new(&package_path, None),
                element: "manifest and spine",
            })?;
        let corrupt = |e: &dyn std::fmt::Display| EpubError::EntryCorrupt {
            entry: "(copy)".into(),
            reason: e.to_string(),
        };
        let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
        writer
            .start_file("mimetype", stored)
            .map_err(|e| corrupt(&e))?;
        writer
            .write_all(crate::archive::EPUB_MEDIA_TYPE.as_bytes())
            .map_err(|e| corrupt(&e))?;
        let names: Vec<String> = self.entries().map(str::to_string).collect();
        for entry in names.iter().filter(|n| n.as_str() != "mimetype") {
            if entry.ends_with('/') {
                writer
                    .add_directory(entry.as_str(), deflated)
                    .map_err(|e| corrupt(&e))?;
                continue;
            }
            let bytes = if *entry == package_path {
                changed.clone().into_bytes()
            } else {
                self.archive_read(entry, MAX_ENTRY_SIZE)?
            };
            writer
                .start_file(entry.as_str(), deflated)
                .map_err(|e| corrupt(&e))?;
            writer.write_all(&bytes).map_err(|e| corrupt(&e))?;
        }
        writer
            .start_file(format!("{folder}{name}"), deflated)
            .map_err(|e| corrupt(&e))?;
        writer
            .write_all(page_xhtml(page).as_bytes())
            .map_err(|e| corrupt(&e))?;
        Ok(writer.finish().map_err(|e| corrupt(&e))?.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_goes_into_the_manifest_and_first_in_the_spine() {
        let opf = r#"<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine toc="ncx"><itemref idref="a"/></spine></package>"#;
        let out = with_page_in_package(opf, "n", "n.xhtml").expect("changed");
        assert_eq!(
            out,
            r#"<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="n" href="n.xhtml" media-type="application/xhtml+xml"/>
</manifest><spine toc="ncx"><itemref idref="n"/><itemref idref="a"/></spine></package>"#
        );
        let prefixed = r#"<opf:package><opf:spine><opf:itemref idref="a"/></opf:spine><opf:manifest></opf:manifest></opf:package>"#;
        let out = with_page_in_package(prefixed, "n", "n.xhtml").expect("changed");
        assert!(
            out.contains(r#"<opf:spine><opf:itemref idref="n"/><opf:itemref idref="a"/>"#),
            "{out}"
        );
        assert!(
            out.contains(
                r#"<opf:item id="n" href="n.xhtml" media-type="application/xhtml+xml"/>
</opf:manifest>"#
            ),
            "{out}"
        );
        assert_eq!(
            with_page_in_package("<package><spine/></package>", "n", "n.xhtml"),
            None
        );
    }

    #[test]
    fn text_is_escaped() {
        let lines = vec!["Tom & Jerry <3".to_string()];
        let page = page_xhtml(&NoticePage {
            lang: "nl\"",
            heading: "Tot 'morgen'",
            lines: &lines,
        });
        assert!(page.contains("<p>Tom &amp; Jerry &lt;3</p>"), "{page}");
        assert!(page.contains("xml:lang=\"nl&quot;\""), "{page}");
        assert!(page.contains("<h1>Tot &apos;morgen&apos;</h1>"), "{page}");
    }
}
