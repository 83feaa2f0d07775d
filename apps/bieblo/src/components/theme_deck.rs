//! The theme cards: suite-ui's swipe deck with one picture and label per theme.

use suite_domain::bieblo::Theme;
use suite_domain::bieblo::kiosk::ThemeSwipe;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{SwipeDeck, Verdict};
use yew::prelude::*;

use super::age_choice::back_button;
use crate::library::theme_label;
use crate::state::Action;

/// The swipe screen for `themes`, in `lang`.
pub(super) fn theme_deck(themes: &[Theme], lang: Lang, dispatch: &Callback<Action>) -> Html {
    let render = Callback::from(move |theme: Theme| {
        html! {
            <div class="theme-card">
                <img class="theme-card__picture" src={theme.picture.clone()} alt=""
                     draggable="false" width="320" height="320" />
                <h2 class="theme-card__label">{ theme_label(&theme, lang).to_string() }</h2>
            </div>
        }
    });
    let on_swipe = dispatch.reform(|(theme, verdict): (Theme, Verdict)| {
        Action::Swipe(ThemeSwipe {
            theme: theme.id,
            liked: verdict == Verdict::Like,
        })
    });
    html! {
        <section class="kiosk-screen theme-screen">
            <h1 class="kiosk-title kiosk-title--small">{ Msg::BiebloSwipeTitle.text(lang) }</h1>
            <p class="kiosk-hint">{ Msg::BiebloSwipeHelp.text(lang) }</p>
            <SwipeDeck<Theme>
                items={themes.to_vec()}
                {render}
                {on_swipe}
                on_undo={dispatch.reform(|_: Theme| Action::Undo)}
                on_done={dispatch.reform(|()| Action::ShowShelf)}
            />
            <div class="kiosk-actions">{ back_button(lang, dispatch) }</div>
        </section>
    }
}
