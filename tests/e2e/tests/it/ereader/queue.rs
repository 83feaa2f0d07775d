//! The queue end to end, two members on two browsers: Children's Literature has one
//! licence; Ann borrows it, Bert finds it all on loan and reserves it (first of one in
//! his reservations), pauses and resumes his place; Ann returns it, and Bert finds it
//! waiting for him with the hours left, borrows it, and his reservations are empty.

use e2e::{Browser, Result, TestServer};

use super::page::{CARD, PIN, click_in_item, item_says, unexpected};

const BERT: &str = "2000000000099";

async fn log_in_as(browser: &Browser, card: &str) -> Result<()> {
    browser.goto("/e-reader/").await?;
    browser.wait_ready().await?;
    browser.fill("#er-card", card).await?;
    browser.fill("#er-pin", PIN).await?;
    browser.click("#er-log-in").await?;
    browser.find(".er-nav").await?;
    Ok(())
}

#[tokio::test]
async fn a_member_reserves_a_book_on_loan_and_borrows_it_when_it_waits() -> Result<()> {
    let server = TestServer::start().await?;
    let ann = Browser::start(&server.url(""), 1024, 768).await?;
    let bert = Browser::start(&server.url(""), 390, 844).await?;
    log_in_as(&ann, CARD).await?;
    item_says(&ann, "Children", "vrij").await?;
    click_in_item(&ann, "Children", ".er-borrow").await?;
    item_says(&ann, "Children", "Geleend").await?;

    log_in_as(&bert, BERT).await?;
    item_says(&bert, "Children", "Nu helemaal uitgeleend").await?;
    bert.assert_axe_clean("a title all on loan").await?;
    click_in_item(&bert, "Children", ".er-reserve").await?;
    item_says(&bert, "Children", "Gereserveerd").await?;
    item_says(&bert, "Children", "1 in de wachtrij").await?;
    bert.goto("/e-reader/?pagina=leningen").await?;
    bert.wait_ready().await?;
    bert.find("#er-reservations-title").await?;
    item_says(&bert, "Children", "Plaats 1 van 1").await?;
    click_in_item(&bert, "Children", ".er-suspend").await?;
    item_says(&bert, "Children", "Gepauzeerd").await?;
    bert.assert_axe_clean("a paused reservation").await?;
    click_in_item(&bert, "Children", ".er-resume").await?;
    bert.wait_until(
        "the place taken up again",
        "!!document.querySelector('.er-place .er-suspend')",
    )
    .await?;

    // Ann returns it: it waits for Bert.
    ann.goto("/e-reader/?pagina=leningen").await?;
    ann.wait_ready().await?;
    click_in_item(&ann, "Children", ".er-return").await?;
    ann.click(".er-return-yes").await?;
    ann.wait_until(
        "the return said",
        "document.querySelector('.er-notice')?.textContent.trim().length > 0",
    )
    .await?;
    bert.goto("/e-reader/?pagina=leningen").await?;
    bert.wait_ready().await?;
    item_says(
        &bert,
        "Children",
        "Ligt voor je klaar. Leen het binnen 72 uur.",
    )
    .await?;
    bert.assert_axe_clean("a book waiting").await?;
    click_in_item(&bert, "Children", ".er-place .er-button--main").await?;
    bert.wait_until(
        "the loan and no reservation",
        "!!document.querySelector('.er-loan') && document.querySelector('.er-loan').textContent.includes('Children')
         && !document.querySelector('.er-place')",
    )
    .await?;
    for (who, browser) in [("Ann", &ann), ("Bert", &bert)] {
        let errors = unexpected(browser.console_errors().await?);
        assert!(errors.is_empty(), "{who}'s console errors: {errors:#?}");
    }
    ann.close().await;
    bert.close().await;
    Ok(())
}
