//! `OrgChoice`: staff get their own organisation's back-office, an admin picks one of the
//! app's kind, anyone else reads that there is nothing to manage here.

use serde_json::json;
use suite_domain::i18n::{Lang, Msg};
use suite_domain::org::{OrgKind, Role};
use suite_ui::{OrgChoice, OrgChoiceProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::HtmlSelectElement;
use yew::{AttrValue, Callback, html};

use crate::support::{fetch_calls, mount, settle, stub_fetch, wait_for};

fn props(role: Role) -> OrgChoiceProps {
    OrgChoiceProps {
        role,
        kind: OrgKind::Library,
        select_id: "bo-library".into(),
        label: Msg::Language,
        none_found: Msg::Nothing,
        other_kind: Msg::ErrForbidden,
        office: Callback::from(|id: AttrValue| html! { <p class="office">{ id }</p> }),
    }
}

#[wasm_bindgen_test]
async fn staff_get_their_own_library_without_asking_the_server() {
    stub_fetch(json!({}));
    let staff = Role::LibraryStaff {
        library: "gent".into(),
    };
    let choice = mount::<OrgChoice>(props(staff));
    wait_for("the office", || choice.find(".office").is_some()).await;
    assert_eq!(choice.text(".office"), "gent");
    assert!(choice.find("select").is_none());
    assert!(fetch_calls().is_empty());
    choice.unmount();

    let centre = Role::CentreStaff {
        centre: "nova".into(),
    };
    let other = mount::<OrgChoice>(props(centre));
    wait_for("the message", || other.find(".empty-state").is_some()).await;
    assert!(
        other
            .text(".empty-state")
            .contains(Msg::ErrForbidden.text(Lang::Nl))
    );
    assert!(other.find(".office").is_none());
    other.unmount();
}

#[wasm_bindgen_test]
async fn an_admin_picks_among_the_libraries_and_the_first_is_chosen() {
    let org = |kind: &str, id: &str| json!({"kind": kind, "id": id, "name": id.to_uppercase(), "town": "Gent"});
    stub_fetch(json!({
        "GET /api/orgs": [200, [org("centre", "nova"), org("library", "gent"), org("library", "wetteren")]],
    }));
    let choice = mount::<OrgChoice>(props(Role::Admin));
    wait_for("the office", || choice.find(".office").is_some()).await;
    assert_eq!(choice.text(".office"), "gent");
    let select: HtmlSelectElement = choice.get("select#bo-library").unchecked_into();
    assert_eq!(select.length(), 2, "libraries only");
    assert_eq!(
        choice.text("label[for=bo-library]"),
        Msg::Language.text(Lang::Nl)
    );
    select.set_value("wetteren");
    let change = web_sys::Event::new("change").expect("event");
    select.dispatch_event(&change).expect("dispatched");
    settle().await;
    assert_eq!(choice.text(".office"), "wetteren");
    choice.unmount();

    stub_fetch(json!({ "GET /api/orgs": [200, [org("centre", "nova")]] }));
    let none = mount::<OrgChoice>(props(Role::Admin));
    wait_for("the empty state", || none.find(".empty-state").is_some()).await;
    assert!(
        none.text(".empty-state")
            .contains(Msg::Nothing.text(Lang::Nl))
    );
    none.unmount();
}
