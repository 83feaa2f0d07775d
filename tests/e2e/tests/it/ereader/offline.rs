//! The e-reader offline, end to end: the browser reaches the server through a plug the
//! test pulls (every open connection cut, new ones closed at once: the server is
//! really out of reach, for the page and its service worker alike). A member keeps a
//! borrowed book on the device, reloads without a network and reads and turns a page;
//! back online they return it and its copy is gone. A copy whose loan has ended is
//! refused offline with the Dutch message and deleted.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use e2e::{Browser, Result, TestServer};
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

use super::page::{CARD, click_in_item, item_says, log_in, visible_text, wait_page};

/// A plug between the browser and the server: pulled, it cuts every open connection
/// and closes new ones at once, as when a device loses its network.
struct Plug {
    addr: SocketAddr,
    online: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<JoinHandle<()>>>>,
    accepting: JoinHandle<()>,
}

impl Plug {
    async fn start(server: SocketAddr) -> Result<Plug> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("plug: {e}"))?;
        let addr = listener.local_addr().map_err(|e| format!("plug: {e}"))?;
        let online = Arc::new(AtomicBool::new(true));
        let open = Arc::new(Mutex::new(Vec::new()));
        let (on, conns) = (online.clone(), open.clone());
        let accepting = tokio::spawn(async move {
            while let Ok((mut browser, _)) = listener.accept().await {
                if !on.load(Ordering::SeqCst) {
                    continue; // dropped: the browser sees the connection closed
                }
                let carry = tokio::spawn(async move {
                    if let Ok(mut server) = TcpStream::connect(server).await {
                        let _ = tokio::io::copy_bidirectional(&mut browser, &mut server).await;
                    }
                });
                if let Ok(mut list) = conns.lock() {
                    list.push(carry);
                }
            }
        });
        Ok(Plug {
            addr,
            online,
            open,
            accepting,
        })
    }

    fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    fn pull(&self) {
        self.online.store(false, Ordering::SeqCst);
        if let Ok(mut list) = self.open.lock() {
            for carry in list.drain(..) {
                carry.abort();
            }
        }
    }

    fn plug_in(&self) {
        self.online.store(true, Ordering::SeqCst);
    }
}

impl Drop for Plug {
    fn drop(&mut self) {
        self.pull();
        self.accepting.abort();
    }
}

/// The names of the origin's caches.
async fn cache_names(browser: &Browser) -> Result<Vec<String>> {
    let names = browser
        .eval_async("caches.keys().then(done, e => done(String(e)));")
        .await?;
    serde_json::from_value(names.clone()).map_err(|e| format!("caches.keys(): {names}: {e}"))
}

/// Waits until both of the worker's registrations are active and this page is served
/// by it.
async fn wait_worker(browser: &Browser) -> Result<()> {
    browser
        .wait_until("the service worker", "!!navigator.serviceWorker.controller")
        .await?;
    let scopes = browser
        .eval_async(
            "navigator.serviceWorker.getRegistrations().then(rs =>
               done(rs.filter(r => r.active).map(r => new URL(r.scope).pathname).sort()));",
        )
        .await?;
    assert_eq!(scopes, json!(["/api/ereader/loans/", "/e-reader/"]));
    Ok(())
}

/// The id of the member's loan of the title with `part`, from the loans page.
async fn loan_id(browser: &Browser, part: &str) -> Result<i64> {
    let id = browser
        .eval(&format!(
            "const li = [...document.querySelectorAll('.er-loan')].find(li => li.textContent.includes({}));
             return li ? Number(li.querySelector('h3').id.replace('er-loan-', '')) : null;",
            json!(part)
        ))
        .await?;
    id.as_i64().ok_or_else(|| format!("no loan of {part:?}"))
}

async fn keep_offline(browser: &Browser, part: &str) -> Result<()> {
    browser.goto("/e-reader/?pagina=leningen").await?;
    browser.wait_ready().await?;
    item_says(browser, part, "Offline beschikbaar maken").await?;
    click_in_item(browser, part, ".er-offline-save").await?;
    browser
        .wait_until(
            "the book kept on the device",
            "!!document.querySelector('.er-offline-ready')",
        )
        .await?;
    item_says(browser, part, "Offline beschikbaar").await
}

