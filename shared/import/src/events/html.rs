//! Descriptions as safe HTML: only paragraphs, line breaks, lists, emphasis and links
//! (http, https, mailto; opened with `rel="noopener noreferrer"`) survive; every other
//! tag is dropped with its attributes (the text stays), scripts and styles with their
//! content. Plain text becomes paragraphs with line breaks.

use std::collections::HashSet;

use ammonia::{Builder, UrlRelative};

const TAGS: [&str; 10] = ["p", "br", "ul", "ol", "li", "a", "strong", "em", "b", "i"];

fn builder() -> Builder<'static> {
    let mut b = Builder::empty();
    b.tags(HashSet::from(TAGS))
        .add_tag_attributes("a", ["href"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .url_relative(UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .clean_content_tags(HashSet::from(["script", "style"]))
        .strip_comments(true);
    b
}

/// `text` (HTML, or plain text when no `<` comes before a letter, `/` or `!`) as
/// sanitised HTML; empty when nothing is left.
pub fn sanitise_html(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() {
        return String::new();
    }
    let looks_like_html = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'));
    let html = if looks_like_html {
        text.to_string()
    } else {
        plain_to_html(text)
    };
    let clean = builder().clean(&html).to_string();
    let clean = clean.trim();
    // Markup with no text left (e.g. `<p></p>`) counts as empty.
    if strip_tags(clean).trim().is_empty() {
        String::new()
    } else {
        clean.to_string()
    }
}

/// Paragraphs at blank lines, `<br>` at single line breaks, `&`, `<`, `>` escaped.
fn plain_to_html(text: &str) -> String {
    let escaped = text
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace("\r\n", "\n");
    escaped
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>",
                p.lines().map(str::trim).collect::<Vec<_>>().join("<br>")
            )
        })
        .collect()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allowed_markup_stays_and_links_get_rel() {
        let html = sanitise_html(
            "<p>Een <strong>sterke</strong> <em>avond</em><br>met <a href=\"https://x.be/t\" target=\"_blank\">tickets</a></p><ul><li>a</li></ul><ol><li><b>b</b> <i>c</i></li></ol>",
        );
        assert_eq!(
            html,
            "<p>Een <strong>sterke</strong> <em>avond</em><br>met <a href=\"https://x.be/t\" rel=\"noopener noreferrer\">tickets</a></p><ul><li>a</li></ul><ol><li><b>b</b> <i>c</i></li></ol>"
        );
    }

    #[test]
    fn everything_else_is_stripped() {
        let html = sanitise_html(
            "<div class=\"x\" onclick=\"evil()\"><h1>Titel</h1><script>alert(1)</script><style>p{}</style>\
             <img src=\"https://x/i.png\" onerror=\"evil()\"><a href=\"javascript:alert(1)\">klik</a>\
             <a href=\"/relatief\">rel</a><a href=\"mailto:info@cc.be\">mail</a><iframe src=\"https://x\"></iframe><!-- c --></div>",
        );
        assert_eq!(
            html,
            "Titel<a rel=\"noopener noreferrer\">klik</a><a rel=\"noopener noreferrer\">rel</a><a href=\"mailto:info@cc.be\" rel=\"noopener noreferrer\">mail</a>"
        );
        for bad in [
            "script",
            "onclick",
            "onerror",
            "javascript",
            "img",
            "iframe",
            "<!--",
            "div",
            "h1",
            "style",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn plain_text_becomes_paragraphs() {
        assert_eq!(
            sanitise_html("Eerste regel\ntweede & 3 < 4 >\n\nNieuwe alinea"),
            "<p>Eerste regel<br>tweede &amp; 3 &lt; 4 &gt;</p><p>Nieuwe alinea</p>"
        );
        assert_eq!(sanitise_html("  "), "");
        assert_eq!(sanitise_html("<p> </p><script>x</script>"), "");
        assert_eq!(sanitise_html("<p>&nbsp;</p>"), "");
    }

    #[test]
    fn broken_markup_never_panics() {
        for s in [
            "<",
            "<p",
            "</a>",
            "<a href=",
            "<<p>>",
            "&",
            "&#xFFFFFF;",
            "<ul><li>open",
        ] {
            let _ = sanitise_html(s);
        }
        assert_eq!(sanitise_html("<ul><li>open"), "<ul><li>open</li></ul>");
    }
}
