//! Borrowed books on this device: registers the service worker (`sw.js` beside
//! `index.html`, which answers offline), keeps a loan's book in a cache of its own
//! (Cache Storage, [`plan::cache_name`]) when the member asks, and deletes it when the
//! loan is returned, no longer runs, or the member logs out. The worker deletes a copy
//! whose loan has ended when it is asked for offline.

mod plan;
mod status;

pub(crate) use status::{Offline, use_offline};

use js_sys::{Array, Date, Promise};
use suite_domain::ereader::LoanView;
use suite_ui::ApiError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, CacheStorage, RegistrationOptions, Response};

use crate::net;

/// The worker's script and the two scopes it serves: the app's pages, and the book's
/// documents that the reader's frame opens (a frame goes to the worker of its own
/// address; the server allows this script both, `Service-Worker-Allowed`).
const WORKER: &str = "/e-reader/sw.js";
const SCOPES: [&str; 2] = ["/e-reader/", "/api/ereader/loans/"];

/// Registers the worker for both scopes; a browser without service workers (or a page
/// not served over a secure origin) simply has no offline copies.
pub(crate) fn register() {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = navigator.service_worker();
    for scope in SCOPES {
        let options = RegistrationOptions::new();
        options.set_scope(scope);
        // A refused registration leaves the app as it was, online only.
        let _ = container.register_with_options(WORKER, &options);
    }
}

fn storage() -> Option<CacheStorage> {
    web_sys::window()?.caches().ok()
}

async fn wait(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// The names of every cache of this origin.
async fn names(caches: &CacheStorage) -> Vec<String> {
    wait(caches.keys())
        .await
        .map(|keys| {
            Array::from(&keys)
                .iter()
                .filter_map(|k| k.as_string())
                .collect()
        })
        .unwrap_or_default()
}

async fn delete(caches: &CacheStorage, names: Vec<String>) {
    for name in names {
        let _ = wait(caches.delete(&name)).await;
    }
}

fn now_secs() -> i64 {
    (Date::now() / 1000.0) as i64
}

/// Keeps `loan`'s book on this device: every file the reader asks for, stored only
/// when each came back a success (a failed one keeps nothing), then the loan's end.
pub(crate) async fn save_book(loan: &LoanView) -> Result<(), ApiError> {
    let caches = storage().ok_or_else(ApiError::network)?;
    let book = net::book(loan.id).await?;
    let urls: Array = plan::book_urls(loan.id, &book)
        .into_iter()
        .map(JsValue::from)
        .collect();
    let name = plan::cache_name(loan.id);
    let stored = async {
        let cache: Cache = wait(caches.open(&name)).await?.unchecked_into();
        wait(cache.add_all_with_str_sequence(&urls)).await?;
        let until = Response::new_with_opt_str(Some(&plan::until_body(loan.until)))?;
        wait(cache.put_with_str(plan::OFFLINE_UNTIL, &until)).await
    };
    if stored.await.is_err() {
        delete(&caches, vec![name]).await;
        return Err(ApiError::network());
    }
    Ok(())
}

/// Deletes `loan`'s book from this device (it was returned).
pub(crate) async fn forget(loan: i64) {
    if let Some(caches) = storage() {
        delete(&caches, vec![plan::cache_name(loan)]).await;
    }
}

/// Deletes the books of every loan not in `running`.
pub(crate) async fn keep_only(running: &[i64]) {
    if let Some(caches) = storage() {
        let stale = plan::stale(&names(&caches).await, running);
        delete(&caches, stale).await;
    }
}

/// Deletes everything of the member on this device: their books and the last answers
/// about them (at logout, or when the server says nobody is logged in).
pub(crate) async fn forget_all() {
    if let Some(caches) = storage() {
        let mine = plan::member_caches(&names(&caches).await);
        delete(&caches, mine).await;
    }
}

/// The loans whose book is complete on this device and may still be read.
pub(crate) async fn saved_loans() -> Vec<i64> {
    let Some(caches) = storage() else {
        return Vec::new();
    };
    let mut saved = Vec::new();
    for name in names(&caches).await {
        let Some(loan) = plan::loan_of(&name) else {
            continue;
        };
        if let Some(until) = until_of(&caches, &name).await
            && plan::readable(until, now_secs())
        {
            saved.push(loan);
        }
    }
    saved
}

/// The loan's end kept in the cache `name`; none for an incomplete copy.
async fn until_of(caches: &CacheStorage, name: &str) -> Option<i64> {
    let cache: Cache = wait(caches.open(name)).await.ok()?.unchecked_into();
    let found = wait(cache.match_with_str(plan::OFFLINE_UNTIL)).await.ok()?;
    let response: Response = found.dyn_into().ok()?;
    let text = wait(response.text().ok()?).await.ok()?.as_string()?;
    let value = js_sys::JSON::parse(&text).ok()?;
    suite_ui::json::whole(&value, "until", 0.0, 9_007_199_254_740_991.0).map(|n| n as i64)
}
