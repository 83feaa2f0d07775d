//! The API client's own rules, in the browser: errors read from the server's body,
//! two calls at once.

use super::*;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn a_lean_error_reads_the_servers_message_and_field() {
    let body = r#"{"error":{"code":"invalid_input","message":"Kies een andere teamnaam.","field":"name"}}"#;
    let error = ApiError::from_text(422, body);
    assert_eq!(error.status, 422);
    assert_eq!(error.code, Some(ErrorCode::InvalidInput));
    assert_eq!(error.message, "Kies een andere teamnaam.");
    assert_eq!(error.field.as_deref(), Some("name"));
    let bare = ApiError::from_text(503, "busy");
    assert_eq!(bare.code, Some(ErrorCode::Busy));
    assert_eq!(bare.field, None);
    assert_eq!(bare.message, ApiError::from_status(503).message);
}

#[wasm_bindgen_test]
async fn both_runs_the_two_calls_at_once() {
    use std::cell::Cell;
    use std::rc::Rc;
    // The first waits for what the second does: one after the other, it would
    // give up before the second ever started.
    let signal = Rc::new(Cell::new(false));
    let waiting = {
        let signal = signal.clone();
        async move {
            for _ in 0..50 {
                if signal.get() {
                    return true;
                }
                gloo_timers::future::TimeoutFuture::new(2).await;
            }
            false
        }
    };
    let giving = async {
        gloo_timers::future::TimeoutFuture::new(5).await;
        signal.set(true);
        "given"
    };
    assert_eq!(both(waiting, giving).await, (true, "given"));
}