#[tokio::test]
async fn a_kept_book_is_read_offline_and_leaves_the_device_when_returned() -> Result<()> {
    let server = TestServer::start().await?;
    let plug = Plug::start(server.addr).await?;
    let browser = Browser::start(&plug.url(), 1024, 768).await?;
    log_in(&browser, "/e-reader/").await?;
    wait_worker(&browser).await?;
    // The app is installable: its manifest, in Dutch, with both icons.
    let (status, text) = browser
        .fetch("GET", "/e-reader/manifest.webmanifest", json!({}), None)
        .await?;
    assert_eq!(status, 200);
    let manifest: Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    assert_eq!(manifest["name"], "E-boeken");
    assert_eq!(manifest["lang"], "nl-BE");
    assert_eq!(manifest["scope"], "/e-reader/");
    assert_eq!(manifest["icons"].as_array().map(Vec::len), Some(2));

    click_in_item(&browser, "Moby", ".er-borrow").await?;
    item_says(&browser, "Moby", "Geleend").await?;
    keep_offline(&browser, "Moby").await?;
    let loan = loan_id(&browser, "Moby").await?;
    let copy = format!("ereader-loan-{loan}");
    assert!(cache_names(&browser).await?.contains(&copy));
    browser.assert_axe_clean("a loan kept offline").await?;

    // Without a network: the app starts, the book opens where it was and a page turns.
    plug.pull();
    browser.goto(&format!("/e-reader/?boek={loan}")).await?;
    browser.wait_ready().await?;
    wait_page(&browser).await?;
    browser
        .wait_until(
            "the offline banner",
            "!!document.querySelector('#er-offline')",
        )
        .await?;
    // Turns move through the book offline: each document comes from the device, until
    // one with words on its page (Moby-Dick opens with a cover and a title picture).
    let mut turns = 0;
    loop {
        let before = browser.text("#er-pageno").await?;
        browser.click("#er-next").await?;
        browser
            .wait_until(
                "the next page",
                &format!(
                    "document.querySelector('#er-pageno').textContent !== {}",
                    json!(before)
                ),
            )
            .await?;
        wait_page(&browser).await?;
        turns += 1;
        if !visible_text(&browser).await?.is_empty() || turns > 5 {
            break;
        }
    }
    let words = visible_text(&browser).await?;
    assert!(!words.is_empty(), "no words after {turns} turns offline");
    // The loans known from the last visit; returning waits for the network.
    browser.goto("/e-reader/?pagina=leningen").await?;
    browser.wait_ready().await?;
    item_says(&browser, "Moby", "Offline beschikbaar").await?;
    let disabled = browser
        .eval("const b = document.querySelector('.er-return'); return [b.disabled, b.getAttribute('aria-describedby')];")
        .await?;
    assert_eq!(disabled, json!([true, "er-offline"]));
    browser.assert_axe_clean("the loans offline").await?;

    // Back online: returned, and the copy is gone at once.
    plug.plug_in();
    browser.goto("/e-reader/?pagina=leningen").await?;
    browser.wait_ready().await?;
    browser
        .wait_until(
            "the return, online again",
            "!!document.querySelector('.er-loan .er-return:not([disabled])')",
        )
        .await?;
    click_in_item(&browser, "Moby", ".er-return").await?;
    click_in_item(&browser, "Moby", ".er-return-yes").await?;
    browser
        .wait_until(
            "no loans",
            "document.querySelectorAll('.er-loan').length === 0",
        )
        .await?;
    assert!(
        !browser
            .eval("return !!document.querySelector('#er-offline');")
            .await?
            .as_bool()
            .unwrap_or(true)
    );
    let names = cache_names(&browser).await?;
    assert!(!names.contains(&copy), "{names:?}");
    // Logging out leaves nothing of the member on the device, only the app (the
    // login shows once the member's caches are deleted).
    browser.click("#er-logout").await?;
    browser.find("#er-card").await?;
    assert_eq!(cache_names(&browser).await?, ["ereader-shell"]);
    browser.close().await;
    Ok(())
}

/// How long the loan of [`a_kept_book_is_refused_offline_once_its_loan_has_ended`] runs
/// after it is made (seconds).
const LOAN_LEFT: i64 = 75;

