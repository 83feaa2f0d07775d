//! Loading a centre's programme (`/data/culture-matcher/<centre>.json`). The last good
//! copy is remembered in localStorage as it came, so a network blip on a phone still
//! shows the programme (public data only, nothing about the person).

use std::rc::Rc;

use gloo_net::http::Request;
use suite_domain::culture::programme::Programme;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::{programme_json, store};

/// What the app has of the programme.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Load {
    Loading,
    Ready(Rc<Programme>),
    /// The centre has no published programme.
    Missing,
    /// The centre does not have Culture Matcher switched on (no active subscription).
    NotActive,
    /// Nothing could be loaded and nothing was remembered.
    Failed,
}

enum Fetched {
    Text(String),
    Missing,
    Unreachable,
}

async fn fetch(url: &str) -> Fetched {
    let Ok(response) = Request::get(url)
        .header("accept", "application/json")
        .send()
        .await
    else {
        return Fetched::Unreachable;
    };
    match response.status() {
        200..=299 => match response.text().await {
            Ok(text) => Fetched::Text(text),
            Err(_) => Fetched::Unreachable,
        },
        400..=499 => Fetched::Missing,
        _ => Fetched::Unreachable,
    }
}

fn cache_key(centre: &str) -> String {
    format!("culture.programme.{centre}")
}

fn remembered(centre: &str) -> Option<Programme> {
    programme_json::parse(&store::load(&cache_key(centre))?)
}

/// Whether Culture Matcher is switched on for `centre` (`GET /api/apps/…`); `None` when
/// that cannot be asked now (offline, or a static copy without its instances), and then
/// the programme decides.
async fn active(centre: &str) -> Option<bool> {
    let answer =
        suite_ui::json::fetch(&format!("/api/apps/culture-matcher/centre/{centre}")).await?;
    suite_ui::json::boolean(&answer, "active")
}

/// Loads the programme of `centre` once; the callback tries again.
pub(crate) async fn load(centre: &str) -> Load {
    if active(centre).await == Some(false) {
        return Load::NotActive;
    }
    match fetch(&format!("/data/culture-matcher/{centre}.json")).await {
        Fetched::Text(text) => match programme_json::parse(&text) {
            Some(programme) => {
                store::save(&cache_key(centre), &text);
                Load::Ready(Rc::new(programme))
            }
            None => remembered(centre).map_or(Load::Failed, |p| Load::Ready(Rc::new(p))),
        },
        Fetched::Missing => Load::Missing,
        Fetched::Unreachable => {
            remembered(centre).map_or(Load::Failed, |p| Load::Ready(Rc::new(p)))
        }
    }
}

/// The programme of `centre` (`None`: nothing to load) and a callback that loads it again.
#[hook]
pub(crate) fn use_programme(centre: Option<String>) -> (Load, Callback<()>) {
    let data = use_state(|| Load::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let data = data.clone();
        use_effect_with((centre, *attempt), move |(centre, _)| {
            if let Some(centre) = centre.clone() {
                data.set(Load::Loading);
                spawn_local(async move { data.set(load(&centre).await) });
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*data).clone(), retry)
}
