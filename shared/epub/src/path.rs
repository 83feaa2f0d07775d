//! Paths inside the archive: resolving an href against the document it appears in,
//! percent-decoding, and refusing anything that leaves the archive.

/// An href split into the archive path it points at and its fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A file inside the archive (full path, decoded) and the fragment after `#`, if any.
    Local {
        path: String,
        fragment: Option<String>,
    },
    /// An absolute URL (`https:`, `mailto:`...): not in the archive.
    Remote(String),
}

/// Why an href does not resolve to a path inside the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Escapes;

/// The folder of a full path, with its trailing slash (`OPS/` for `OPS/package.opf`,
/// empty at the root).
pub(crate) fn folder_of(path: &str) -> &str {
    match path.rfind('/') {
        Some(at) => &path[..=at],
        None => "",
    }
}

/// Resolves `href` as written in the document at `base` (a full path in the archive).
pub(crate) fn resolve(base: &str, href: &str) -> Result<Target, Escapes> {
    let href = href.trim();
    if has_scheme(href) {
        return Ok(Target::Remote(href.to_string()));
    }
    let (without_fragment, fragment) = match href.split_once('#') {
        Some((path, fragment)) => (path, Some(percent_decode(fragment))),
        None => (href, None),
    };
    let without_query = without_fragment
        .split_once('?')
        .map_or(without_fragment, |(path, _)| path);
    if without_query.starts_with('/') || without_query.starts_with('\\') {
        return Err(Escapes);
    }
    let joined = if without_query.is_empty() {
        base.to_string()
    } else {
        format!("{}{}", folder_of(base), without_query)
    };
    let path = normalize(&percent_decode(&joined))?;
    Ok(Target::Local { path, fragment })
}

/// A full path with `.` and `..` segments applied; `..` past the root, an absolute or an
/// empty path, a backslash or a NUL are refused.
pub(crate) fn normalize(path: &str) -> Result<String, Escapes> {
    if path.starts_with('/') || path.contains('\\') || path.contains('\0') {
        return Err(Escapes);
    }
    let mut parts: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop().ok_or(Escapes)?;
            }
            other => parts.push(other),
        }
    }
    if parts.is_empty() || parts[0].ends_with(':') {
        return Err(Escapes);
    }
    Ok(parts.join("/"))
}

/// Whether `href` starts with a URL scheme (`http:`, `data:`...).
fn has_scheme(href: &str) -> bool {
    match href.find(':') {
        Some(at) => {
            let scheme = &href[..at];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `%XX` sequences decoded (as UTF-8; invalid sequences are kept as written).
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&high), Some(&low)) if hex(high).is_some() && hex(low).is_some() => {
                let value = hex(high).unwrap_or(0) * 16 + hex(low).unwrap_or(0);
                out.push(u8::try_from(value).unwrap_or(b'?'));
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(path: &str, fragment: Option<&str>) -> Result<Target, Escapes> {
        Ok(Target::Local {
            path: path.to_string(),
            fragment: fragment.map(str::to_string),
        })
    }

    #[test]
    fn hrefs_resolve_against_their_document() {
        let check = |base, href, expected| assert_eq!(resolve(base, href), expected, "{href}");
        check(
            "OPS/package.opf",
            "chapter_001.xhtml",
            local("OPS/chapter_001.xhtml", None),
        );
        check(
            "foo/BAR/baz.opf",
            "qux/c.xhtml#p2",
            local("foo/BAR/qux/c.xhtml", Some("p2")),
        );
        check(
            "OPS/xhtml/toc.xhtml",
            "../images/a%20b.jpg",
            local("OPS/images/a b.jpg", None),
        );
        check(
            "package.opf",
            "./text/./x.xhtml?v=1",
            local("text/x.xhtml", None),
        );
        check(
            "OPS/toc.xhtml",
            "#start",
            local("OPS/toc.xhtml", Some("start")),
        );
        check(
            "OPS/package.opf",
            "caf%C3%A9.xhtml",
            local("OPS/café.xhtml", None),
        );
        check(
            "OPS/p.opf",
            "https://example.org/a.mp3",
            Ok(Target::Remote("https://example.org/a.mp3".into())),
        );
        check("OPS/package.opf", "../../etc/passwd", Err(Escapes));
        check("OPS/package.opf", "/etc/passwd", Err(Escapes));
        check("OPS/package.opf", "..%2F..%2Fx", Err(Escapes));
    }

    #[test]
    fn paths_that_leave_the_archive_are_refused() {
        assert_eq!(normalize("a/b/../c"), Ok("a/c".to_string()));
        for bad in ["", "/a", "..", "a/../..", "a\\b", "a\0b", "C:/x"] {
            assert_eq!(normalize(bad), Err(Escapes), "{bad:?}");
        }
    }
}
