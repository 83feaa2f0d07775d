//! The JSON shapes of `/api/ereader/...` read through the browser's `JSON.parse`
//! (`suite_ui::json`), so the bundle carries no `serde_json`; the shapes themselves are
//! `suite_domain::ereader`'s.

use suite_domain::ereader::notes::{
    AnnotationKind, AnnotationPlace, AnnotationView, NewAnnotation,
};
use suite_domain::ereader::{
    BookView, HistoryEntry, HistoryView, LoanView, MemberInfo, ReadingPosition, ReservationView,
    SearchHit, SpineEntry, TitleView, TocView,
};
use suite_ui::json::{self, all, get, list, string, whole};
use wasm_bindgen::JsValue;

const MAX_ID: f64 = 9_007_199_254_740_991.0;

fn id(v: &JsValue, key: &str) -> Option<i64> {
    whole(v, key, 1.0, MAX_ID).map(|n| n as i64)
}

fn count(v: &JsValue, key: &str) -> Option<u32> {
    whole(v, key, 0.0, f64::from(u32::MAX)).map(|n| n as u32)
}

pub(crate) fn member(v: &JsValue) -> Option<MemberInfo> {
    Some(MemberInfo {
        library: string(v, "library")?,
        csrf_token: string(v, "csrf_token")?,
    })
}

pub(crate) fn title(v: &JsValue) -> Option<TitleView> {
    Some(TitleView {
        id: id(v, "id")?,
        title: string(v, "title")?,
        title_direction: string(v, "title_direction").unwrap_or_else(|| "auto".into()),
        creators: list(v, "creators", JsValue::as_string),
        language: string(v, "language").unwrap_or_default(),
        licences: count(v, "licences")?,
        free: count(v, "free")?,
        waiting: count(v, "waiting").unwrap_or(0),
    })
}

pub(crate) fn loan(v: &JsValue) -> Option<LoanView> {
    Some(LoanView {
        id: id(v, "id")?,
        title_id: id(v, "title_id")?,
        title: string(v, "title")?,
        until: whole(v, "until", -MAX_ID, MAX_ID)? as i64,
        days_left: count(v, "days_left")?,
        download: get(v, "download").as_bool().unwrap_or(false),
    })
}

pub(crate) fn reservation(v: &JsValue) -> Option<ReservationView> {
    Some(ReservationView {
        title_id: id(v, "title_id")?,
        title: string(v, "title")?,
        place: count(v, "place")?,
        waiting: count(v, "waiting")?,
        since: whole(v, "since", -MAX_ID, MAX_ID)? as i64,
        suspended: get(v, "suspended").as_bool()?,
        hold_until: whole(v, "hold_until", -MAX_ID, MAX_ID).map(|n| n as i64),
    })
}

pub(crate) fn history(v: &JsValue) -> Option<HistoryView> {
    Some(HistoryView {
        keep: get(v, "keep").as_bool()?,
        books: all(v, "books", |b| {
            Some(HistoryEntry {
                title_id: id(b, "title_id")?,
                title: string(b, "title")?,
                started: whole(b, "started", -MAX_ID, MAX_ID)? as i64,
                ended: whole(b, "ended", -MAX_ID, MAX_ID)? as i64,
            })
        })?,
    })
}

/// A list answer (`[...]`), every item read by `read`.
pub(crate) fn items<T>(v: &JsValue, read: impl Fn(&JsValue) -> Option<T>) -> Option<Vec<T>> {
    all(&json::object(&[("items", v.clone())]), "items", read)
}

fn toc_entry(v: &JsValue) -> Option<TocView> {
    Some(TocView {
        label: string(v, "label")?,
        path: string(v, "path")?,
        fragment: string(v, "fragment"),
        children: list(v, "children", toc_entry),
    })
}

/// `GET /api/ereader/loans/{loan}/book`.
pub(crate) fn book(v: &JsValue) -> Option<BookView> {
    let spine = all(v, "spine", |e| {
        Some(SpineEntry {
            path: string(e, "path")?,
            linear: json::boolean(e, "linear").unwrap_or(true),
            fixed: json::boolean(e, "fixed").unwrap_or(false),
            chars: json::whole(e, "chars", 0.0, f64::from(u32::MAX)).map_or(0, |n| n as u32),
        })
    })?;
    Some(BookView {
        title: string(v, "title")?,
        title_direction: string(v, "title_direction").unwrap_or_else(|| "auto".into()),
        language: string(v, "language").unwrap_or_default(),
        direction: string(v, "direction").unwrap_or_else(|| "ltr".into()),
        layout: string(v, "layout").unwrap_or_else(|| "reflowable".into()),
        spine,
        toc: list(v, "toc", toc_entry),
        resources: list(v, "resources", JsValue::as_string),
    })
}

/// `GET /api/ereader/loans/{loan}/position`: a progress outside 0 to 1 is brought within.
pub(crate) fn position(v: &JsValue) -> Option<ReadingPosition> {
    let progress = get(v, "progress").as_f64()?;
    Some(ReadingPosition {
        spine: count(v, "spine")?,
        progress: if progress.is_finite() {
            progress.clamp(0.0, 1.0)
        } else {
            0.0
        },
    })
}

/// An item of `GET /api/ereader/loans/{loan}/search`.
pub(crate) fn hit(v: &JsValue) -> Option<SearchHit> {
    Some(SearchHit {
        spine: count(v, "spine")?,
        path: string(v, "path")?,
        offset: count(v, "offset")?,
        snippet: string(v, "snippet")?,
    })
}

