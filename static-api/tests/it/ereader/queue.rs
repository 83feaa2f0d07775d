//! Reservations through the API: a free book is borrowed, not reserved; a queue in
//! order, paused and resumed places, a held licence for the first, passing and
//! cancelling, each refusal with the rule's Dutch message.

use axum::http::{Method, StatusCode};
use serde_json::json;

use super::{CARD, borrow, member_session, title, with_member};
use crate::support::{Backend, Session, TestApp};

async fn reserve(app: &TestApp, who: &Session, title: i64) -> crate::support::TestResponse {
    app.request_as(
        Method::POST,
        "/api/ereader/reservations",
        Some(json!({"title": title})),
        who,
    )
    .await
}

async fn act(
    app: &TestApp,
    who: &Session,
    title: i64,
    action: &str,
) -> crate::support::TestResponse {
    app.request_as(
        Method::POST,
        &format!("/api/ereader/reservations/{title}"),
        Some(json!({"action": action})),
        who,
    )
    .await
}

async fn a_member_reserves_and_takes_the_hold(backend: Backend) {
    let app = with_member(backend).await;
    let (a, b) = (title(&app, "Aap", 1).await, title(&app, "Beer", 1).await);
    let ann = member_session(&app, CARD).await;
    let bert = member_session(&app, "2000000000099").await;
    let cis = member_session(&app, "2000000000105").await;
    // A free book is borrowed, not reserved.
    let free = reserve(&app, &bert, a).await;
    assert_eq!(free.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        free.json["error"]["message"],
        "Dit boek is nu vrij. Je hoeft niet te reserveren: leen het meteen."
    );
    let anns = borrow(&app, &ann, a, None).await;
    assert_eq!(anns.status, StatusCode::CREATED);
    let place = reserve(&app, &bert, a).await;
    assert_eq!(place.status, StatusCode::CREATED, "{}", place.json);
    assert_eq!(
        (
            &place.json["title"],
            &place.json["place"],
            &place.json["waiting"]
        ),
        (&json!("Aap"), &json!(1), &json!(1))
    );
    assert!(place.json.get("hold_until").is_none(), "{}", place.json);
    assert_eq!(reserve(&app, &cis, a).await.json["place"], 2);
    let titles = app.get("/api/ereader/titles").await;
    assert_eq!(
        (&titles.json[0]["free"], &titles.json[0]["waiting"]),
        (&json!(0), &json!(2))
    );
    assert_eq!(
        reserve(&app, &bert, a).await.json["error"]["message"],
        "Je hebt dit boek al gereserveerd. Je plaats in de wachtrij zie je bij je reservaties."
    );
    assert_eq!(
        reserve(&app, &bert, 9_999).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        reserve(&app, &bert.without_csrf(), b).await.status,
        StatusCode::FORBIDDEN
    );
    // Cis pauses her place and takes it up again.
    let paused = act(&app, &cis, a, "suspend").await;
    assert_eq!(
        (paused.status, &paused.json["suspended"]),
        (StatusCode::OK, &json!(true))
    );
    assert_eq!(act(&app, &cis, a, "resume").await.json["suspended"], false);
    // Ann returns Aap: it waits for Bert, not for Cis.
    let back = format!("/api/ereader/loans/{}/return", anns.json["id"]);
    assert_eq!(
        app.request_as(Method::POST, &back, None, &ann).await.status,
        StatusCode::NO_CONTENT
    );
    let berts = app.get_as("/api/ereader/reservations", &bert).await;
    assert!(
        berts.json[0]["hold_until"].as_i64().is_some(),
        "{}",
        berts.json
    );
    assert_eq!(
        borrow(&app, &cis, a, None).await.json["error"]["message"],
        "Dit boek is nu helemaal uitgeleend. Reserveer het: zodra het vrij is, houden we het voor je vast."
    );
    assert_eq!(
        act(&app, &bert, a, "suspend").await.json["error"]["message"],
        "Dit boek ligt voor je klaar. Leen het nu of geef je beurt door."
    );
    // Bert passes: it waits for Cis, who takes it; the queue is empty.
    assert_eq!(
        act(&app, &bert, a, "pass").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.get_as("/api/ereader/reservations", &bert).await.json,
        json!([])
    );
    assert_eq!(
        app.get_as("/api/ereader/reservations", &cis).await.json[0]["place"],
        1
    );
    assert_eq!(
        borrow(&app, &cis, a, None).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        app.get_as("/api/ereader/reservations", &cis).await.json,
        json!([])
    );
    // Cancelling: a place ends; a second cancel is refused.
    assert_eq!(
        borrow(&app, &ann, b, None).await.status,
        StatusCode::CREATED
    );
    assert_eq!(reserve(&app, &bert, b).await.status, StatusCode::CREATED);
    let cancel = format!("/api/ereader/reservations/{b}");
    assert_eq!(
        app.request_as(Method::DELETE, &cancel, None, &bert)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        app.request_as(Method::DELETE, &cancel, None, &bert)
            .await
            .json["error"]["message"],
        "Je hebt dit boek niet (meer) gereserveerd."
    );
    assert_eq!(
        app.get("/api/ereader/reservations").await.status,
        StatusCode::UNAUTHORIZED
    );
}

on_both_backends!(a_member_reserves_and_takes_the_hold);
