//! Bibster's code scanner with a camera: Chromium's fake camera plays a picture of the
//! demo's strips code as a QR code; the scan page reads it with the wasm decoder, goes
//! back to the team app, and the code stands in the task. (Every page's
//! Permissions-Policy once forbade the camera, which this test would have caught.)

use e2e::{Browser, Result, TestServer};
use serde_json::json;

use super::quest::open_task;
use super::{join, start_session};

/// A Y4M video (two frames, 4:2:0, video range) of `text` as a QR code, black on white,
/// with a quiet zone of four modules.
fn qr_video(text: &str) -> Vec<u8> {
    let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium)
        .expect("the code fits a QR code");
    let (width, height, scale, quiet) = (640_usize, 480_usize, 8_usize, 4_usize);
    let size = usize::try_from(qr.size()).expect("a size");
    let total = (size + 2 * quiet) * scale;
    let (left, top) = ((width - total) / 2, (height - total) / 2);
    let mut luma = vec![235_u8; width * height];
    for py in 0..total {
        for px in 0..total {
            let (mx, my) = (px / scale, py / scale);
            let inside = (quiet..size + quiet).contains(&mx) && (quiet..size + quiet).contains(&my);
            let dark = inside
                && qr.get_module(
                    i32::try_from(mx - quiet).expect("x"),
                    i32::try_from(my - quiet).expect("y"),
                );
            if dark {
                luma[(top + py) * width + left + px] = 16;
            }
        }
    }
    let mut video = format!("YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n").into_bytes();
    for _ in 0..2 {
        video.extend_from_slice(b"FRAME\n");
        video.extend_from_slice(&luma);
        video.extend(std::iter::repeat_n(128_u8, width * height / 2));
    }
    video
}

#[tokio::test]
async fn the_scanner_reads_a_code_from_the_camera() -> Result<()> {
    let server = TestServer::start().await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let video = dir.path().join("code.y4m");
    std::fs::write(&video, qr_video("STRIP-7")).map_err(|e| e.to_string())?;
    let camera = [
        "--use-fake-ui-for-media-stream".to_string(),
        "--use-fake-device-for-media-stream".to_string(),
        format!("--use-file-for-fake-video-capture={}", video.display()),
    ];
    let browser = Browser::start_with(&server.url(""), 1024, 1366, &camera).await?;
    let session = start_session(&browser, "Speurtocht").await?;
    join(&browser, &session.code, "Team Camera").await?;
    browser.goto("/bibster/scan/").await?;
    browser
        .wait_until(
            "the code read and the team app open again",
            "location.pathname === '/bibster/' && !!document.querySelector('.bib-tasks')",
        )
        .await?;
    open_task(&browser, "strips").await?;
    assert_eq!(
        browser
            .eval("return document.querySelector('#bib-typed').value;")
            .await?,
        json!("STRIP-7"),
        "the code the camera saw is filled in"
    );
    browser.click(".bib-answer button[type=submit]").await?;
    browser.find(".bib-feedback--right").await?;
    let errors = browser.console_errors().await?;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    browser.close().await;
    Ok(())
}
