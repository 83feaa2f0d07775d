//! One answer in the review queue: the team, the task, the answer (the text, or the
//! photo from the leader's photo endpoint), the points to give (at most the item's)
//! and the two verdicts. The queue (`reviews`) handles its keys.

use suite_domain::bibster::api::ReviewItem;
use suite_domain::bibster::task::Answer;
use suite_domain::i18n::Msg;
use suite_ui::use_t;
use yew::prelude::*;

use super::text::{answer_text, clock_time};

/// The element id of the item of `team`'s answer to `task`.
pub(crate) fn item_id(item: &ReviewItem) -> String {
    format!(
        "bl-review-{}-{}",
        item.team,
        suite_ui::url::encode(&item.task).replace('%', "_")
    )
}

/// The id of the item's points field.
pub(crate) fn points_id(item: &ReviewItem) -> String {
    format!("{}-points", item_id(item))
}

#[derive(Properties, PartialEq)]
pub(crate) struct ReviewCardProps {
    pub(crate) item: ReviewItem,
    pub(crate) index: usize,
    /// The one item in the tab order.
    pub(crate) selected: bool,
    /// The photo's path on the API (a photo answer), if any.
    pub(crate) photo: Option<String>,
    /// `(index, approve)`.
    pub(crate) on_decide: Callback<(usize, bool)>,
    pub(crate) on_focus: Callback<usize>,
}

#[function_component]
pub(crate) fn ReviewCard(props: &ReviewCardProps) -> Html {
    let t = use_t();
    let item = &props.item;
    let id = item_id(item);
    let points = points_id(item);
    let index = props.index;
    let answer = match (&item.answer, &props.photo) {
        (Answer::Photo(_), Some(path)) => html! {
            <img class="bl-photo" src={suite_ui::api::url(path)}
                alt={format!("{} {}", t(Msg::BibLeadPhotoOf), item.team_name)} />
        },
        (answer, _) => {
            let text = answer_text(answer)
                .filter(|text| !text.trim().is_empty())
                .unwrap_or_else(|| t(Msg::BibLeadNoText).to_string());
            html! { <blockquote class="bl-answer">{ text }</blockquote> }
        }
    };
    html! {
        <li {id} class={classes!("bl-review", props.selected.then_some("bl-review--selected"))}
            tabindex={if props.selected { "0" } else { "-1" }}
            aria-labelledby={format!("{}-team {}-task", item_id(item), item_id(item))}
            data-team={item.team.to_string()} data-task={item.task.clone()}
            onfocus={props.on_focus.reform(move |_: FocusEvent| index)}>
            <p class="bl-review__team" id={format!("{}-team", item_id(item))}>
                { item.team_name.clone() }
                <span class="bl-review__time">{ format!(" · {}", clock_time(&item.answered_at)) }</span>
            </p>
            <p class="bl-review__task" id={format!("{}-task", item_id(item))}>{ item.prompt.clone() }</p>
            { answer }
            <div class="field bl-review__points">
                <label for={points.clone()}>{ format!("{} {}", t(Msg::BibLeadPoints), item.points) }</label>
                <input id={points} type="number" inputmode="numeric" min="0" max={item.points.to_string()}
                    step="1" value={item.points.to_string()} tabindex={if props.selected { "0" } else { "-1" }} />
            </div>
            <div class="bo-actions">
                <button type="button" class="btn btn--primary bl-approve" tabindex={if props.selected { "0" } else { "-1" }}
                    onclick={props.on_decide.reform(move |_: MouseEvent| (index, true))}>
                    { t(Msg::BibLeadApprove) }
                </button>
                <button type="button" class="btn btn--danger bl-reject" tabindex={if props.selected { "0" } else { "-1" }}
                    onclick={props.on_decide.reform(move |_: MouseEvent| (index, false))}>
                    { t(Msg::BibLeadReject) }
                </button>
            </div>
        </li>
    }
}