/// An item of `GET /api/ereader/loans/{loan}/annotations` (or the answer to its `POST`).
pub(crate) fn annotation(v: &JsValue) -> Option<AnnotationView> {
    let place = get(v, "place");
    let progress = get(&place, "progress").as_f64().filter(|p| p.is_finite())?;
    Some(AnnotationView {
        id: id(v, "id")?,
        kind: AnnotationKind::parse(&string(v, "kind")?)?,
        place: AnnotationPlace {
            spine: count(&place, "spine")?,
            progress: progress.clamp(0.0, 1.0),
            start: count(&place, "start"),
            end: count(&place, "end"),
            quote: string(&place, "quote"),
        },
        note: string(v, "note").unwrap_or_default(),
        created: whole(v, "created", -MAX_ID, MAX_ID).map_or(0, |n| n as i64),
    })
}

/// The body of `POST /api/ereader/loans/{loan}/annotations`.
pub(crate) fn new_annotation_to_js(new: &NewAnnotation) -> JsValue {
    let place = &new.place;
    let mut fields = vec![
        ("spine", JsValue::from(place.spine)),
        ("progress", JsValue::from_f64(place.progress)),
    ];
    if let (Some(start), Some(end), Some(quote)) = (place.start, place.end, &place.quote) {
        fields.push(("start", JsValue::from(start)));
        fields.push(("end", JsValue::from(end)));
        fields.push(("quote", JsValue::from_str(quote)));
    }
    json::object(&[
        ("kind", JsValue::from_str(new.kind.as_str())),
        ("place", json::object(&fields)),
        ("note", JsValue::from_str(&new.note)),
    ])
}

pub(crate) fn position_to_js(position: ReadingPosition) -> JsValue {
    json::object(&[
        ("spine", JsValue::from(position.spine)),
        ("progress", JsValue::from_f64(position.progress)),
    ])
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::*;

    fn parse(text: &str) -> JsValue {
        json::parse(text).expect("test JSON")
    }

    #[wasm_bindgen_test]
    fn reads_the_servers_shapes() {
        let titles = parse(
            r#"[{"id":1,"title":"Moby-Dick","creators":["Herman Melville"],"language":"en","licences":2,"free":1}]"#,
        );
        let titles = items(&titles, title).expect("titles");
        assert_eq!(titles[0].title, "Moby-Dick");
        assert_eq!(titles[0].creators, vec!["Herman Melville".to_string()]);
        assert_eq!((titles[0].licences, titles[0].free), (2, 1));
        let bad = parse(r#"[{"id":1,"title":"X","licences":-1,"free":0}]"#);
        assert_eq!(items(&bad, title), None);
        let book = book(&parse(
            r#"{"title":"B","language":"ar","direction":"rtl","layout":"reflowable",
                "spine":[{"path":"a.xhtml","linear":true,"chars":1200},{"path":"b.xhtml","linear":true,"chars":-3}],
                "toc":[{"label":"Een","path":"a.xhtml","fragment":"x","children":[{"label":"Twee","path":"a.xhtml"}]}]}"#,
        ))
        .expect("book");
        assert_eq!(book.direction, "rtl");
        assert_eq!(book.spine[0].path, "a.xhtml");
        assert_eq!((book.spine[0].chars, book.spine[1].chars), (1200, 0));
        assert_eq!(book.toc[0].fragment.as_deref(), Some("x"));
        assert_eq!(book.toc[0].children[0].label, "Twee");
        let p = position(&parse(r#"{"spine":2,"progress":0.25}"#)).expect("position");
        assert_eq!(
            p,
            ReadingPosition {
                spine: 2,
                progress: 0.25
            }
        );
        let back = position(&position_to_js(p)).expect("round trip");
        assert_eq!(back, p);
        assert_eq!(position(&parse(r#"{"spine":-1,"progress":0.5}"#)), None);
        let hits = parse(
            r#"[{"spine":2,"path":"EPUB/s04.xhtml","offset":1200,"snippet":"…the Mother Goose rhymes…"}]"#,
        );
        let hits = items(&hits, hit).expect("hits");
        assert_eq!((hits[0].spine, hits[0].offset), (2, 1200));
        assert_eq!(hits[0].snippet, "…the Mother Goose rhymes…");
        assert_eq!(items(&parse(r#"[{"spine":2,"path":"a"}]"#), hit), None);
    }

    #[wasm_bindgen_test]
    fn reads_and_writes_annotations() {
        let list = parse(
            r#"[{"id":4,"kind":"bookmark","place":{"spine":2,"progress":0.5},"note":"","created":9},
                {"id":5,"kind":"highlight","place":{"spine":1,"progress":0.1,"start":3,"end":9,"quote":"a whale"},"note":"","created":10}]"#,
        );
        let list = items(&list, annotation).expect("annotations");
        assert_eq!(list[0].kind, AnnotationKind::Bookmark);
        assert_eq!((list[0].place.spine, list[0].place.start), (2, None));
        assert_eq!(list[1].place.quote.as_deref(), Some("a whale"));
        assert_eq!((list[1].place.start, list[1].place.end), (Some(3), Some(9)));
        assert_eq!(
            items(
                &parse(r#"[{"id":1,"kind":"note","place":{"spine":0,"progress":0}}]"#),
                annotation
            ),
            None,
            "an unknown kind"
        );
        // What is sent reads back as what was meant.
        for view in list {
            let new = NewAnnotation {
                kind: view.kind,
                place: view.place.clone(),
                note: String::new(),
            };
            let sent = new_annotation_to_js(&new);
            let back = json::object(&[
                ("id", JsValue::from(1)),
                ("kind", get(&sent, "kind")),
                ("place", get(&sent, "place")),
            ]);
            assert_eq!(annotation(&back).map(|a| a.place), Some(view.place));
        }
    }
}
