//! A book's cover on the shelf: the cover image the importer stored on our server, or,
//! when the book has none or the image does not load (offline, removed), the cover
//! drawn from its title with a colour picked from its id.

use yew::prelude::*;

use crate::cover::cover_class;

/// Width and height the stored covers are shrunk to (at most 300 px wide); with the
/// stylesheet's `aspect-ratio` they keep the shelf from jumping while images load.
const COVER_WIDTH: &str = "300";
const COVER_HEIGHT: &str = "400";

#[derive(Properties, PartialEq)]
pub(crate) struct BookCoverProps {
    pub(crate) id: AttrValue,
    pub(crate) title: AttrValue,
    /// The authors, joined for display.
    pub(crate) authors: AttrValue,
    /// Our URL of the stored cover (`/data/bieblo/covers/…`), if the importer got one.
    pub(crate) src: Option<AttrValue>,
}

/// The cover image with the title and author under it, or the drawn cover.
#[function_component(BookCover)]
pub(crate) fn book_cover(props: &BookCoverProps) -> Html {
    // The image URL that failed to load; a new URL gets a new chance.
    let failed = use_state_eq(|| None::<AttrValue>);
    match &props.src {
        Some(src) if failed.as_ref() != Some(src) => {
            let onerror = {
                let failed = failed.clone();
                let src = src.clone();
                Callback::from(move |_: Event| failed.set(Some(src.clone())))
            };
            html! {
                <>
                    <img class="cover-image" src={src.clone()} alt={props.title.clone()}
                         width={COVER_WIDTH} height={COVER_HEIGHT} loading="lazy" decoding="async"
                         {onerror} />
                    <h3 class="shelf-book__title">{ props.title.clone() }</h3>
                    <p class="shelf-book__author">{ props.authors.clone() }</p>
                </>
            }
        }
        _ => html! {
            <div class={classes!("cover", cover_class(&props.id))}>
                <h3 class="cover__title">{ props.title.clone() }</h3>
                <p class="cover__author">{ props.authors.clone() }</p>
            </div>
        },
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::Element;

    use super::*;

    /// A 1x1 PNG.
    const PNG: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

    fn mount(src: Option<&'static str>) -> Element {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let root = document.create_element("div").expect("a div");
        document
            .body()
            .expect("a body")
            .append_child(&root)
            .expect("appended");
        let props = BookCoverProps {
            id: "b1".into(),
            title: "De Gorgels".into(),
            authors: "Jochem Myjer".into(),
            src: src.map(AttrValue::from),
        };
        yew::Renderer::<BookCover>::with_root_and_props(root.clone(), props).render();
        root
    }

    fn find(root: &Element, selector: &str) -> Option<Element> {
        root.query_selector(selector).ok().flatten()
    }

    async fn wait_for(what: &str, condition: impl Fn() -> bool) {
        for _ in 0..200 {
            if condition() {
                return;
            }
            gloo_timers::future::sleep(Duration::from_millis(10)).await;
        }
        panic!("timed out waiting for {what}");
    }

    #[wasm_bindgen_test]
    async fn a_stored_cover_is_shown_as_an_image_named_by_the_title() {
        let root = mount(Some(PNG));
        wait_for("the image", || find(&root, "img.cover-image").is_some()).await;
        let img = find(&root, "img.cover-image").expect("img");
        assert_eq!(img.get_attribute("alt").as_deref(), Some("De Gorgels"));
        assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
        assert_eq!(img.get_attribute("width").as_deref(), Some(COVER_WIDTH));
        assert_eq!(img.get_attribute("height").as_deref(), Some(COVER_HEIGHT));
        gloo_timers::future::sleep(Duration::from_millis(100)).await;
        assert!(
            find(&root, "img.cover-image").is_some(),
            "it loaded and stays"
        );
        assert!(find(&root, ".cover").is_none());
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn an_image_that_fails_to_load_gives_way_to_the_drawn_cover() {
        let root = mount(Some("data:image/png;base64,bm90IGFuIGltYWdl"));
        wait_for("the drawn cover", || find(&root, ".cover").is_some()).await;
        assert!(find(&root, "img").is_none());
        assert_eq!(
            find(&root, ".cover__title")
                .and_then(|e| e.text_content())
                .as_deref(),
            Some("De Gorgels")
        );
        root.remove();
    }

    #[wasm_bindgen_test]
    async fn without_a_cover_the_drawn_one_is_shown() {
        let root = mount(None);
        wait_for("the drawn cover", || find(&root, ".cover").is_some()).await;
        assert!(find(&root, "img").is_none());
        assert_eq!(
            find(&root, ".cover__author")
                .and_then(|e| e.text_content())
                .as_deref(),
            Some("Jochem Myjer")
        );
        root.remove();
    }
}
