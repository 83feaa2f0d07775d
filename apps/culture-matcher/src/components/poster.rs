//! `Poster`: the show's picture from our own server, or a generated poster with its
//! genre and title when there is none (never a picture from elsewhere).

use yew::prelude::*;

use crate::centre::ShowRef;

use crate::present::{image_src, poster_tone};
use suite_ui::use_lang;

#[derive(Properties, PartialEq)]
pub(crate) struct PosterProps {
    pub(crate) show: ShowRef,
}

#[function_component]
pub(crate) fn Poster(props: &PosterProps) -> Html {
    let lang = use_lang();
    let show = &props.show;
    if let Some(src) = image_src(show) {
        // The title is always written next to the poster: the picture itself needs only
        // the description the centre gave.
        let alt = show
            .image
            .as_ref()
            .and_then(|i| i.alt.clone())
            .unwrap_or_default();
        return html! {
            <img class="cm-poster cm-poster--image" src={src.to_string()} {alt}
                 loading="lazy" decoding="async" draggable="false" />
        };
    }
    let tone = format!("cm-poster--tone-{}", poster_tone(&show.id));
    let genre = show.genre.as_ref().map(|g| g.label.clone());
    html! {
        <div class={classes!("cm-poster", "cm-poster--generated", tone)} aria-hidden="true">
            if let Some(genre) = genre {
                <span class="cm-poster__genre">{ genre }</span>
            }
            <span class="cm-poster__title">{ show.title.get(lang).to_string() }</span>
        </div>
    }
}
