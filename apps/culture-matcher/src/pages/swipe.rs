//! `/culture-matcher/?centrum=<id>`: five trailer cards to heart or cross, the first
//! time a short optional "about you" step, then three tips made for those choices (the
//! step opens again from the tips). Hearts, crosses and the answers stay in this
//! browser; the centre only gets anonymous counts (shown, heart, cross, suggested). When
//! a saved show's evening has passed, a line above the cards says a short question about
//! it is waiting.

use std::cell::RefCell;
use std::rc::Rc;

use suite_domain::culture::about::About;
use suite_domain::culture::insight::Interaction;
use suite_domain::culture::recommend::Swipes;
use suite_domain::i18n::Msg;
use suite_ui::{
    Button, ButtonVariant, EmptyState, SwipeDeck, Verdict, use_lang, use_mark_ready, use_t,
};
use yew::prelude::*;

use crate::centre::{KeptAction, ShowRef, use_centre};
use crate::components::{AboutYou, SwipeCard, TipCard};
use crate::matcher::{Tip, cards, random_seed, tips};
use crate::nav::Link;
use crate::report::report;
use crate::route::{Page, Route};
use crate::{store, time};

#[derive(Clone)]
enum Phase {
    Deck,
    /// The "about you" step after the swipe, with the swipe's choices.
    About(Rc<Swipes>),
    Tips(Rc<Swipes>, Rc<Vec<Tip>>),
}

/// The tips phase for `swipes` and what the young person said; counts each show
/// suggested once per swipe (`suggested`), however often the tips are made again.
fn tips_phase(
    centre: &crate::centre::Centre,
    swipes: Rc<Swipes>,
    about: &About,
    seed: u64,
    lang: suite_domain::i18n::Lang,
    suggested: &RefCell<Vec<String>>,
) -> Phase {
    let list = tips(&centre.programme, &swipes, about, time::now(), seed, lang);
    let mut counted = suggested.borrow_mut();
    for tip in &list {
        if !counted.contains(&tip.show.id) {
            report(&centre.id, &tip.show.id, Interaction::Suggested);
            counted.push(tip.show.id.clone());
        }
    }
    Phase::Tips(swipes, Rc::new(list))
}

