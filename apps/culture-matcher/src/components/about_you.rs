//! "Over jou": a short, optional step after the swipe (age band, home town, how far,
//! the most to pay). What is chosen stays in this browser (`store::save_about`) and only
//! shapes the tips (`About::context`); skipping gives the tips for young people.

use suite_domain::culture::about::{About, AgeBand};
use suite_domain::i18n::Msg;
use suite_ui::{Button, ButtonVariant, use_lang, use_t};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::choices::{Options, budget_options, km_options, select, town_options};

#[derive(Properties, PartialEq)]
pub(crate) struct AboutYouProps {
    /// What was said before (empty the first time).
    pub(crate) about: About,
    /// The answers, on "show my tips".
    pub(crate) on_done: Callback<About>,
    /// "Skip": nothing changes.
    pub(crate) on_skip: Callback<()>,
}

fn band_label(band: AgeBand) -> Msg {
    match band {
        AgeBand::Under16 => Msg::CmAgeUnder16,
        AgeBand::From16To18 => Msg::CmAge16To18,
        AgeBand::From19To21 => Msg::CmAge19To21,
        AgeBand::From22To25 => Msg::CmAge22To25,
        AgeBand::Over25 => Msg::CmAgeOver25,
    }
}

/// Applies a changed select to `about`.
fn edit(about: &mut About, id: &str, value: String) {
    let number = || value.parse::<u32>().ok();
    match id {
        "cm-about-age" => about.age_band = AgeBand::from_key(&value),
        "cm-about-town" => about.town = (!value.is_empty()).then(|| value.clone()),
        "cm-about-km" => about.max_km = number(),
        "cm-about-price" => about.max_price_cents = number(),
        _ => {}
    }
}

#[function_component]
pub(crate) fn AboutYou(props: &AboutYouProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let about = use_state(|| props.about.clone());
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    let onchange = {
        let about = about.clone();
        Callback::from(move |event: Event| {
            let Some(field) = event.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let mut next = (*about).clone();
            edit(&mut next, &field.id(), field.value());
            about.set(next);
        })
    };
    let onsubmit = {
        let (about, on_done) = (about.clone(), props.on_done.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_done.emit((*about).clone());
        })
    };
    let skip = {
        let on_skip = props.on_skip.clone();
        Callback::from(move |_: MouseEvent| on_skip.emit(()))
    };
    let mut ages: Options = vec![(String::new(), t(Msg::CmAgeNotSaid).to_string())];
    ages.extend(
        AgeBand::ALL
            .into_iter()
            .map(|b| (b.key().to_string(), t(band_label(b)).to_string())),
    );
    let no_town = about.town.is_none();
    let or_empty = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    html! {
        <section class="cm-about" aria-labelledby="cm-about-title">
            <h2 id="cm-about-title" tabindex="-1" ref={heading}>{ t(Msg::CmAboutTitle) }</h2>
            <p class="cm-about__intro">{ t(Msg::CmAboutIntro) }</p>
            <form class="cm-about__form" {onchange} {onsubmit}>
                <div class="cm-about__field">
                    { select("cm-about-age", t(Msg::CmAboutAge), &ages,
                             about.age_band.map(AgeBand::key).unwrap_or_default(), false) }
                </div>
                <div class="cm-about__field">
                    { select("cm-about-town", t(Msg::CmAboutTown), &town_options(lang),
                             about.town.as_deref().unwrap_or_default(), false) }
                </div>
                <div class="cm-about__field">
                    { select("cm-about-km", t(Msg::CmAboutKm), &km_options(Some(t(Msg::CmAnyDistance))),
                             &or_empty(about.max_km), no_town) }
                    if no_town {
                        <p class="cm-about__hint">{ t(Msg::CmAboutKmNeedsTown) }</p>
                    }
                </div>
                <div class="cm-about__field">
                    { select("cm-about-price", t(Msg::CmAboutPrice), &budget_options(lang),
                             &or_empty(about.max_price_cents), false) }
                </div>
                <div class="cm-about__actions">
                    <Button class="cm-about-done" variant={ButtonVariant::Primary} kind="submit">
                        { t(Msg::CmAboutShowTips) }
                    </Button>
                    <Button class="cm-about-skip" variant={ButtonVariant::Secondary} onclick={skip}>
                        { t(Msg::CmAboutSkip) }
                    </Button>
                </div>
            </form>
        </section>
    }
}
