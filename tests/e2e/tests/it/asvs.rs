//! OWASP ASVS 5.0 level 2 against the real server (issue 10): every item of
//! `e2e::asvs::ITEMS`, the same list the bench reports.

use e2e::asvs::{ITEMS, Target, run_all};
use e2e::{Result, TestServer};

#[tokio::test]
async fn asvs_level_2_items_hold_against_the_running_server() -> Result<()> {
    let server = TestServer::start().await?;
    let outcomes = run_all(&Target::of(&server)).await;
    assert_eq!(outcomes.len(), ITEMS.len());
    let problems: Vec<String> = outcomes
        .iter()
        .filter(|o| !o.passed)
        .map(|o| format!("FAIL {} {}: {}", o.id, o.title, o.detail))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} ASVS items:\n{}",
            problems.len(),
            outcomes.len(),
            problems.join("\n")
        ))
    }
}
