//! Voor de Show's API on both databases: a centre with an active subscription invites
//! theatre companies through the staff invitation link; a company keeps its shows
//! (checked show data, refused field by field with nothing stored) and uploads, and
//! never reads or changes another company's show; the preview carries the company's
//! own data and the resolver marks what it left out. The school side is in
//! `vds/school.rs`.

use crate::support;

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use suite_domain::i18n::Lang;
use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::service::SubscriptionState;
use suite_domain::show::{Grade, ShowData, builtin, resolve};
use support::{Backend, Session, TestApp};

#[path = "vds/school.rs"]
mod school;
pub(crate) use school::fill;
#[path = "vds/uploads.rs"]
mod uploads;

pub(crate) const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
pub(crate) const KLEIN_VERHAAL: (&str, &str) = ("gezelschap@demo.invalid", "demo-theater-2026");
pub(crate) const COMPANIES: &str = "/api/voor-de-show/centres/demo-nova/companies";
const PASSWORD: &str = "toneel-op-de-planken-2026";

/// Show data the check takes, titled `title`.
pub(crate) fn show_data(title: &str) -> Value {
    json!({
        "title": title,
        "company": "Theater Klein Verhaal",
        "synopsis": "Een meisje vindt een koffer vol verhalen en reist door de wereld.",
        "grades": ["6-8", "8-10"],
        "themes": ["vriendschap", "reizen"],
        "key_words": ["koffer"],
    })
}

/// Demo Nova invites a new company `name` with an account for `email`; the answer.
pub(crate) async fn invite(app: &TestApp, nova: &Session, name: &str, email: &str) -> Value {
    let body = json!({"company_name": name, "town": "Gent", "email": email,
        "display_name": "Contact"});
    let made = app
        .request_as(Method::POST, COMPANIES, Some(body), nova)
        .await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    made.json
}

/// A new company invited by Demo Nova, logged in through its link: its id and session.
pub(crate) async fn new_company(app: &TestApp, name: &str, email: &str) -> (String, Session) {
    let nova = app.session(NOVA).await;
    let made = invite(app, &nova, name, email).await;
    let token = crate::accounts::token_of(&made["link"]);
    let accepted = crate::accounts::accept(app, &token, PASSWORD).await;
    assert_eq!(accepted.status, StatusCode::NO_CONTENT, "{}", accepted.json);
    let id = made["company"]["id"].as_str().expect("an id").to_string();
    (id, app.session((email, PASSWORD)).await)
}

/// Makes a show of `company` from `data`; its id.
pub(crate) async fn make_show(app: &TestApp, s: &Session, company: &str, data: Value) -> i64 {
    let path = format!("/api/voor-de-show/companies/{company}/shows");
    let made = app.request_as(Method::POST, &path, Some(data), s).await;
    assert_eq!(made.status, StatusCode::CREATED, "{}", made.json);
    made.json["id"].as_i64().expect("an id")
}