#[function_component]
pub(crate) fn SwipePage() -> Html {
    let t = use_t();
    let lang = use_lang();
    let centre = use_centre();
    let seed = use_state(random_seed);
    let phase = use_state(|| Phase::Deck);
    let verdicts: Rc<RefCell<Vec<(String, Verdict)>>> = use_mut_ref(Vec::new);
    let shown: Rc<RefCell<Vec<String>>> = use_mut_ref(Vec::new);
    let suggested: Rc<RefCell<Vec<String>>> = use_mut_ref(Vec::new);
    let programme = centre.as_ref().map(|c| c.programme.clone());
    let deck = {
        let programme = programme.clone();
        let crossed = centre
            .as_ref()
            .map(|c| c.kept.kept.crossed_lately(time::now()))
            .unwrap_or_default();
        use_memo(*seed, move |&seed| {
            programme
                .map(|p| cards(&p, time::now(), seed, &crossed))
                .unwrap_or_default()
        })
    };
    let tips_heading = use_node_ref();
    {
        let heading = tips_heading.clone();
        let in_tips = matches!(*phase, Phase::Tips(..));
        use_effect_with(in_tips, move |&in_tips| {
            if in_tips && let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    use_mark_ready(true);
    let Some(centre) = centre else {
        return Html::default();
    };

    if let Phase::About(swipes) = &*phase {
        // Kept in this browser, then the tips, made after the pressed button painted.
        let show_tips = {
            let (phase, swipes, centre, suggested) = (
                phase.clone(),
                swipes.clone(),
                centre.clone(),
                suggested.clone(),
            );
            let seed = *seed;
            Callback::from(move |about: About| {
                store::save_about(&about);
                let (phase, swipes, centre, suggested) = (
                    phase.clone(),
                    swipes.clone(),
                    centre.clone(),
                    suggested.clone(),
                );
                suite_ui::after_next_paint(move || {
                    phase.set(tips_phase(&centre, swipes, &about, seed, lang, &suggested));
                });
            })
        };
        // A skip changes nothing said before, and the step is not asked again.
        let on_skip = show_tips.reform(|()| store::load_about().unwrap_or_default());
        let on_done = show_tips;
        let about = store::load_about().unwrap_or_default();
        return html! { <AboutYou {about} {on_done} {on_skip} /> };
    }

    if let Phase::Tips(swipes, list) = &*phase {
        let again = {
            let (seed, phase, verdicts, shown, suggested) = (
                seed.clone(),
                phase.clone(),
                verdicts.clone(),
                shown.clone(),
                suggested.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                verdicts.borrow_mut().clear();
                shown.borrow_mut().clear();
                suggested.borrow_mut().clear();
                seed.set(random_seed());
                phase.set(Phase::Deck);
            })
        };
        let edit_about = {
            let (phase, swipes) = (phase.clone(), swipes.clone());
            Callback::from(move |_: MouseEvent| phase.set(Phase::About(swipes.clone())))
        };
        let programme_link = Route::new(
            Some(&centre.id),
            Page::Programme {
                filter_query: String::new(),
            },
        );
        return html! {
            <section class="cm-tips" aria-labelledby="cm-tips-title">
                <h2 id="cm-tips-title" tabindex="-1" ref={tips_heading}>{ t(Msg::CmTipsTitle) }</h2>
                if list.is_empty() {
                    <EmptyState message={Msg::CmNoTips} />
                }
                <div class="cm-tip-list">
                    { for list.iter().map(|tip| html! {
                        <TipCard key={tip.show.id.clone()} show={tip.show.clone()}
                                 because={tip.because.clone()} reasons={tip.reasons.clone()} />
                    }) }
                </div>
                <div class="cm-after">
                    <Button class="cm-swipe-again" variant={ButtonVariant::Secondary} onclick={again}>
                        { t(Msg::CmSwipeAgain) }
                    </Button>
                    <Button class="cm-about-edit" variant={ButtonVariant::Secondary} onclick={edit_about}>
                        { t(Msg::CmAboutEdit) }
                    </Button>
                    <Link to={programme_link} class="cm-after__link">{ t(Msg::CmWholeProgramme) }</Link>
                </div>
            </section>
        };
    }

    if deck.is_empty() {
        let to = Route::new(
            Some(&centre.id),
            Page::Programme {
                filter_query: String::new(),
            },
        );
        return html! {
            <EmptyState message={Msg::CmNoCards}>
                <Link {to}>{ t(Msg::CmWholeProgramme) }</Link>
            </EmptyState>
        };
    }

    let on_shown = {
        let (shown, centre_id) = (shown.clone(), centre.id.clone());
        Callback::from(move |id: String| {
            let mut shown = shown.borrow_mut();
            if !shown.contains(&id) {
                report(&centre_id, &id, Interaction::Shown);
                shown.push(id);
            }
        })
    };
    let render = Callback::from(move |show: ShowRef| {
        html! { <SwipeCard key={show.id.clone()} show={show.clone()} on_shown={on_shown.clone()} /> }
    });
    let on_swipe = {
        let verdicts = verdicts.clone();
        Callback::from(move |(show, verdict): (ShowRef, Verdict)| {
            verdicts.borrow_mut().push((show.id.clone(), verdict));
        })
    };
    let on_undo = {
        let verdicts = verdicts.clone();
        Callback::from(move |_: ShowRef| {
            verdicts.borrow_mut().pop();
        })
    };
    let on_done = {
        let (phase, verdicts, seed, centre, suggested) = (
            phase.clone(),
            verdicts.clone(),
            *seed,
            centre.clone(),
            suggested.clone(),
        );
        Callback::from(move |()| {
            let mut swipes = Swipes {
                earlier_hearts: centre.kept.kept.hearts.clone(),
                ..Swipes::default()
            };
            for (id, verdict) in verdicts.borrow().iter() {
                let (list, interaction) = match verdict {
                    Verdict::Like => (&mut swipes.hearts, Interaction::Heart),
                    Verdict::Dislike => (&mut swipes.crosses, Interaction::Cross),
                };
                list.push(id.clone());
                report(&centre.id, id, interaction);
            }
            centre.kept.dispatch(KeptAction::Swiped {
                hearts: swipes.hearts.clone(),
                crosses: swipes.crosses.clone(),
                at: time::now(),
            });
            let swipes = Rc::new(swipes);
            phase.set(match store::load_about() {
                // Asked once; the tips offer the step again.
                None => Phase::About(swipes),
                Some(about) => tips_phase(&centre, swipes, &about, seed, lang, &suggested),
            });
        })
    };
    let waiting = centre.kept.kept.chats_due(time::now());
    html! {
        <section class="cm-swipe" aria-labelledby="cm-swipe-title">
            if let Some(first) = waiting.first() {
                <p class="cm-chat-waiting">
                    <Link to={Route::new(Some(&centre.id), Page::Saved)} class="cm-chat-waiting__link">
                        { t(Msg::CmChatWaiting) }{ " " }<strong>{ first.title.clone() }</strong>
                    </Link>
                </p>
            }
            <h2 id="cm-swipe-title" class="cm-swipe__title">{ t(Msg::CmSwipeTitle) }</h2>
            <SwipeDeck<ShowRef>
                items={(*deck).clone()}
                {render}
                {on_swipe}
                {on_undo}
                {on_done}
                like_label={AttrValue::Static(t(Msg::CmHeart))}
                dislike_label={AttrValue::Static(t(Msg::CmCross))}
                label={AttrValue::Static(t(Msg::CmDeckHelp))}
            />
            <p class="cm-help">{ t(Msg::CmSwipeHelp) }</p>
        </section>
    }
}
