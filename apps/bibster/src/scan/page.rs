//! `ScanPage`: the camera's picture (the back camera where there is one), read four
//! times a second until a QR code is found; then the code goes into the device's storage
//! and the team app opens again with it filled in. Without a camera (or permission) an
//! error state says to type the code instead.

use std::cell::RefCell;
use std::rc::Rc;

use suite_domain::i18n::Msg;
use suite_ui::{ErrorState, use_mark_ready, use_t};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream};
use yew::prelude::*;

use crate::store;

/// The widest frame read (a smaller copy of the camera's picture is read faster).
const MAX_WIDTH: u32 = 640;

async fn start_camera(video: &HtmlVideoElement) -> Result<MediaStream, JsValue> {
    let devices = web_sys::window()
        .ok_or(JsValue::NULL)?
        .navigator()
        .media_devices()?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::FALSE);
    constraints.set_video(&suite_ui::json::object(&[(
        "facingMode",
        JsValue::from_str("environment"),
    )]));
    let stream: MediaStream =
        JsFuture::from(devices.get_user_media_with_constraints(&constraints)?)
            .await?
            .dyn_into()?;
    video.set_src_object(Some(&stream));
    JsFuture::from(video.play()?).await?;
    Ok(stream)
}

fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// Reads one frame of `video` through `canvas`.
fn read_frame(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Option<String> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    let scale = f64::from(MAX_WIDTH.min(w)) / f64::from(w);
    let (cw, ch) = ((f64::from(w) * scale) as u32, (f64::from(h) * scale) as u32);
    canvas.set_width(cw);
    canvas.set_height(ch);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_video_element_and_dw_and_dh(
            video,
            0.0,
            0.0,
            f64::from(cw),
            f64::from(ch),
        )
        .ok()?;
    let data = context
        .get_image_data(0.0, 0.0, f64::from(cw), f64::from(ch))
        .ok()?;
    super::read_code(&data.data(), cw as usize, ch as usize)
}

#[function_component]
pub(crate) fn ScanPage() -> Html {
    let t = use_t();
    let video = use_node_ref();
    let canvas = use_node_ref();
    let failed = use_state(|| false);
    use_mark_ready(true);
    {
        let (video, canvas, failed) = (video.clone(), canvas.clone(), failed.clone());
        use_effect_with((), move |_| {
            let stream: Rc<RefCell<Option<MediaStream>>> = Rc::default();
            let ticker: Rc<RefCell<Option<gloo_timers::callback::Interval>>> = Rc::default();
            if let Some(element) = video.cast::<HtmlVideoElement>() {
                let (stream, ticker) = (stream.clone(), ticker.clone());
                yew::platform::spawn_local(async move {
                    match start_camera(&element).await {
                        Ok(started) => {
                            *stream.borrow_mut() = Some(started);
                            let stream = stream.clone();
                            *ticker.borrow_mut() =
                                Some(gloo_timers::callback::Interval::new(250, move || {
                                    let Some(canvas) = canvas.cast::<HtmlCanvasElement>() else {
                                        return;
                                    };
                                    if let Some(code) = read_frame(&element, &canvas) {
                                        if let Some(s) = stream.borrow_mut().take() {
                                            stop(&s);
                                        }
                                        store::set_scanned(&code);
                                        if let Some(window) = web_sys::window() {
                                            let _ = window.location().assign("../");
                                        }
                                    }
                                }));
                        }
                        Err(_) => failed.set(true),
                    }
                });
            }
            move || {
                ticker.borrow_mut().take();
                if let Some(s) = stream.borrow_mut().take() {
                    stop(&s);
                }
            }
        });
    }
    html! {
        <section class="bib-scan" aria-labelledby="bib-scan-heading">
            <h2 id="bib-scan-heading">{ t(Msg::BibTeamScan) }</h2>
            if *failed {
                <ErrorState message={Msg::BibTeamScanNoCamera} />
            } else {
                <p role="status">{ t(Msg::BibTeamScanHelp) }</p>
            }
            <video ref={video} class="bib-scan__video" muted=true autoplay=true playsinline=true
                   aria-label={t(Msg::BibTeamScanCamera)} hidden={*failed}></video>
            <canvas ref={canvas} class="bib-scan__canvas" hidden=true></canvas>
            <p><a class="btn btn--secondary" href="../">{ t(Msg::BibTeamScanBack) }</a></p>
        </section>
    }
}
