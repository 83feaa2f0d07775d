//! What an app's page gets from the server beside its files: the API answers it will
//! ask for first, fetched early (`Link: rel=preload`), and the scope its service worker
//! may take (`Service-Worker-Allowed`). Both only for the e-reader so far.

/// What an app's page asks the API for as soon as it starts, as `Link: rel=preload`
/// entries on the page itself: the browser fetches them while it still downloads the
/// app, and the app's own `fetch` of the same address takes the answer. The e-reader
/// opened on a book (`/e-reader/?boek=<loan>`): who is logged in, the book and the
/// place in it, answered by the server as the app's own calls would be. Given only to a
/// member who is logged in (the caller checks): the browser keeps a preloaded answer
/// until the page asks for it, and a 401 preloaded before a login would be taken by
/// the app's calls after it.
pub fn early_fetches(app: &str, query: Option<&str>) -> Option<String> {
    if app != "e-reader" {
        return None;
    }
    let loan = query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("boek="))
        .filter(|v| !v.is_empty() && v.len() <= 18 && v.bytes().all(|b| b.is_ascii_digit()))?;
    let paths = [
        "/api/ereader/session".to_string(),
        format!("/api/ereader/loans/{loan}/book"),
        format!("/api/ereader/loans/{loan}/position"),
    ];
    Some(
        paths
            .iter()
            .map(|path| format!("<{path}>; rel=preload; as=fetch; crossorigin"))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The widest scope a service worker script may take (`Service-Worker-Allowed`), for
/// the one script that needs more than its folder: the e-reader's worker is also
/// registered at `/api/ereader/loans/`, where the reader's frame opens a book's
/// documents (a frame is served by the worker whose scope holds its address). The
/// header's path must be a prefix of both scopes, `/e-reader/` and that one: `/`. The
/// script itself only answers for the e-reader's paths and lets everything else pass.
pub fn worker_allowed(segments: &[String]) -> Option<&'static str> {
    match segments {
        [app, script] if app == "e-reader" && script == "sw.js" => Some("/"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_opened_on_a_book_asks_for_it_early() {
        let links = early_fetches("e-reader", Some("boek=12")).expect("links");
        assert_eq!(
            links,
            "</api/ereader/session>; rel=preload; as=fetch; crossorigin, \
             </api/ereader/loans/12/book>; rel=preload; as=fetch; crossorigin, \
             </api/ereader/loans/12/position>; rel=preload; as=fetch; crossorigin"
        );
        assert!(early_fetches("e-reader", Some("pagina=leningen&boek=7")).is_some());
        for (app, query) in [
            ("e-reader", None),
            ("e-reader", Some("pagina=leningen")),
            ("e-reader", Some("boek=")),
            ("e-reader", Some("boek=7%3E")),
            ("e-reader", Some("boek=-1")),
            ("bieblo", Some("boek=7")),
        ] {
            assert_eq!(early_fetches(app, query), None, "{app} {query:?}");
        }
    }
}