#[tokio::test]
async fn a_kept_book_is_refused_offline_once_its_loan_has_ended() -> Result<()> {
    let server = TestServer::start().await?;
    let plug = Plug::start(server.addr).await?;
    let browser = Browser::start(&plug.url(), 1024, 768).await?;
    log_in(&browser, "/e-reader/").await?;
    wait_worker(&browser).await?;
    // A real one-day loan that began a day ago less LOAN_LEFT: it ends that long from now.
    // Keeping the book and opening it offline must fit in it: with 30 s, a full run's
    // load (the whole suite on two cores) once let the loan end during the first offline
    // open (the worker then answers 410 and deletes the copy, and the frame's next
    // document gets the browser's error page), so the margin is generous.
    let db = &server.state.db;
    let member = db
        .ereader_member_by_card(&static_api::auth::member::card_hash(CARD))
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo member")?;
    let children = db
        .ereader_admin_titles(0)
        .await
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|t| t.title.contains("Children"))
        .ok_or("Children's Literature in the demo")?;
    let began = static_api::auth::now_unix() - 86_400 + LOAN_LEFT;
    let lent = db
        .ereader_borrow(
            member.id,
            children.id,
            &suite_domain::lending::Policy::default(),
            began,
            Some(1),
        )
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| format!("{e:?}"))?;
    keep_offline(&browser, "Children").await?;

    // Offline before the end: the book opens.
    plug.pull();
    browser
        .goto(&format!("/e-reader/?boek={}", lent.id))
        .await?;
    browser.wait_ready().await?;
    let opened = wait_page(&browser).await;
    let left = lent.until_at - static_api::auth::now_unix();
    opened.map_err(|e| format!("{e} (the loan had {left} s left)"))?;
    assert!(left > 0, "the book opened, but only after its loan's end");
    // The loan's end is a moment on the clock, not a state to poll: wait for it.
    let left = lent.until_at - static_api::auth::now_unix() + 1;
    tokio::time::sleep(Duration::from_secs(left.max(0) as u64)).await;
    browser
        .goto(&format!("/e-reader/?boek={}", lent.id))
        .await?;
    browser.wait_ready().await?;
    let told = browser
        .wait_until(
            "the Dutch message of an ended loan",
            "document.body.textContent.includes('Deze uitlening is afgelopen')",
        )
        .await;
    if let Err(e) = told {
        let shown = browser.eval("return document.body.innerText;").await?;
        return Err(format!("{e}; the page says: {shown}"));
    }
    let names = cache_names(&browser).await?;
    assert!(
        !names.contains(&format!("ereader-loan-{}", lent.id)),
        "{names:?}"
    );
    browser.close().await;
    Ok(())
}

#[tokio::test]
async fn a_page_that_does_not_load_is_said_in_dutch_and_loads_again_on_request() -> Result<()> {
    let server = TestServer::start().await?;
    let plug = Plug::start(server.addr).await?;
    let browser = Browser::start(&plug.url(), 1024, 768).await?;
    log_in(&browser, "/e-reader/").await?;
    click_in_item(&browser, "Moby", ".er-borrow").await?;
    item_says(&browser, "Moby", "Geleend").await?;
    browser.goto("/e-reader/?pagina=leningen").await?;
    browser.wait_ready().await?;
    item_says(&browser, "Moby", "Offline beschikbaar maken").await?;
    let loan = loan_id(&browser, "Moby").await?;
    browser.goto(&format!("/e-reader/?boek={loan}")).await?;
    browser.wait_ready().await?;
    wait_page(&browser).await?;
    wait_worker(&browser).await?;

    // The network goes, and the reader jumps to the contents' last entry: not kept on
    // the device, not loaded ahead. Its load ends in an error page (the worker has no
    // copy), is asked for again, and then the page says so.
    plug.pull();
    browser.click("#er-toc-button").await?;
    browser
        .eval("const e = [...document.querySelectorAll('.er-toc__entry')]; e[e.length - 1].click(); return true;")
        .await?;
    browser
        .wait_until(
            "the page's Dutch message",
            "!!document.querySelector('.er-frame-error[role=alert]')",
        )
        .await?;
    assert_eq!(
        browser.text(".er-frame-error p").await?,
        "Deze bladzijde kon niet laden. Controleer de internetverbinding en probeer opnieuw."
    );
    assert_eq!(
        browser
            .eval("const f = document.querySelector('.er-frame'); return [!!f.contentDocument, f.src.includes('/content/')];")
            .await?,
        json!([false, true]),
        "the frame holds an error page of the chapter's address"
    );
    browser.assert_axe_clean("a page that did not load").await?;

    // Back online, "Opnieuw proberen" shows the page and the message goes.
    plug.plug_in();
    browser.click("#er-frame-retry").await?;
    wait_page(&browser).await?;
    assert!(
        !browser
            .eval("return !!document.querySelector('.er-frame-error');")
            .await?
            .as_bool()
            .unwrap_or(true),
        "the message is gone"
    );
    assert!(
        !visible_text(&browser).await?.is_empty(),
        "the page's words"
    );
    browser.close().await;
    Ok(())
}
