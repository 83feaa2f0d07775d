//! The page shell: language switch, contrast theme and the readiness mark.

use suite_domain::i18n::{Lang, Msg};
use suite_ui::{AppShell, AppShellProps, mark_ready, use_mark_ready};
use wasm_bindgen_test::wasm_bindgen_test;
use yew::{Html, Properties, function_component, html};

use crate::support::{click, document, html, mount, storage, wait_for, window};

fn shell(description: Option<Msg>) -> AppShellProps {
    AppShellProps {
        title: Msg::AppCultureMatcherName,
        description,
        context: None,
        children: html! { <p class="child">{ "inhoud" }</p> },
    }
}

#[wasm_bindgen_test]
async fn the_context_sits_under_the_name_and_the_menu_button_shows_the_switches() {
    storage().set_item("suite.lang", "nl-BE").expect("stored");
    let page = mount::<AppShell>(AppShellProps {
        context: Some("Cultuurcentrum Nova".into()),
        ..shell(None)
    });
    wait_for("the context", || {
        page.text(".app-header__title .app-header__context") == "Cultuurcentrum Nova"
    })
    .await;
    assert_eq!(
        document().title(),
        "Cultuurmatcher",
        "the title is the app's name"
    );
    let button = page.get(".app-header__menu-button");
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some(Msg::DisplayMenu.text(Lang::Nl))
    );
    let controls = button.get_attribute("aria-controls").unwrap_or_default();
    assert_eq!(page.get(".app-header__tools").id(), controls);
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    click(&button);
    wait_for("open", || {
        page.get(".app-header__tools")
            .class_list()
            .contains("is-open")
    })
    .await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    crate::support::key_down(&page.get(".lang-switch [data-lang=en]"), "Escape", false);
    wait_for("closed", || {
        !page
            .get(".app-header__tools")
            .class_list()
            .contains("is-open")
    })
    .await;
    assert_eq!(
        document().active_element().map(|e| e.id()),
        Some(button.id()),
        "the focus is back on the menu button"
    );
    page.unmount();
}

fn html_lang() -> Option<String> {
    html().get_attribute("lang")
}

#[wasm_bindgen_test]
async fn switching_to_english_changes_the_title_and_the_document_language() {
    storage().set_item("suite.lang", "nl-BE").expect("stored");
    let page = mount::<AppShell>(shell(Some(Msg::AppCultureMatcherDesc)));
    wait_for("the title", || page.text("h1") == "Cultuurmatcher").await;
    wait_for("lang nl-BE", || html_lang().as_deref() == Some("nl-BE")).await;
    assert_eq!(page.get("main").id(), "main");
    assert_eq!(page.text(".child"), "inhoud");
    assert_eq!(
        page.text(".lead"),
        Msg::AppCultureMatcherDesc.text(Lang::Nl)
    );
    let skip = page.get("a.skip-link");
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#main"));
    let before = window().location().href().ok();
    click(&skip);
    assert_eq!(
        document().active_element(),
        page.find("main"),
        "the skip link focuses main"
    );
    assert_eq!(
        window().location().href().ok(),
        before,
        "and does not navigate"
    );
    assert_eq!(
        page.get(".app-header__back")
            .get_attribute("href")
            .as_deref(),
        Some("/")
    );
    assert!(
        page.text(".app-header__back")
            .contains(Msg::BackToPortal.text(Lang::Nl))
    );
    let english = page.get(".lang-switch [data-lang=en]");
    assert_eq!(
        english.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );

    click(&english);
    wait_for("the English title", || page.text("h1") == "Culture Matcher").await;
    wait_for("lang en", || html_lang().as_deref() == Some("en")).await;
    assert_eq!(
        page.text(".lead"),
        Msg::AppCultureMatcherDesc.text(Lang::En)
    );
    assert_eq!(
        english.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        storage().get_item("suite.lang").ok().flatten().as_deref(),
        Some("en")
    );
    assert_eq!(document().title(), "Culture Matcher");
    page.unmount();

    // The choice is remembered by the next page.
    let next = mount::<AppShell>(shell(None));
    wait_for("the remembered language", || {
        next.text("h1") == "Culture Matcher"
    })
    .await;
    assert!(next.find(".lead").is_none());
    click(&next.get(".lang-switch [data-lang=nl-BE]"));
    wait_for("Dutch again", || html_lang().as_deref() == Some("nl-BE")).await;
    next.unmount();
}

#[wasm_bindgen_test]
async fn without_a_stored_choice_the_browser_language_decides() {
    storage().remove_item("suite.lang").expect("removed");
    let browser = document()
        .default_view()
        .and_then(|w| w.navigator().language());
    let expected = browser
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::Nl);
    let page = mount::<AppShell>(shell(None));
    wait_for("the title", || {
        page.text("h1") == Msg::AppCultureMatcherName.text(expected)
    })
    .await;
    wait_for("the lang attribute", || {
        html_lang().as_deref() == Some(expected.tag())
    })
    .await;
    page.unmount();
}

#[wasm_bindgen_test]
async fn the_contrast_toggle_switches_and_remembers_the_digibord_theme() {
    storage().remove_item("suite.theme").expect("removed");
    html()
        .class_list()
        .remove_1("theme-digibord")
        .expect("removed");
    let page = mount::<AppShell>(shell(None));
    wait_for("the toggle", || page.find(".contrast-toggle").is_some()).await;
    let toggle = page.get(".contrast-toggle");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );

    click(&toggle);
    wait_for("the theme", || {
        html().class_list().contains("theme-digibord")
    })
    .await;
    wait_for("pressed", || {
        toggle.get_attribute("aria-pressed").as_deref() == Some("true")
    })
    .await;
    assert_eq!(
        storage().get_item("suite.theme").ok().flatten().as_deref(),
        Some("digibord")
    );

    click(&toggle);
    wait_for("no theme", || {
        !html().class_list().contains("theme-digibord")
    })
    .await;
    assert_eq!(
        storage().get_item("suite.theme").ok().flatten().as_deref(),
        Some("default")
    );
    page.unmount();
}

#[wasm_bindgen_test]
fn mark_ready_sets_the_attribute() {
    html().remove_attribute("data-ready").expect("removed");
    mark_ready();
    assert_eq!(html().get_attribute("data-ready").as_deref(), Some("true"));
}

#[derive(Properties, PartialEq)]
struct ReadyProps {
    ready: bool,
}

#[function_component]
fn ReadyWhen(props: &ReadyProps) -> Html {
    use_mark_ready(props.ready);
    html! {}
}

#[wasm_bindgen_test]
async fn use_mark_ready_waits_for_ready() {
    html().remove_attribute("data-ready").expect("removed");
    let mut page = mount::<ReadyWhen>(ReadyProps { ready: false });
    crate::support::settle().await;
    assert_eq!(html().get_attribute("data-ready"), None);
    page.handle.update(ReadyProps { ready: true });
    wait_for("data-ready", || {
        html().get_attribute("data-ready").as_deref() == Some("true")
    })
    .await;
    page.unmount();
}
