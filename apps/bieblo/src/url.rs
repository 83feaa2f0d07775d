//! The "take your list" link (`/bieblo/lijst?bib=<library>&v=<branch>&b=<id>,<id>`) and its query
//! string; percent-encoding itself is the suite's (`suite_ui::url`).

/// The separator between book ids in the `b` parameter (encoded inside an id).
pub(crate) const ID_SEPARATOR: char = ',';

pub(crate) use suite_ui::url::{decode, encode, query_param};

/// The link to a child's list on this server: `<origin>/bieblo/lijst?bib=..&v=..&b=..`,
/// with the library, the branch of the kiosk and the books.
pub(crate) fn list_url(origin: &str, library: &str, branch: &str, book_ids: &[String]) -> String {
    let ids: Vec<String> = book_ids.iter().map(|id| encode(id)).collect();
    format!(
        "{}/bieblo/lijst?bib={}&v={}&b={}",
        origin.trim_end_matches('/'),
        encode(library),
        encode(branch),
        ids.join(&ID_SEPARATOR.to_string())
    )
}

/// The book ids of a `b` parameter as written by [`list_url`], read from the raw query
/// (each id is decoded on its own, so an encoded separator inside an id stays in it).
pub(crate) fn list_ids(query: &str) -> Vec<String> {
    let raw = query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("b="))
        .unwrap_or_default();
    raw.split(ID_SEPARATOR)
        .map(decode)
        .filter(|id| !id.trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn encoding_round_trips() {
        for text in ["demo-wetteren", "a b,c&d=e", "één/twee?", "100%", ""] {
            assert_eq!(decode(&encode(text)), text, "{text}");
        }
        assert_eq!(encode("a b,c"), "a%20b%2Cc");
        assert_eq!(decode("a+b%2"), "a b%2");
    }

    #[wasm_bindgen_test]
    fn list_url_carries_the_library_and_every_id() {
        let ids = vec!["demo-1".to_string(), "x,y".to_string(), "é 2".to_string()];
        let url = list_url("https://bib.example/", "demo-wetteren", "massemen", &ids);
        assert_eq!(
            url,
            "https://bib.example/bieblo/lijst?bib=demo-wetteren&v=massemen&b=demo-1,x%2Cy,%C3%A9%202"
        );
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
        assert_eq!(query_param(query, "bib").as_deref(), Some("demo-wetteren"));
        assert_eq!(query_param(query, "v").as_deref(), Some("massemen"));
        assert_eq!(list_ids(query), ids);
        assert_eq!(list_ids("?bib=x"), Vec::<String>::new());
        assert_eq!(query_param("?bib", "bib").as_deref(), Some(""));
    }
}
