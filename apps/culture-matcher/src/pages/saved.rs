//! `/culture-matcher/bewaard?centrum=<id>`: the shows saved in this browser, and for
//! those whose date has passed, the short chat about how it was.

use suite_domain::i18n::Msg;
use suite_ui::{Button, ButtonVariant, EmptyState, use_lang, use_mark_ready, use_t};
use yew::prelude::*;

use crate::centre::{KeptAction, ShowRef, use_centre};
use crate::components::{FeedbackChat, SaveButton, ShowFacts};
use crate::nav::Link;
use crate::route::{Page, Route};
use crate::time;

#[function_component]
pub(crate) fn SavedPage() -> Html {
    let t = use_t();
    let lang = use_lang();
    let centre = use_centre();
    // The chats due when the page opened stay on it (with their thanks) until the page
    // is left, even once answered.
    let chats = {
        let due = centre
            .as_ref()
            .map(|c| c.kept.kept.chats_due(time::now()))
            .unwrap_or_default();
        use_state(move || due)
    };
    use_mark_ready(true);
    let Some(centre) = centre else {
        return Html::default();
    };
    let saved = &centre.kept.kept.saved;
    let items = saved.iter().map(|entry| {
        let show = ShowRef::by_id(&centre.programme, &entry.id);
        let body = match show {
            Some(show) => {
                let to = Route::new(Some(&centre.id), Page::Show { id: show.id.clone() });
                html! {
                    <>
                        <h3 class="cm-saved__title"><Link {to}>{ show.title.get(lang).to_string() }</Link></h3>
                        <ShowFacts show={show.clone()} />
                        <div class="cm-actions"><SaveButton show={show.clone()} /></div>
                    </>
                }
            }
            None => {
                let remove = {
                    let (kept, entry) = (centre.kept.clone(), entry.clone());
                    Callback::from(move |_: MouseEvent| kept.dispatch(KeptAction::Toggle(entry.clone())))
                };
                html! {
                    <>
                        <h3 class="cm-saved__title">{ entry.title.clone() }</h3>
                        <p class="cm-saved__gone">{ t(Msg::CmNotInProgramme) }</p>
                        <Button class="cm-remove" variant={ButtonVariant::Secondary} onclick={remove}>
                            { t(Msg::CmRemove) }
                        </Button>
                    </>
                }
            }
        };
        html! { <li class="cm-saved" key={entry.id.clone()} data-show-id={entry.id.clone()}>{ body }</li> }
    });
    html! {
        <section class="cm-saved-page" aria-labelledby="cm-saved-title">
            <h2 id="cm-saved-title">{ t(Msg::CmSavedTitle) }</h2>
            { for chats.iter().map(|saved| html! { <FeedbackChat key={saved.id.clone()} saved={saved.clone()} /> }) }
            if saved.is_empty() {
                <EmptyState message={Msg::CmNothingSaved} />
            } else {
                <ul class="cm-saved-list">{ for items }</ul>
            }
            <p class="cm-privacy">{ t(Msg::CmPrivacy) }</p>
        </section>
    }
}
