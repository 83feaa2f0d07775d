use super::*;
use crate::i18n::Lang;

fn at(text: &str) -> i64 {
    rfc3339_unix(text).expect(text)
}

fn seen(last: Option<&str>, data_from: Option<&str>, problem: Option<(&str,)>) -> KioskSeen {
    KioskSeen {
        branch_id: "hoofd".into(),
        last_seen_at: last.map(String::from),
        data_from: data_from.map(String::from),
        problem: problem.map(|_| KioskProblem::Snapshot),
        problem_since: problem.map(|(since,)| since.to_string()),
    }
}

/// 14:10 in Belgium (winter time).
const NOW: &str = "2026-12-05T13:10:00Z";
const LIST: &str = "2026-12-03T06:00:00.5Z";

#[test]
fn a_kiosk_seen_lately_is_fine_and_says_when_and_which_list() {
    let kiosk = seen(Some("2026-12-05T13:05:30Z"), Some(LIST), None);
    let status = kiosk_status(at(NOW), true, &kiosk);
    assert!(matches!(status, KioskStatus::Fine { .. }), "{status:?}");
    assert!(!status.is_warning());
    assert_eq!(
        status.text(at(NOW), Lang::Nl),
        "Gezien om 14:05 · boekenlijst van 3/12/2026"
    );
    assert_eq!(
        status.text(at(NOW), Lang::En),
        "Seen at 14:05 · book list of 2026-12-03"
    );
    let no_list = kiosk_status(at(NOW), true, &seen(Some(NOW), None, None));
    assert_eq!(no_list.text(at(NOW), Lang::Nl), "Gezien om 14:10");
}

#[test]
fn an_active_kiosk_not_seen_for_over_15_minutes_is_a_warning() {
    let just = seen(Some("2026-12-05T12:55:00Z"), Some(LIST), None);
    assert!(
        !kiosk_status(at(NOW), true, &just).is_warning(),
        "15 minutes exactly is still fine"
    );
    let gone = seen(Some("2026-12-05T12:54:59Z"), Some(LIST), None);
    let status = kiosk_status(at(NOW), true, &gone);
    assert!(matches!(status, KioskStatus::Gone { .. }), "{status:?}");
    assert!(status.is_warning());
    assert_eq!(
        status.text(at(NOW), Lang::Nl),
        "Niet meer gezien sinds 13:54"
    );
    let yesterday = seen(
        Some("2026-12-04T16:00:00Z"),
        None,
        Some(("2026-12-04T15:00:00Z",)),
    );
    let status = kiosk_status(at(NOW), true, &yesterday);
    assert!(
        matches!(status, KioskStatus::Gone { .. }),
        "not being seen outweighs an old problem"
    );
    assert_eq!(
        status.text(at(NOW), Lang::Nl),
        "Niet meer gezien sinds 4/12/2026 17:00"
    );
    assert_eq!(
        status.text(at(NOW), Lang::En),
        "Not seen since 2026-12-04 17:00"
    );
}

#[test]
fn a_reported_problem_says_since_when_and_what_the_kiosk_shows() {
    let kiosk = seen(
        Some("2026-12-05T13:08:00Z"),
        Some(LIST),
        Some(("2026-12-05T11:58:00Z",)),
    );
    let status = kiosk_status(at(NOW), true, &kiosk);
    assert!(status.is_warning());
    assert_eq!(
        status.text(at(NOW), Lang::Nl),
        "Kan de boekenlijst niet laden sinds 12:58; toont die van 3/12/2026"
    );
    assert_eq!(
        status.text(at(NOW), Lang::En),
        "Cannot load the book list since 12:58; shows the one of 2026-12-03"
    );
    let nothing_shown = seen(Some("2026-12-05T13:08:00Z"), None, Some(("kapot",)));
    let status = kiosk_status(at(NOW), true, &nothing_shown);
    assert_eq!(
        status,
        KioskStatus::Problem {
            problem: KioskProblem::Snapshot,
            since: LocalDateTime::from_unix(at("2026-12-05T13:08:00Z")).expect("a time"),
            data_from: None,
        },
        "an unreadable start counts from the last report"
    );
    assert_eq!(
        status.text(at(NOW), Lang::Nl),
        "Kan de boekenlijst niet laden sinds 14:08; toont geen boeken"
    );
}

#[test]
fn off_and_never_seen_kiosks_are_no_warning() {
    let gone = seen(Some("2026-11-01T12:00:00Z"), None, None);
    assert_eq!(kiosk_status(at(NOW), false, &gone), KioskStatus::Off);
    assert_eq!(KioskStatus::Off.text(at(NOW), Lang::Nl), "");
    for never in [seen(None, None, None), seen(Some("gisteren"), None, None)] {
        let status = kiosk_status(at(NOW), true, &never);
        assert_eq!(status, KioskStatus::NeverSeen);
        assert!(!status.is_warning());
        assert!(!status.text(at(NOW), Lang::Nl).is_empty());
    }
    // A clock that runs ahead at the server is no reason for alarm.
    let ahead = seen(Some("2026-12-05T13:20:00Z"), None, None);
    assert!(!kiosk_status(at(NOW), true, &ahead).is_warning());
}

#[test]
fn heartbeats_are_checked_and_read_as_sent() {
    assert!(check_heartbeat(&KioskHeartbeat::default()).is_ok());
    let good = KioskHeartbeat {
        data_from: Some(LIST.into()),
        problem: Some(KioskProblem::Snapshot),
    };
    assert!(check_heartbeat(&good).is_ok());
    for bad in [
        "gisteren",
        "2026-12-03",
        &format!("{LIST}{}", "0".repeat(40)),
    ] {
        let heartbeat = KioskHeartbeat {
            data_from: Some(bad.to_string()),
            problem: None,
        };
        assert_eq!(
            check_heartbeat(&heartbeat).map_err(|e| e.field),
            Err("data_from"),
            "{bad}"
        );
    }
    let read: KioskHeartbeat =
        serde_json::from_str(r#"{"data_from":"2026-12-03T06:00:00Z","problem":"snapshot"}"#)
            .expect("a heartbeat");
    assert_eq!(read.problem, Some(KioskProblem::Snapshot));
    assert!(serde_json::from_str::<KioskHeartbeat>(r#"{"problem":"fire"}"#).is_err());
    for not_an_object in ["[]", r#"["2026-12-03T06:00:00Z"]"#, "null", "3"] {
        assert!(
            serde_json::from_str::<KioskHeartbeat>(not_an_object).is_err(),
            "{not_an_object}"
        );
    }
    assert_eq!(
        serde_json::from_str::<KioskHeartbeat>("{}").ok(),
        Some(KioskHeartbeat::default())
    );
    assert_eq!(
        KioskProblem::from_code(KioskProblem::Snapshot.code()),
        Some(KioskProblem::Snapshot)
    );
    assert_eq!(KioskProblem::from_code("fire"), None);
}
