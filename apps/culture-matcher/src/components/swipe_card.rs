//! `SwipeCard`: one show in the swipe deck: its trailer (or poster and a short text),
//! title, genre, date and place. Counts itself as shown once it is on top.

use suite_domain::culture::programme::Trailer;
use suite_ui::use_lang;
use yew::prelude::*;

use super::trailer::TrailerMedia;
use crate::centre::{ShowRef, use_centre};
use crate::present::{plain_text, shorten, trailer_file, when_text, where_text};
use crate::time;

/// Characters of the description on a card without a video.
const SHORT_TEXT: usize = 140;

#[derive(Properties, PartialEq)]
pub(crate) struct SwipeCardProps {
    pub(crate) show: ShowRef,
    /// Called with the show's id when the card is on top.
    pub(crate) on_shown: Callback<String>,
}

#[function_component]
pub(crate) fn SwipeCard(props: &SwipeCardProps) -> Html {
    let lang = use_lang();
    let centre = use_centre();
    {
        let (id, on_shown) = (props.show.id.clone(), props.on_shown.clone());
        use_effect_with(id, move |id| on_shown.emit(id.clone()));
    }
    let show = &props.show;
    let now = time::now();
    let place = centre
        .map(|c| where_text(&c.programme, show, lang))
        .unwrap_or_default();
    let has_video =
        trailer_file(show).is_some() || matches!(show.trailer, Some(Trailer::Platform { .. }));
    let text =
        (!has_video).then(|| shorten(&plain_text(show.description_html.get(lang)), SHORT_TEXT));
    html! {
        <article class="cm-card" data-show-id={show.id.clone()}>
            <TrailerMedia show={show.clone()} autoplay=true />
            <div class="cm-card__body">
                if let Some(genre) = &show.genre {
                    <p class="cm-card__genre">{ genre.label.clone() }</p>
                }
                <h3 class="cm-card__title">{ show.title.get(lang).to_string() }</h3>
                <p class="cm-card__meta">{ when_text(show, now, lang) }</p>
                <p class="cm-card__meta">{ place }</p>
                if let Some(text) = text.filter(|t| !t.is_empty()) {
                    <p class="cm-card__text">{ text }</p>
                }
            </div>
        </article>
    }
}
