//! The kiosk's heartbeat: after every refresh that reached its active kiosk on the
//! server, one small POST says which book list the kiosk shows and whether the newest
//! could be loaded (`suite_domain::bieblo::kiosk_health`). Staff read it in the
//! back-office; the child never sees any of it, and a heartbeat that fails is dropped.

use gloo_net::http::Request;
use suite_domain::bieblo::kiosk::kiosk_api_path;
use suite_domain::bieblo::kiosk_health::{KioskHeartbeat, KioskProblem};
use suite_domain::date::rfc3339_unix;

use crate::library::Library;

/// The heartbeat of a kiosk that shows `shown` (or nothing) after an attempt with
/// `problem`. A stamp the server would not read is left out rather than losing the beat.
pub(super) fn heartbeat(problem: Option<KioskProblem>, shown: Option<&Library>) -> KioskHeartbeat {
    let data_from = shown
        .map(|library| library.snapshot.generated_at.clone())
        .filter(|stamp| rfc3339_unix(stamp).is_some());
    KioskHeartbeat { data_from, problem }
}

/// Sends the heartbeat of the kiosk of `library`'s `branch`; whatever the answer, nothing
/// follows.
pub(super) async fn send(library: &str, branch: &str, heartbeat: &KioskHeartbeat) {
    let url = format!("{}/heartbeat", kiosk_api_path(library, branch));
    if let Ok(request) = Request::post(&suite_ui::api::url(&url)).json(heartbeat) {
        let _ = request.send().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use suite_domain::bieblo::Snapshot;
    use suite_domain::bieblo::kiosk::KioskSettings;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn library(generated_at: &str) -> Library {
        Library {
            settings: KioskSettings {
                library: "demo-wetteren".into(),
                library_name: "Bib".into(),
                branch_id: "hoofd".into(),
                branch: "Hoofd".into(),
                idle_seconds: 60,
                lang: Default::default(),
                active: true,
                subscribed: true,
            },
            snapshot: Snapshot {
                library: "demo-wetteren".into(),
                generated_at: generated_at.into(),
                demo: true,
                themes: vec![],
                books: vec![],
            },
        }
    }

    #[wasm_bindgen_test]
    fn the_heartbeat_names_the_list_shown_and_the_problem() {
        let shown = library("2026-12-03T06:00:00Z");
        assert_eq!(
            heartbeat(None, Some(&shown)),
            KioskHeartbeat {
                data_from: Some("2026-12-03T06:00:00Z".into()),
                problem: None
            }
        );
        let failing = heartbeat(Some(KioskProblem::Snapshot), Some(&shown));
        assert_eq!(failing.problem, Some(KioskProblem::Snapshot));
        assert_eq!(failing.data_from.as_deref(), Some("2026-12-03T06:00:00Z"));
        assert_eq!(
            heartbeat(Some(KioskProblem::Snapshot), None),
            KioskHeartbeat {
                data_from: None,
                problem: Some(KioskProblem::Snapshot)
            },
            "nothing shown"
        );
        assert_eq!(
            heartbeat(None, Some(&library("vorige week"))).data_from,
            None
        );
    }
}
