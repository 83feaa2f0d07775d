//! The default app frame that `run_app` starts: main page and staff page.

use serde_json::json;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::{AppFrame, AppFrameProps};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::{AttrValue, html};

use crate::support::{document, html, mount, storage, stub_fetch, wait_for, window};

fn frame(slug: &'static str) -> AppFrameProps {
    AppFrameProps {
        slug: AttrValue::Static(slug),
        children: html! { <p class="own">{ "app" }</p> },
    }
}

fn go_to(path: &str) {
    let history = window().history().expect("a history");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .expect("path changed");
}

#[wasm_bindgen_test]
async fn the_main_page_has_the_app_the_api_check_and_a_way_to_the_staff_page() {
    storage().set_item("suite.lang", "nl-BE").expect("stored");
    html().remove_attribute("data-ready").expect("removed");
    stub_fetch(json!({ "GET /api/health": [200, {"status": "ok", "version": "9", "demo": true}] }));
    let page = mount::<AppFrame>(frame("culture-matcher"));
    wait_for("the title", || page.text("h1") == "Cultuurmatcher").await;
    wait_for("ready", || {
        html().get_attribute("data-ready").as_deref() == Some("true")
    })
    .await;
    wait_for("the API check", || page.find("[data-health=ok]").is_some()).await;
    assert!(document().title().contains("Cultuurmatcher"));
    assert_eq!(page.text(".own"), "app");
    let staff = page.get(".app-frame__link a");
    assert_eq!(staff.get_attribute("href").as_deref(), Some("beheer"));
    assert_eq!(
        staff.text_content().as_deref(),
        Some(Msg::StaffArea.text(Lang::Nl))
    );
    page.unmount();
}

#[wasm_bindgen_test]
async fn the_staff_page_shows_the_staff_panel() {
    storage().set_item("suite.lang", "nl-BE").expect("stored");
    let back = window().location().pathname().expect("a path");
    stub_fetch(json!({
        "GET /api/health": [200, {"status": "ok", "version": "9", "demo": true}],
        "GET /api/session": [204, null],
    }));
    go_to("/bieblo/beheer");
    let page = mount::<AppFrame>(frame("bieblo"));
    wait_for("the login form", || page.find("#login-email").is_some()).await;
    go_to(&back);
    assert!(
        page.find(".own").is_none(),
        "the app's own content is not on the staff page"
    );
    assert_eq!(
        page.get(".app-frame__link a")
            .get_attribute("href")
            .as_deref(),
        Some("./")
    );
    page.unmount();

    let unknown = mount::<AppFrame>(frame("geen-app"));
    wait_for("the error", || unknown.find("[role=alert]").is_some()).await;
    unknown.unmount();
}
