//! `SectionViews`: a back-office shown one section at a time. Links to its views sit
//! above (a `<nav>`, the current one with `aria-current="page"`), each view has its own
//! address (`?onderdeel=<slug>`; none is the first view), so a reload keeps it and the
//! browser's back button returns to the one before. After a change the keyboard focus
//! moves to the new view's heading. A view's own state may live in the address beside
//! it (a table's search); a link to another view leaves that out.
//!
//! An app lists its views once, in order; one more view is one more line:
//!
//! ```ignore
//! const VIEWS: &[View<Office>] = &[
//!     View { slug: "voorstellingen", title: Msg::CmBoShows, heading: SHOWS_HEADING,
//!            render: |o| html! { <ShowsSection centre={o.centre.clone()} /> } },
//!     View { slug: "zalen", title: Msg::CmVenues, heading: VENUES_HEADING,
//!            render: |o| html! { <VenueSection centre={o.centre.clone()} /> } },
//! ];
//! html! { <SectionViews<Office> views={VIEWS} context={office} /> }
//! ```

use suite_domain::i18n::Msg;
use yew::prelude::*;

use crate::back_office::focus_id_soon;
use crate::history;
use crate::i18n::use_t;
use crate::url::{query_param, with_params};

/// The query parameter that names the view.
pub const VIEW_PARAM: &str = "onderdeel";

/// One view of a back-office.
pub struct View<C: 'static> {
    /// Its name in the address (Dutch, lower case).
    pub slug: &'static str,
    /// Its link's text (the section's title).
    pub title: Msg,
    /// The id of its heading, which takes the focus when the view opens.
    pub heading: &'static str,
    /// The view itself, from what the app hands every view.
    pub render: fn(&C) -> Html,
}

impl<C> PartialEq for View<C> {
    fn eq(&self, other: &Self) -> bool {
        self.slug == other.slug && self.title == other.title && self.heading == other.heading
    }
}

/// The position in `views` of the view the query string `query` names; the first when
/// it names none (or one that is not there).
pub fn view_index<C>(views: &[View<C>], query: &str) -> usize {
    query_param(query, VIEW_PARAM)
        .and_then(|slug| views.iter().position(|v| v.slug == slug))
        .unwrap_or(0)
}

/// The query string of `view` (every other parameter belongs to the view left).
pub fn view_query(slug: &str) -> String {
    with_params("", &[(VIEW_PARAM, Some(slug.to_owned()))])
}

#[derive(Properties, PartialEq)]
pub struct SectionViewsProps<C: PartialEq + 'static> {
    /// The views, in the order of their links.
    pub views: &'static [View<C>],
    /// What every view is made from (the organisation, callbacks between views).
    pub context: C,
    /// The label of the links' `<nav>`; "Onderdelen van het beheer" when not given.
    #[prop_or(Msg::BoSections)]
    pub label: Msg,
}

#[function_component]
pub fn SectionViews<C: PartialEq + 'static>(props: &SectionViewsProps<C>) -> Html {
    let t = use_t();
    let views = props.views;
    let current = use_state(|| view_index(views, &history::query()));
    {
        let current = current.clone();
        history::use_history_moves(Callback::from(move |()| {
            let index = view_index(views, &history::query());
            if index != *current {
                current.set(index);
                focus_id_soon(views[index].heading.to_owned());
            }
        }));
    }
    if views.is_empty() {
        return Html::default();
    }
    let index = (*current).min(views.len() - 1);
    let links = views.iter().enumerate().map(|(i, view)| {
        let href = history::href(&view_query(view.slug));
        let onclick = {
            let (current, href) = (current.clone(), href.clone());
            Callback::from(move |event: MouseEvent| {
                if !history::is_plain_click(&event) {
                    return;
                }
                event.prevent_default();
                if *current != i {
                    history::push(&href);
                    current.set(i);
                }
                focus_id_soon(view.heading.to_owned());
            })
        };
        html! {
            <li>
                <a {href} {onclick} data-view={view.slug}
                    aria-current={(i == index).then_some("page")}>{ t(view.title) }</a>
            </li>
        }
    });
    html! {
        <>
            <nav class="bo-views" aria-label={t(props.label)}>
                <ul>{ for links }</ul>
            </nav>
            <div class="bo-view" data-view={views[index].slug}>
                { (views[index].render)(&props.context) }
            </div>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const VIEWS: &[View<()>] = &[
        View {
            slug: "voorstellingen",
            title: Msg::BoSections,
            heading: "a",
            render: |()| Html::default(),
        },
        View {
            slug: "zalen",
            title: Msg::BoSections,
            heading: "b",
            render: |()| Html::default(),
        },
    ];

    #[wasm_bindgen_test]
    fn the_address_names_the_view_and_the_first_is_the_default() {
        assert_eq!(view_index(VIEWS, ""), 0);
        assert_eq!(view_index(VIEWS, "?onderdeel=zalen&zoek=x"), 1);
        assert_eq!(view_index(VIEWS, "?onderdeel=elders"), 0);
        assert_eq!(view_query("zalen"), "?onderdeel=zalen");
    }
}
