//! A kiosk's status for staff, from its last heartbeat
//! (`GET /api/bieblo/<library>/kiosk-status`) by the domain's rule
//! (`suite_domain::bieblo::kiosk_health::kiosk_status`): when it was last seen and which
//! book list it shows, or a warning when it is gone or cannot load the newest list.

use suite_domain::bieblo::kiosk_health::{KioskSeen, KioskStatus, kiosk_status};
use suite_ui::use_lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(super) struct KioskStatusLineProps {
    /// The kiosk is switched on (as saved).
    pub(super) active: bool,
    /// Its last heartbeat; `None` when the heartbeats could not be read (nothing is said).
    pub(super) seen: Option<KioskSeen>,
}

/// One line under the branch's name; nothing for a kiosk that is off.
#[function_component]
pub(super) fn KioskStatusLine(props: &KioskStatusLineProps) -> Html {
    let lang = use_lang();
    let Some(seen) = &props.seen else {
        return Html::default();
    };
    let now = (js_sys::Date::now() / 1000.0) as i64;
    let status = kiosk_status(now, props.active, seen);
    if status == KioskStatus::Off {
        return Html::default();
    }
    let warning = status.is_warning().then_some("kiosk-status--warning");
    html! {
        <p class={classes!("kiosk-status", warning)}>{ status.text(now, lang) }</p>
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use suite_domain::bieblo::kiosk_health::KioskProblem;
    use wasm_bindgen_test::wasm_bindgen_test;
    use web_sys::Element;

    use super::*;

    /// RFC 3339 of `seconds` ago, by the browser's clock.
    fn ago(seconds: f64) -> String {
        let at = js_sys::Date::new(&(js_sys::Date::now() - seconds * 1000.0).into());
        at.to_iso_string().into()
    }

    async fn mounted(active: bool, seen: Option<KioskSeen>) -> Element {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a document");
        let root = document.create_element("div").expect("a div");
        document
            .body()
            .expect("a body")
            .append_child(&root)
            .expect("appended");
        let props = KioskStatusLineProps { active, seen };
        yew::Renderer::<KioskStatusLine>::with_root_and_props(root.clone(), props).render();
        gloo_timers::future::sleep(Duration::from_millis(50)).await;
        root
    }

    fn line(root: &Element) -> Option<Element> {
        root.query_selector(".kiosk-status").ok().flatten()
    }

    #[wasm_bindgen_test]
    async fn a_kiosk_that_cannot_load_its_list_is_a_warning_and_a_seen_one_is_not() {
        let failing = KioskSeen {
            branch_id: "hoofd".into(),
            last_seen_at: Some(ago(60.0)),
            data_from: Some("2026-12-03T06:00:00Z".into()),
            problem: Some(KioskProblem::Snapshot),
            problem_since: Some(ago(600.0)),
        };
        let root = mounted(true, Some(failing.clone())).await;
        let warning = line(&root).expect("a status");
        let class = |e: &Element| e.get_attribute("class").unwrap_or_default();
        assert!(class(&warning).contains("kiosk-status--warning"));
        let text = warning.text_content().unwrap_or_default();
        assert!(
            text.starts_with("Kan de boekenlijst niet laden sinds "),
            "{text}"
        );
        assert!(text.ends_with("; toont die van 3/12/2026"), "{text}");
        root.remove();

        let fine = KioskSeen {
            problem: None,
            problem_since: None,
            ..failing.clone()
        };
        let root = mounted(true, Some(fine)).await;
        let status = line(&root).expect("a status");
        assert!(!class(&status).contains("kiosk-status--warning"));
        let text = status.text_content().unwrap_or_default();
        assert!(text.starts_with("Gezien om "), "{text}");
        root.remove();

        let gone = KioskSeen {
            last_seen_at: Some(ago(16.0 * 60.0)),
            ..failing.clone()
        };
        let root = mounted(true, Some(gone)).await;
        let text = line(&root)
            .and_then(|l| l.text_content())
            .unwrap_or_default();
        assert!(text.starts_with("Niet meer gezien sinds "), "{text}");
        root.remove();

        for (active, seen) in [(false, Some(failing)), (true, None)] {
            let root = mounted(active, seen).await;
            assert!(
                line(&root).is_none(),
                "off, or heartbeats unknown: nothing said"
            );
            root.remove();
        }
    }
}
