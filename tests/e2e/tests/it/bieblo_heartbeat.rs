//! Bieblo's kiosk heartbeat end to end: a kiosk in use is seen in the back-office with
//! the book list it shows; when the library's book list cannot be loaded any more, the
//! back-office warns staff while the child's screen stays as it was and the visit goes on.

use std::time::{Duration, Instant};

use e2e::{Browser, Result, TestServer, WETTEREN};
use serde_json::{Value, json};

use crate::bieblo::staff_login;

const KIOSK: &str = "/bieblo/kiosk/demo-wetteren/wetteren-hoofdbibliotheek-demo";
const BRANCH: &str = "wetteren-hoofdbibliotheek-demo";
const STATUS_API: &str = "/api/bieblo/demo-wetteren/kiosk-status";
const VIEW: &str = "/bieblo/beheer/?onderdeel=kiosken";

/// The kiosk's status line in the back-office's kiosk view.
fn status_line() -> String {
    format!("form[aria-labelledby='kiosk-title-{BRANCH}'] .kiosk-status")
}

/// Waits until the kiosk's last heartbeat, as staff read it, is `wanted`; returns it.
async fn heartbeat_until(
    staff: &Browser,
    what: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Result<Value> {
    let started = Instant::now();
    loop {
        let (status, text) = staff.fetch("GET", STATUS_API, json!({}), None).await?;
        if status != 200 {
            return Err(format!("kiosk status {status}: {text}"));
        }
        let list: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
        let seen = list
            .as_array()
            .into_iter()
            .flatten()
            .find(|k| k["branch_id"] == BRANCH)
            .cloned()
            .unwrap_or(Value::Null);
        if wanted(&seen) {
            return Ok(seen);
        }
        if started.elapsed() > e2e::WAIT {
            return Err(format!("timed out waiting for {what}: {seen}"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Opens the kiosk view and returns the kiosk's status line once it says `starts`.
async fn status_in_view(staff: &Browser, starts: &str) -> Result<(String, String)> {
    staff.goto(VIEW).await?;
    staff.wait_ready().await?;
    let line = status_line();
    staff
        .wait_until(
            &format!("the status {starts:?}"),
            &format!(
                "(document.querySelector(\"{line}\")?.textContent ?? '').startsWith({})",
                json!(starts)
            ),
        )
        .await?;
    let class = staff
        .eval(&format!(
            "return document.querySelector(\"{line}\").className;"
        ))
        .await?;
    Ok((
        staff.text(&line).await?,
        class.as_str().unwrap_or_default().to_string(),
    ))
}

#[tokio::test]
async fn staff_see_the_kiosk_and_are_warned_when_it_cannot_load_its_book_list_the_child_is_not()
-> Result<()> {
    let server = TestServer::start().await?;
    let list = server
        .state
        .config
        .public_data_dir()
        .join("bieblo/demo-wetteren.json");
    let snapshot: Value = serde_json::from_slice(
        &std::fs::read(&list).map_err(|e| format!("read {}: {e}", list.display()))?,
    )
    .map_err(|e| format!("snapshot: {e}"))?;

    // A child starts a visit at the kiosk.
    let kiosk = Browser::start(&server.url(""), 1080, 1920).await?;
    kiosk.goto(KIOSK).await?;
    kiosk.wait_ready().await?;
    kiosk.click(".kiosk-start").await?;
    kiosk.find(".age-8-9").await?;

    // Staff see it seen, with the list it shows.
    let staff = Browser::start(&server.url(""), 1280, 900).await?;
    staff_login(&staff, WETTEREN).await?;
    let seen = heartbeat_until(&staff, "the kiosk's heartbeat", |k| {
        k["last_seen_at"].is_string()
    })
    .await?;
    assert_eq!(seen["data_from"], snapshot["generated_at"], "{seen}");
    assert_eq!(seen["problem"], Value::Null);
    let (text, class) = status_in_view(&staff, "Gezien om ").await?;
    assert!(text.contains(" · boekenlijst van "), "{text}");
    assert!(!class.contains("kiosk-status--warning"), "{class}");

    // The library's book list cannot be loaded any more; the kiosk tries again (as it
    // does every five minutes, and at once when its network is back).
    std::fs::remove_file(&list).map_err(|e| format!("remove {}: {e}", list.display()))?;
    kiosk
        .eval("window.dispatchEvent(new Event('online')); return true;")
        .await?;
    let failing = heartbeat_until(&staff, "the kiosk's problem", |k| {
        k["problem"] == "snapshot"
    })
    .await?;
    assert_eq!(
        failing["data_from"], snapshot["generated_at"],
        "it still shows the list it had"
    );
    let (text, class) = status_in_view(&staff, "Kan de boekenlijst niet laden sinds ").await?;
    assert!(text.contains("; toont die van "), "{text}");
    assert!(class.contains("kiosk-status--warning"), "{class}");

    // The child's screen is as it was, and the visit goes on with the list it had.
    let said = kiosk.eval("return document.body.innerText;").await?;
    let said = said.as_str().unwrap_or_default();
    for never in ["kan de boekenlijst", "niet klaar", "niet meer gezien"] {
        assert!(
            !said.to_lowercase().contains(never),
            "{never:?} in {said:?}"
        );
    }
    kiosk.click(".age-8-9").await?;
    kiosk.find(".swipe-card").await?;

    kiosk.close().await;
    staff.close().await;
    Ok(())
}
