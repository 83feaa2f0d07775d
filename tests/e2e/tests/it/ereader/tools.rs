//! The reader's tools end to end: the display settings (dark colours in and around the
//! frame, the shipped OpenDyslexic computed and loaded, kept on the device), search in
//! the whole book (too short, nothing found, a hit's page with its words marked in
//! view) with axe on both panels, and read aloud where the browser can speak.

use e2e::{Browser, Result};
use serde_json::json;

/// Runs on the reader's page of Children's Literature at text size 140%, in pages.
pub(super) async fn display_search_and_read_aloud(browser: &Browser) -> Result<()> {
    // The display settings: a form of radio groups; dark colours and the shipped
    // dyslexia font, in the book's frame and around it.
    browser.click("#er-settings-button").await?;
    browser
        .wait_until(
            "the settings' focus",
            "document.activeElement && document.activeElement.id === 'er-settings-close'",
        )
        .await?;
    browser.assert_axe_clean("the display settings").await?;
    browser.click("#er-theme-dark").await?;
    browser.click("#er-family-dyslexic").await?;
    browser
        .wait_until(
            "dark colours and OpenDyslexic in the frame",
            "(() => { const w = document.querySelector('.er-frame').contentWindow;
                      const d = w.document;
                      const p = d.querySelector('body p') || d.body;
                      return w.getComputedStyle(d.documentElement).backgroundColor === 'rgb(18, 18, 18)'
                          && w.getComputedStyle(p).color === 'rgb(232, 230, 227)'
                          && w.getComputedStyle(p).fontFamily.includes('OpenDyslexic')
                          && [...d.fonts].some(f => f.family.includes('OpenDyslexic') && f.status === 'loaded')
                          && d.fonts.check('16px OpenDyslexic')
                          && getComputedStyle(document.body).backgroundColor === 'rgb(18, 18, 18)'; })()",
        )
        .await?;
    let kept = browser
        .eval("return localStorage.getItem('e-reader.settings');")
        .await?;
    assert_eq!(
        kept,
        json!("font=140;scroll=0;theme=dark;family=dyslexic;line=m;margin=m")
    );
    browser
        .assert_axe_clean("the display settings, dark")
        .await?;
    browser
        .press("#er-theme-dark", fantoccini::key::Key::Escape)
        .await?;
    browser
        .wait_until(
            "the settings closed",
            "!document.querySelector('#er-settings') && document.activeElement.id === 'er-settings-button'",
        )
        .await?;

    // Search in the whole book: too short is said at the field; nothing found; a
    // place found opens its page with the words marked in view.
    browser.click("#er-search-button").await?;
    browser
        .wait_until(
            "the search's focus",
            "document.activeElement && document.activeElement.id === 'er-search-q'",
        )
        .await?;
    browser.fill("#er-search-q", "a").await?;
    browser.click("#er-search-go").await?;
    browser
        .wait_until(
            "too short",
            "document.querySelector('#er-search-error').textContent.includes('minstens 2')
             && document.querySelector('#er-search-q').getAttribute('aria-invalid') === 'true'",
        )
        .await?;
    browser.fill("#er-search-q", "zzqxj").await?;
    browser.click("#er-search-go").await?;
    browser
        .wait_until(
            "nothing found",
            "document.querySelector('.er-search__status').textContent === 'Niets gevonden'",
        )
        .await?;
    browser.fill("#er-search-q", "mother goose").await?;
    browser.click("#er-search-go").await?;
    browser
        .wait_until(
            "one place",
            "document.querySelectorAll('.er-search__hit').length === 1
             && document.querySelector('.er-search__hit').textContent.includes('Mother Goose')",
        )
        .await?;
    browser.assert_axe_clean("the search's results").await?;
    let before = browser.text("#er-pageno").await?;
    browser.click(".er-search__hit").await?;
    browser
        .wait_until(
            "the marked place in view",
            &format!(
                "(() => {{ const f = document.querySelector('.er-frame');
                          const m = f.contentDocument.getElementById('er-hit');
                          if (!m) return false;
                          const r = m.getBoundingClientRect();
                          return /mother goose/i.test(m.textContent)
                              && r.left >= 0 && r.right <= f.clientWidth
                              && r.top >= 0 && r.bottom <= f.clientHeight
                              && document.querySelector('#er-pageno').textContent !== {}; }})()",
                json!(before)
            ),
        )
        .await?;
    browser
        .press("#er-search-q", fantoccini::key::Key::Escape)
        .await?;

    // Read aloud: its button is there when the browser can speak; it starts and stops.
    let speaks = browser.eval("return 'speechSynthesis' in window;").await?;
    let button = browser
        .eval("return !!document.querySelector('#er-speak');")
        .await?;
    assert_eq!(button, speaks, "the button follows speechSynthesis");
    if speaks == json!(true) {
        browser.click("#er-speak").await?;
        browser
            .wait_until(
                "reading aloud, or done already",
                "!!document.querySelector('#er-speak-stop') || !!document.querySelector('#er-speak')",
            )
            .await?;
        if browser
            .eval("return !!document.querySelector('#er-speak-stop');")
            .await?
            == json!(true)
        {
            browser.click("#er-speak-stop").await?;
            browser
                .wait_until("stopped", "!!document.querySelector('#er-speak')")
                .await?;
        }
    }
    Ok(())
}
