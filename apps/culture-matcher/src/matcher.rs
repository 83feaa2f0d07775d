//! The app's one door to the shared recommender (`suite_domain::culture::recommend`):
//! the five swipe cards and the three tips, as the components want them. No choosing
//! happens here.

use std::rc::Rc;

use suite_domain::culture::about::About;
use suite_domain::culture::programme::Programme;
use suite_domain::culture::recommend::{self, Reason, Swipes};
use suite_domain::i18n::Lang;

use crate::centre::ShowRef;

/// A seed for the recommender's variety: a new one per swipe.
pub(crate) fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}

/// The cards of a new swipe, without the shows crossed lately while others are left.
pub(crate) fn cards(
    programme: &Rc<Programme>,
    now: i64,
    seed: u64,
    crossed_lately: &[String],
) -> Vec<ShowRef> {
    recommend::swipe_cards_leaving_out(programme, now, seed, crossed_lately)
        .into_iter()
        .filter_map(|show| ShowRef::of(programme, show))
        .collect()
}

/// One suggested show, ready to render.
#[derive(Clone, PartialEq)]
pub(crate) struct Tip {
    pub(crate) show: ShowRef,
    /// The titles of the hearted shows it resembles.
    pub(crate) because: Vec<String>,
    pub(crate) reasons: Vec<Reason>,
}

/// The tips after a swipe, for what the young person said about themselves (nothing
/// said: young people of 16-25, whose age range leaves out no show suggested).
pub(crate) fn tips(
    programme: &Rc<Programme>,
    swipes: &Swipes,
    about: &About,
    now: i64,
    seed: u64,
    lang: Lang,
) -> Vec<Tip> {
    recommend::suggest(programme, swipes, &about.context(now), seed)
        .into_iter()
        .filter_map(|suggestion| {
            let show = programme.show(&suggestion.show)?;
            let because = suggestion
                .because
                .iter()
                .filter_map(|id| programme.show(id))
                .map(|liked| liked.title.get(lang).to_string())
                .collect();
            Some(Tip {
                show: ShowRef::of(programme, show)?,
                because,
                reasons: suggestion.reasons,
            })
        })
        .collect()
}
