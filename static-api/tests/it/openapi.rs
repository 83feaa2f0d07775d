//! The OpenAPI document is generated from the handlers and kept true: every documented
//! operation is routed, and answers an anonymous request with a documented status.

use crate::support;

use axum::http::{Method, StatusCode};
use support::TestApp;

#[tokio::test]
async fn served_document_lists_the_api() {
    let app = TestApp::new().await;
    let res = app.get("/api/openapi.json").await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.json["openapi"]
            .as_str()
            .is_some_and(|v| v.starts_with("3."))
    );
    let paths = res.json["paths"].as_object().expect("paths");
    for path in [
        "/api/health",
        "/api/health/live",
        "/api/session",
        "/api/orgs",
        "/api/orgs/{kind}/{id}",
        "/api/staff/invitations",
        "/api/invitations/{token}",
        "/api/session/password",
        "/api/audit",
    ] {
        assert!(paths.contains_key(path), "{path} missing");
    }
    assert!(res.json["components"]["schemas"]["ErrorBody"].is_object());
}

#[tokio::test]
async fn every_documented_operation_answers_with_a_documented_status() {
    let app = TestApp::new().await;
    let doc = app.get("/api/openapi.json").await.json;
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        let concrete = path
            .replace("{kind}", "library")
            .replace("{id}", "demo-wetteren");
        for (method, operation) in item.as_object().expect("path item") {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            let streams = !operation["responses"]["200"]["content"]["text/event-stream"].is_null();
            let status = if streams {
                // A stream never ends: its status, then the stream is dropped.
                app.open_stream(&concrete).await.0
            } else {
                let body =
                    (method == Method::POST || method == Method::PUT).then(|| "{}".to_string());
                app.raw(
                    method.clone(),
                    &concrete,
                    body,
                    &[("content-type", "application/json")],
                )
                .await
                .status
            };
            let documented: Vec<String> = operation["responses"]
                .as_object()
                .expect("responses")
                .keys()
                .cloned()
                .collect();
            assert!(
                documented.contains(&status.as_u16().to_string()),
                "{method} {path} answered {status} but documents {documented:?}",
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} operations checked");
}

#[tokio::test]
async fn answers_every_handler_shares_are_documented_too() {
    let app = TestApp::new().await;
    let session = app.session(support::ADMIN).await;
    let doc = app.get("/api/openapi.json").await.json;
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        if path == "/api/session" {
            continue;
        }
        let concrete = path
            .replace("{kind}", "library")
            .replace("{id}", "demo-wetteren")
            .replace("{library}", "demo-wetteren")
            .replace("{centre}", "demo-nova")
            .replace("{theme}", "sport")
            .replace("{show}", "no-such-show")
            .replace("{venue}", "no-such-venue");
        for (method, operation) in item.as_object().expect("path item") {
            let Ok(method) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            let documented = |status: StatusCode| {
                operation["responses"]
                    .as_object()
                    .is_some_and(|r| r.contains_key(&status.as_u16().to_string()))
            };
            if !operation["requestBody"].is_null() {
                // Logged in, with the CSRF token: a body that is not JSON, and no type.
                let mut headers = vec![
                    ("cookie", session.cookie.as_str()),
                    ("x-csrf-token", session.csrf.as_str()),
                ];
                let untyped = app
                    .raw(method.clone(), &concrete, Some("{}".into()), &headers)
                    .await;
                assert!(
                    documented(untyped.status),
                    "{method} {path} without a content type answered {}",
                    untyped.status
                );
                headers.push(("content-type", "application/json"));
                let broken = app
                    .raw(method.clone(), &concrete, Some("{\"x\": ".into()), &headers)
                    .await;
                assert!(
                    documented(broken.status),
                    "{method} {path} with broken JSON answered {}",
                    broken.status
                );
                checked += 1;
            }
            if path.contains('{') {
                assert!(documented(StatusCode::NOT_FOUND), "{method} {path}: no 404");
                let odd = path
                    .split('/')
                    .map(|seg| if seg.starts_with('{') { "%FF%00" } else { seg })
                    .collect::<Vec<_>>()
                    .join("/");
                let res = app.get_as(&odd, &session).await;
                if method == Method::GET {
                    assert!(
                        documented(res.status),
                        "{method} {odd} answered {}",
                        res.status
                    );
                }
            }
        }
    }
    assert!(
        checked >= 10,
        "only {checked} operations with a body checked"
    );
}

