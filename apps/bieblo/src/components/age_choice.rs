//! "Hoe oud ben je?": three big picture buttons, one per age band.

use suite_domain::bieblo::AgeBand;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{Button, ButtonVariant};
use yew::prelude::*;

use super::age_picture::age_picture;
use crate::state::Action;

/// The button's test hook and its visible ages. The visible text ("6-7 jaar") is the
/// button's accessible name too, so a child using voice control can say what it sees.
fn band_texts(band: AgeBand) -> (&'static str, &'static str) {
    match band {
        AgeBand::SixSeven => ("age-6-7", "6-7"),
        AgeBand::EightNine => ("age-8-9", "8-9"),
        AgeBand::TenEleven => ("age-10-11", "10-11"),
    }
}

/// The age screen in `lang`.
pub(super) fn age_choice(lang: Lang, dispatch: &Callback<Action>) -> Html {
    let options = AgeBand::ALL.into_iter().map(|band| {
        let (hook, ages) = band_texts(band);
        html! {
            <li>
                <Button class={classes!("age-option", hook)} variant={ButtonVariant::Secondary}
                        big=true
                        onclick={dispatch.reform(move |_| Action::ChooseAge(band))}>
                    { age_picture(band) }
                    <span class="age-option__ages">{ ages }</span>
                    { " " }
                    <span class="age-option__years">{ Msg::BiebloYears.text(lang) }</span>
                </Button>
            </li>
        }
    });
    html! {
        <section class="kiosk-screen age-screen">
            <h1 class="kiosk-title">{ Msg::BiebloPickAge.text(lang) }</h1>
            <ul class="age-options">{ for options }</ul>
            <div class="kiosk-actions">{ back_button(lang, dispatch) }</div>
        </section>
    }
}

/// "Terug": one screen back.
pub(super) fn back_button(lang: Lang, dispatch: &Callback<Action>) -> Html {
    html! {
        <Button class="kiosk-back" variant={ButtonVariant::Secondary}
                onclick={dispatch.reform(|_| Action::Back)}>
            <span aria-hidden="true">{ "← " }</span>{ Msg::BiebloBack.text(lang) }
        </Button>
    }
}
