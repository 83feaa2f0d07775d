//! The final podium for the big screen: the first three places large (every team on
//! them: a tie shares its place), the rest below in order.

use suite_domain::bibster::api::TeamRow;
use suite_domain::i18n::Msg;
use suite_ui::back_office::focus_id_soon;
use suite_ui::{EmptyState, use_t};
use yew::prelude::*;

use super::ranking::{Placed, podium};

#[derive(Properties, PartialEq)]
pub(crate) struct PodiumProps {
    pub(crate) teams: Vec<TeamRow>,
}

#[function_component]
pub(crate) fn Podium(props: &PodiumProps) -> Html {
    let t = use_t();
    use_effect_with((), |()| focus_id_soon("bl-podium-title".into()));
    let (top, rest) = podium(&props.teams);
    let line = |p: &Placed, class: &'static str| {
        html! {
            <li class={classes!(class, format!("bl-place-{}", p.place.min(4)))}
                data-place={p.place.to_string()} data-team-id={p.team.id.to_string()}>
                <span class="bl-podium__place">{ format!("{} {}", t(Msg::BibLeadColPlace), p.place) }</span>
                <span class="bl-podium__name">{ p.team.name.clone() }</span>
                <span class="bl-podium__score">{ format!("{} {}", p.team.score, t(Msg::BibLeadPointsShort)) }</span>
            </li>
        }
    };
    html! {
        <section class="card bo-section bl-podium" aria-labelledby="bl-podium-title">
            <h3 id="bl-podium-title" tabindex="-1">{ t(Msg::BibLeadPodiumTitle) }</h3>
            if top.is_empty() {
                <EmptyState message={Msg::BibLeadPodiumEmpty} />
            } else {
                <ol class="bl-podium__top">{ for top.iter().map(|p| line(p, "bl-podium__step")) }</ol>
                if !rest.is_empty() {
                    <ol class="bl-podium__rest">{ for rest.iter().map(|p| line(p, "bl-podium__row")) }</ol>
                }
            }
        </section>
    }
}