/// The limits the server enforces are in the document, with the values of the domain's
/// consts (the schema attributes take literals, so this ties them together): losing one,
/// or changing one side only, fails here.
#[tokio::test]
async fn the_document_states_the_limits_the_server_enforces() {
    use suite_domain::bieblo::kiosk::{IDLE_SECONDS_RANGE, MAX_USAGE_ITEMS, MAX_USAGE_TIPS};
    use suite_domain::bieblo::theme_edit::{DATA_URL_PATTERN, LABEL_MAX, TERM_MAX, TERMS_MAX};
    use suite_domain::culture::insight::{FEEDBACK_WORDS_MAX, RATING_MAX, RATING_MIN, SHOW_ID_MAX};
    use suite_domain::culture::show_input::{
        ALT_MAX, DATE_PATTERN, DATES_MAX, GENRES, PRICE_MAX_CENTS, TEXT_MAX, TITLE_MAX, URL_MAX,
        WEB_URL_PATTERN,
    };
    use suite_domain::culture::staff::NOTE_MAX;
    use suite_domain::validation::{
        EMAIL_MAX_BYTES, EMAIL_PATTERN, MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS, NAME_MAX,
        NOT_BLANK_ON_ONE_LINE_PATTERN, NOT_BLANK_PATTERN,
    };

    let app = TestApp::new().await;
    let doc = app.get("/api/openapi.json").await.json;
    let schemas = &doc["components"]["schemas"];
    let field = |schema: &str, name: &str| {
        // A schema with a rule across its fields is `allOf: [fields, rule]`.
        let fields = match &schemas[schema]["allOf"][0] {
            serde_json::Value::Null => &schemas[schema],
            first => first,
        };
        let value = &fields["properties"][name];
        assert!(value.is_object(), "{schema}.{name} missing");
        value.clone()
    };
    let number = |schema: &str, name: &str, key: &str| {
        field(schema, name)[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{schema}.{name} has no {key}"))
    };
    let text = |schema: &str, name: &str, key: &str| {
        field(schema, name)[key]
            .as_str()
            .unwrap_or_else(|| panic!("{schema}.{name} has no {key}"))
            .to_string()
    };
    let n = |v: usize| u64::try_from(v).expect("small");

    // Culture Matcher's after-show chat.
    assert_eq!(
        number("Feedback", "rating", "minimum"),
        u64::from(RATING_MIN)
    );
    assert_eq!(
        number("Feedback", "rating", "maximum"),
        u64::from(RATING_MAX)
    );
    assert_eq!((RATING_MIN, RATING_MAX), (1, 5), "the chat's emoji scale");
    assert_eq!(
        number("Feedback", "words", "maxLength"),
        n(FEEDBACK_WORDS_MAX)
    );
    assert_eq!(number("Feedback", "show", "maxLength"), n(SHOW_ID_MAX));
    assert_eq!(
        number("InteractionReport", "show", "maxLength"),
        n(SHOW_ID_MAX)
    );

    // Bieblo's kiosk.
    let idle = "KioskSettingsUpdate";
    assert_eq!(
        number(idle, "idle_seconds", "minimum"),
        u64::from(*IDLE_SECONDS_RANGE.start())
    );
    assert_eq!(
        number(idle, "idle_seconds", "maximum"),
        u64::from(*IDLE_SECONDS_RANGE.end())
    );
    assert_eq!(
        number("KioskUsage", "tips", "maximum"),
        u64::from(MAX_USAGE_TIPS)
    );
    assert_eq!(
        number("KioskUsage", "swipes", "maxItems"),
        n(MAX_USAGE_ITEMS)
    );
    assert_eq!(
        number("KioskUsage", "tip_themes", "maxItems"),
        n(MAX_USAGE_ITEMS)
    );
    let theme_ids: Vec<String> = suite_domain::bieblo::default_themes()
        .into_iter()
        .map(|t| t.id.0)
        .collect();
    assert_eq!(schemas["ThemeId"]["enum"], serde_json::json!(theme_ids));
    assert_eq!(
        schemas["AgeBand"]["enum"],
        serde_json::json!(["six_seven", "eight_nine", "ten_eleven"])
    );

    // Bieblo's themes.
    for label in ["label_nl", "label_en"] {
        assert_eq!(number("Theme", label, "maxLength"), n(LABEL_MAX));
        assert_eq!(text("Theme", label, "pattern"), NOT_BLANK_PATTERN);
    }
    for list in ["genres", "subjects", "awards", "requires_any_subject"] {
        assert_eq!(number("Theme", list, "maxItems"), n(TERMS_MAX));
        assert_eq!(
            field("Theme", list)["items"]["maxLength"].as_u64(),
            Some(n(TERM_MAX))
        );
    }
    assert!(text("Theme", "picture", "pattern").contains("themes/(humour|"));
    assert_eq!(
        text("ThemePictureUpload", "data_url", "pattern"),
        DATA_URL_PATTERN
    );

    // Culture Matcher's back-office.
    let show = "ShowInput";
    assert_eq!(number(show, "title", "minLength"), 1);
    assert_eq!(number(show, "title", "maxLength"), n(TITLE_MAX));
    assert_eq!(
        text(show, "title", "pattern"),
        NOT_BLANK_ON_ONE_LINE_PATTERN
    );
    assert_eq!(number(show, "text", "maxLength"), n(TEXT_MAX));
    assert_eq!(number(show, "dates", "minItems"), 1);
    assert_eq!(number(show, "dates", "maxItems"), n(DATES_MAX));
    assert_eq!(
        number(show, "price_cents", "maximum"),
        u64::from(PRICE_MAX_CENTS)
    );
    assert_eq!(number(show, "ticket_url", "maxLength"), n(URL_MAX));
    assert_eq!(text(show, "ticket_url", "pattern"), WEB_URL_PATTERN);
    assert_eq!(number(show, "trailer", "maxLength"), n(URL_MAX));
    assert_eq!(number(show, "image_alt", "maxLength"), n(ALT_MAX));
    let genres: Vec<&str> = GENRES.iter().map(|(id, _)| *id).collect();
    assert_eq!(field(show, "genre")["enum"], serde_json::json!(genres));
    assert_eq!(text("DateInput", "start", "pattern"), DATE_PATTERN);
    // Bieblo's kiosk heartbeat.
    use suite_domain::bieblo::kiosk_health::{MAX_TIME_LEN, TIME_PATTERN};
    assert_eq!(text("KioskHeartbeat", "data_from", "pattern"), TIME_PATTERN);
    assert_eq!(
        number("KioskHeartbeat", "data_from", "maxLength"),
        n(MAX_TIME_LEN)
    );
    assert_eq!(text("DateInput", "end", "pattern"), DATE_PATTERN);
    for note in ["transport_note", "bike_note"] {
        assert_eq!(number("VenueNotes", note, "maxLength"), n(NOTE_MAX));
    }

    // Staff and organisations.
    assert_eq!(
        number("NewInvitation", "email", "maxLength"),
        n(EMAIL_MAX_BYTES)
    );
    assert_eq!(text("NewInvitation", "email", "pattern"), EMAIL_PATTERN);
    for (schema, password) in [("InvitationAccept", "password"), ("PasswordChange", "new")] {
        assert_eq!(number(schema, password, "minLength"), n(MIN_PASSWORD_CHARS));
        assert_eq!(number(schema, password, "maxLength"), n(MAX_PASSWORD_CHARS));
    }
    assert_eq!(
        number("NewInvitation", "display_name", "maxLength"),
        n(NAME_MAX)
    );
    for (schema, name) in [
        ("NewInvitation", "display_name"),
        ("NewOrganisation", "name"),
        ("Branch", "name"),
    ] {
        assert_eq!(text(schema, name, "pattern"), NOT_BLANK_PATTERN, "{schema}");
    }
    let roles = &schemas["NewInvitation"]["allOf"][1]["oneOf"];
    assert_eq!(
        roles[0]["properties"]["role"]["enum"],
        serde_json::json!(["admin"])
    );
    assert_eq!(roles[0]["properties"]["org"]["type"], "null");
    assert_eq!(
        roles[1]["properties"]["role"]["enum"],
        serde_json::json!(["library_staff", "centre_staff", "company"])
    );
    assert_eq!(roles[1]["required"], serde_json::json!(["org"]));
    assert_eq!(
        number("OrganisationUpdate", "name", "maxLength"),
        n(NAME_MAX)
    );
    assert_eq!(
        number("OrganisationUpdate", "town", "maxLength"),
        n(NAME_MAX)
    );
}

/// The own words to delete are named in the query, as the handler reads them.
#[tokio::test]
async fn deleting_words_documents_its_query() {
    let app = TestApp::new().await;
    let doc = app.get("/api/openapi.json").await.json;
    let operation = &doc["paths"]["/api/culture/{centre}/insight/words"]["delete"];
    for name in ["show", "words"] {
        let param = operation["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(param["in"], "query", "{name}");
    }
    assert!(operation["responses"]["422"].is_object());
}