async fn a_centre_invites_companies_through_one_time_links(backend: Backend) {
    let app = TestApp::on(backend).await;
    let nova = app.session(NOVA).await;
    let made = invite(&app, &nova, "Théâtre Één", "een@demo.invalid").await;
    assert_eq!(made["company"]["id"], "theatre-een");
    assert_eq!(made["company"]["name"], "Théâtre Één");
    assert_eq!(made["link"]["account"]["role"]["role"], "company");
    let expires = made["link"]["expires_at"].as_i64().expect("expiry");
    let week = suite_domain::service::INVITATION_SECONDS;
    assert!((expires - static_api::auth::now_unix() - week).abs() < 60);
    // The same name again makes a second company; one of theirs is picked by id.
    let again = invite(&app, &nova, "Théâtre Één", "twee@demo.invalid").await;
    assert_eq!(again["company"]["id"], "theatre-een-2");
    let picked = app
        .request_as(
            Method::POST,
            COMPANIES,
            Some(
                json!({"company": "theatre-een", "email": "drie@demo.invalid",
                "display_name": "Drie"}),
            ),
            &nova,
        )
        .await;
    assert_eq!(picked.status, StatusCode::CREATED, "{}", picked.json);
    assert_eq!(picked.json["company"]["id"], "theatre-een");
    // A company the centre did not invite cannot be picked.
    let foreign = app
        .request_as(
            Method::POST,
            COMPANIES,
            Some(
                json!({"company": "demo-klein-verhaal", "email": "x@demo.invalid",
                "display_name": "X"}),
            ),
            &nova,
        )
        .await;
    assert_eq!(foreign.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(foreign.json["error"]["field"], "company");
    let listed = app.get_as(COMPANIES, &nova).await;
    assert_eq!(listed.status, StatusCode::OK);
    let ids: Vec<&str> = listed.json["companies"]
        .as_array()
        .expect("companies")
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert_eq!(ids, ["theatre-een", "theatre-een-2"]);
    assert_eq!(listed.json["pending"].as_array().map(Vec::len), Some(3));
    // Used, a link is no longer pending, and the account logs in as the company's.
    let token = crate::accounts::token_of(&made["link"]);
    let accepted = crate::accounts::accept(&app, &token, PASSWORD).await;
    assert_eq!(accepted.status, StatusCode::NO_CONTENT);
    let listed = app.get_as(COMPANIES, &nova).await;
    assert_eq!(listed.json["pending"].as_array().map(Vec::len), Some(2));
    let company = app.login("een@demo.invalid", PASSWORD).await;
    assert_eq!(
        company.json["role"]["company"], "theatre-een",
        "{}",
        company.json
    );
    // Bad fields are refused before any company is made.
    let bad = app
        .request_as(
            Method::POST,
            COMPANIES,
            Some(json!({"company_name": "Nieuw", "email": "geen-mail", "display_name": "X"})),
            &nova,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.json["error"]["field"], "email");
    let unnamed = app
        .request_as(
            Method::POST,
            COMPANIES,
            Some(json!({"company_name": " ", "email": "n@demo.invalid", "display_name": "X"})),
            &nova,
        )
        .await;
    assert_eq!(unnamed.json["error"]["field"], "company_name");
    let org = OrgRef::new(OrgKind::Company, "nieuw");
    assert!(app.state.db.get_org(&org).await.expect("read").is_none());
}

async fn only_a_centre_with_an_active_subscription_invites(backend: Backend) {
    let app = TestApp::on(backend).await;
    let nova = app.session(NOVA).await;
    let org = OrgRef::new(OrgKind::Centre, "demo-nova");
    app.state
        .db
        .write_subscription(static_api::db::service::SubscriptionWrite {
            org: &org,
            app: "voor-de-show",
            state: SubscriptionState::Paused,
            by: "test",
            at: "2026-12-01T10:00:00Z",
            population: None,
        })
        .await
        .expect("pause");
    let body = json!({"company_name": "Nieuw", "email": "n@demo.invalid", "display_name": "X"});
    let refused = app
        .request_as(Method::POST, COMPANIES, Some(body), &nova)
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(refused.json["error"]["field"], "centre");
    assert!(
        refused.json["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("niet actief"))
    );
    let company = OrgRef::new(OrgKind::Company, "nieuw");
    assert!(
        app.state
            .db
            .get_org(&company)
            .await
            .expect("read")
            .is_none()
    );
    // Other organisations' staff never reach a centre's companies.
    let company = app.session(KLEIN_VERHAAL).await;
    assert_eq!(
        app.get_as(COMPANIES, &company).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.get(COMPANIES).await.status, StatusCode::UNAUTHORIZED);
}

async fn a_company_keeps_its_own_shows_and_no_other(backend: Backend) {
    let app = TestApp::on(backend).await;
    let (company, own) = new_company(&app, "Het Gezelschap", "gez@demo.invalid").await;
    let shows = format!("/api/voor-de-show/companies/{company}/shows");
    let id = make_show(&app, &own, &company, show_data("De koffer")).await;
    let listed = app.get_as(&shows, &own).await;
    assert_eq!(listed.json[0]["data"]["title"], "De koffer");
    // Refused data names every field with its Dutch message; nothing is stored.
    let mut bad = show_data(" ");
    bad["synopsis"] = json!("Te kort.");
    bad["themes"] = json!([]);
    bad["assignments"] = json!({"bestaat-niet": {"prompt": "Hallo"}});
    let refused = app
        .request_as(Method::POST, &shows, Some(bad.clone()), &own)
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.json
    );
    let fields: Vec<(&str, &str)> = refused.json["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap_or(""),
                p["message"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        fields,
        [
            ("title", "Vul dit in."),
            (
                "synopsis",
                "Schrijf een paar zinnen voor kinderen: minstens 40 tekens."
            ),
            ("themes", "Geef minstens één thema van de voorstelling."),
            (
                "assignments.bestaat-niet",
                "Deze opdracht bestaat niet (meer) in het spel."
            ),
        ]
    );
    assert_eq!(refused.json["error"]["field"], "title");
    let show = format!("/api/voor-de-show/shows/{id}");
    let put = app.request_as(Method::PUT, &show, Some(bad), &own).await;
    assert_eq!(put.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.get_as(&shows, &own).await.json.as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(
        app.get_as(&show, &own).await.json["data"]["title"],
        "De koffer"
    );
    // An image that is not one of the company's uploads is refused at its place.
    let mut foreign_image = show_data("De koffer");
    foreign_image["images"] = json!(["0123456789abcdef"]);
    let put = app
        .request_as(Method::PUT, &show, Some(foreign_image), &own)
        .await;
    assert_eq!(
        put.json["problems"][0]["field"], "images[0]",
        "{}",
        put.json
    );
    let edited = app
        .request_as(Method::PUT, &show, Some(show_data("De rode koffer")), &own)
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.json);
    assert_eq!(edited.json["data"]["title"], "De rode koffer");

    // Another company reads, edits and previews none of it, and lists none of it.
    let other = app.session(KLEIN_VERHAAL).await;
    assert_eq!(
        app.get_as(&show, &other).await.status,
        StatusCode::NOT_FOUND
    );
    let put = app
        .request_as(Method::PUT, &show, Some(show_data("Gekaapt")), &other)
        .await;
    assert_eq!(put.status, StatusCode::NOT_FOUND);
    let preview = format!("{show}/preview");
    assert_eq!(
        app.get_as(&preview, &other).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get_as(&shows, &other).await.status,
        StatusCode::FORBIDDEN
    );
    let made = app
        .request_as(Method::POST, &shows, Some(show_data("Gekaapt")), &other)
        .await;
    assert_eq!(made.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get_as(&show, &own).await.json["data"]["title"],
        "De rode koffer"
    );
}

async fn the_preview_carries_the_show_and_the_resolver_marks_fallbacks(backend: Backend) {
    let app = TestApp::on(backend).await;
    let (company, own) = new_company(&app, "Het Gezelschap", "gez@demo.invalid").await;
    // No prompt for any assignment but one: the data is stored as it is.
    let mut data = show_data("Pluk de dag");
    data["assignments"] = json!({"wat-als": {"prompt": "Wat als jouw koffer kon praten?"}});
    let id = make_show(&app, &own, &company, data).await;
    let preview = format!("/api/voor-de-show/shows/{id}/preview");
    let answer = app.get_as(&preview, &own).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.json);
    assert_eq!(answer.json["code"], "preview");
    assert_eq!(answer.json["show"]["title"], "Pluk de dag");
    assert_eq!(answer.json["grades"], json!(["6-8", "8-10"]));
    let data: ShowData = serde_json::from_value(answer.json["show"].clone()).expect("show data");
    let content = builtin().expect("the game's content");
    let own_prompt = resolve(&content, Some(&data), "wat-als", Grade::Ages6To8, Lang::Nl)
        .expect("an assignment");
    assert_eq!(own_prompt.prompt.value, "Wat als jouw koffer kon praten?");
    assert!(!own_prompt.prompt.is_fallback());
    assert_eq!(own_prompt.show_title.value, "Pluk de dag");
    let fallback = resolve(
        &content,
        Some(&data),
        "licht-en-sfeer",
        Grade::Ages6To8,
        Lang::Nl,
    )
    .expect("an assignment");
    assert!(fallback.prompt.is_fallback());
    assert!(fallback.image.is_fallback());
    // The centre that invited the company previews it; its name comes along.
    let nova = app.session(NOVA).await;
    let seen = app.get_as(&preview, &nova).await;
    assert_eq!(seen.status, StatusCode::OK);
    assert_eq!(seen.json["centre"], "Cultuurcentrum Nova (demo)");
    assert_eq!(
        app.get_as(&preview, &own).await.json["centre"],
        "Het Gezelschap"
    );
    assert_eq!(
        app.get_as("/api/voor-de-show/shows/999999/preview", &own)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

on_both_backends!(
    a_centre_invites_companies_through_one_time_links,
    only_a_centre_with_an_active_subscription_invites,
    a_company_keeps_its_own_shows_and_no_other,
    the_preview_carries_the_show_and_the_resolver_marks_fallbacks
);
