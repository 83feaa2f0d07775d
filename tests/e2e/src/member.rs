//! An e-reader member through the real API from inside a browser session (the session
//! cookie lands in that browser): log in with card and PIN, borrow a title, set a loan's
//! reading position, return a loan.
//! The bench's e-reader and conformance sections set their readers up with it.

use serde_json::{Value, json};

use crate::{Browser, Result};

/// The demo member the bench reads as (`static_api::demo::ereader::DEMO_MEMBERS`).
pub const CARD: &str = "2000000000012";
pub const PIN: &str = "4321";

/// A logged-in member's session in one browser: the CSRF token every change sends.
pub struct Member {
    csrf: String,
}

fn json_of(what: &str, status: u16, body: &str, wanted: u16) -> Result<Value> {
    if status != wanted {
        return Err(format!("{what}: status {status} (wanted {wanted}): {body}"));
    }
    serde_json::from_str(body).map_err(|e| format!("{what}: {e}: {body}"))
}

impl Member {
    /// Opens a small same-origin page (not an app: nothing of the reader gets cached) and
    /// logs in with `POST /api/ereader/session`.
    pub async fn log_in(browser: &Browser) -> Result<Member> {
        browser.goto("/api/health").await?;
        let (status, body) = browser
            .fetch(
                "POST",
                "/api/ereader/session",
                json!({"content-type": "application/json"}),
                Some(&json!({"card": CARD, "pin": PIN}).to_string()),
            )
            .await?;
        let info = json_of("member login", status, &body, 200)?;
        let csrf = info["csrf_token"]
            .as_str()
            .ok_or("member login: no csrf_token")?
            .to_string();
        Ok(Member { csrf })
    }

    fn headers(&self) -> Value {
        json!({"content-type": "application/json", "x-csrf-token": self.csrf})
    }

    /// The collection's title whose name contains `part` (`GET /api/ereader/titles`).
    pub async fn title_named(&self, browser: &Browser, part: &str) -> Result<i64> {
        let (status, body) = browser
            .fetch("GET", "/api/ereader/titles", json!({}), None)
            .await?;
        let titles = json_of("the collection", status, &body, 200)?;
        titles
            .as_array()
            .into_iter()
            .flatten()
            .find(|t| t["title"].as_str().is_some_and(|t| t.contains(part)))
            .and_then(|t| t["id"].as_i64())
            .ok_or_else(|| format!("no title with {part:?} in the collection"))
    }

    /// Borrows `title` (`POST /api/ereader/loans`), or finds the member's running loan
    /// of it: the loan's id.
    pub async fn loan_of(&self, browser: &Browser, title: i64) -> Result<i64> {
        let (status, body) = browser
            .fetch(
                "POST",
                "/api/ereader/loans",
                self.headers(),
                Some(&json!({"title": title}).to_string()),
            )
            .await?;
        if status == 201 {
            let loan = json_of("borrow", status, &body, 201)?;
            return loan["id"].as_i64().ok_or_else(|| format!("borrow: {body}"));
        }
        let (list_status, list) = browser
            .fetch("GET", "/api/ereader/loans", json!({}), None)
            .await?;
        json_of("my loans", list_status, &list, 200)?
            .as_array()
            .into_iter()
            .flatten()
            .find(|l| l["title_id"].as_i64() == Some(title))
            .and_then(|l| l["id"].as_i64())
            .ok_or_else(|| format!("borrow title {title}: status {status}: {body}"))
    }

    /// Saves `loan`'s reading position (`PUT /api/ereader/loans/{loan}/position`): spine
    /// document `spine`, `progress` (0 to 1) into it.
    pub async fn set_position(
        &self,
        browser: &Browser,
        loan: i64,
        spine: u32,
        progress: f64,
    ) -> Result<()> {
        let (status, body) = browser
            .fetch(
                "PUT",
                &format!("/api/ereader/loans/{loan}/position"),
                self.headers(),
                Some(&json!({"spine": spine, "progress": progress}).to_string()),
            )
            .await?;
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(format!("position of loan {loan}: status {status}: {body}"))
        }
    }

    /// Returns `loan` early (`POST /api/ereader/loans/{loan}/return`).
    pub async fn give_back(&self, browser: &Browser, loan: i64) -> Result<()> {
        let (status, body) = browser
            .fetch(
                "POST",
                &format!("/api/ereader/loans/{loan}/return"),
                self.headers(),
                None,
            )
            .await?;
        if (200..300).contains(&status) {
            Ok(())
        } else {
            Err(format!("return loan {loan}: status {status}: {body}"))
        }
    }
}
