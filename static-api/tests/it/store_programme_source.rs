//! The store's programme sources on both backends: set, replaced, removed, gone with
//! their centre; and which centres the scheduled programme refresh imports (a source,
//! not archived, Culture Matcher switched on).

use crate::store::empty;
use crate::support::Backend;

use static_api::db::Db;
use static_api::db::service::SubscriptionWrite;
use suite_domain::culture::source::{ProgrammeSource, SourceKind};
use suite_domain::org::{OrgKind, OrgRef, Organisation};
use suite_domain::service::SubscriptionState;

const AT: &str = "2026-12-05T09:00:00Z";

async fn centre(db: &Db, id: &str, matcher: Option<SubscriptionState>) {
    let org = Organisation {
        kind: OrgKind::Centre,
        id: id.into(),
        name: format!("CC {id}"),
        town: "Wetteren".into(),
        archived: false,
    };
    db.insert_org(&org).await.expect("centre");
    if let Some(state) = matcher {
        db.write_subscription(SubscriptionWrite {
            org: &OrgRef::new(OrgKind::Centre, id),
            app: "culture-matcher",
            state,
            by: "admin@cc.example",
            at: AT,
            population: None,
        })
        .await
        .expect("subscription");
    }
}

fn source(kind: SourceKind, value: &str) -> ProgrammeSource {
    ProgrammeSource {
        kind,
        value: value.into(),
    }
}

async fn a_centres_source_is_set_replaced_and_removed(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    centre(&db, "nova", None).await;
    let none = db.programme_source("nova").await.expect("read");
    assert_eq!(none.source, None);
    assert_eq!(none.changed_by, None);

    let url = source(
        SourceKind::SearchUrl,
        "https://search.uitdatabank.be/events/?q=x",
    );
    db.set_programme_source("nova", Some(&url), "a@cc.example", AT)
        .await
        .expect("set");
    let set = db.programme_source("nova").await.expect("read");
    assert_eq!(set.source.as_ref(), Some(&url));
    assert_eq!(set.changed_by.as_deref(), Some("a@cc.example"));
    assert_eq!(set.changed_at.as_deref(), Some(AT));

    let organiser = source(
        SourceKind::Organiser,
        "5cf42d51-3a4f-46f0-a8af-1cf672be8c84",
    );
    db.set_programme_source(
        "nova",
        Some(&organiser),
        "b@cc.example",
        "2026-12-05T10:00:00Z",
    )
    .await
    .expect("replace");
    let replaced = db.programme_source("nova").await.expect("read");
    assert_eq!(
        replaced.source.as_ref(),
        Some(&organiser),
        "one source per centre"
    );
    assert_eq!(replaced.changed_by.as_deref(), Some("b@cc.example"));

    db.set_programme_source("nova", None, "b@cc.example", AT)
        .await
        .expect("remove");
    assert_eq!(
        db.programme_source("nova").await.expect("read").source,
        None
    );

    // Only a centre that exists has a source.
    let refused = db
        .set_programme_source("nowhere", Some(&url), "a@cc.example", AT)
        .await;
    assert!(refused.is_err(), "no such centre");
}

async fn the_refresh_takes_centres_with_a_source_and_culture_matcher_on(backend: Backend) {
    let (db, _dir) = empty(backend).await;
    centre(&db, "actief", Some(SubscriptionState::Active)).await;
    centre(&db, "gepauzeerd", Some(SubscriptionState::Paused)).await;
    centre(&db, "gevraagd", Some(SubscriptionState::Requested)).await;
    centre(&db, "zonder-bron", Some(SubscriptionState::Active)).await;
    centre(&db, "gearchiveerd", Some(SubscriptionState::Active)).await;
    let url = source(SourceKind::SearchUrl, "https://x.example/events");
    for id in ["actief", "gepauzeerd", "gevraagd", "gearchiveerd"] {
        db.set_programme_source(id, Some(&url), "a@cc.example", AT)
            .await
            .expect("set");
    }
    db.set_archived(&OrgRef::new(OrgKind::Centre, "gearchiveerd"), true, AT)
        .await
        .expect("archive");
    let due = db.centres_to_refresh().await.expect("list");
    let ids: Vec<_> = due.iter().map(|c| c.centre.as_str()).collect();
    assert_eq!(ids, ["actief"]);
    assert_eq!(due[0].source, url);
}

on_both_backends!(
    a_centres_source_is_set_replaced_and_removed,
    the_refresh_takes_centres_with_a_source_and_culture_matcher_on,
);
