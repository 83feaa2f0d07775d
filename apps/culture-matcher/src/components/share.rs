//! `ShareButton`: sends a show to friends with the phone's own share sheet (Web Share),
//! or else opens a panel with the link to copy. The message asks "Ga je mee?" with the
//! date; the link opens that show's page.

use js_sys::{Function, Object, Promise, Reflect};
use suite_domain::culture::insight::Interaction;
use suite_domain::i18n::Msg;
use suite_ui::{use_lang, use_t};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::actions::ShowActionProps;
use crate::centre::use_centre;
use crate::present::{dom_id, share_text};
use crate::report::report;
use crate::route::{Page, Route};
use crate::time;

/// `obj.name(arg)` when `obj.name` is a function answering a promise, awaited; `None`
/// when there is no such function.
async fn call_promise(
    obj: &JsValue,
    name: &str,
    arg: &JsValue,
) -> Option<Result<JsValue, JsValue>> {
    let function = Reflect::get(obj, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let promise = function.call1(obj, arg).ok()?.dyn_into::<Promise>().ok()?;
    Some(JsFuture::from(promise).await)
}

fn navigator() -> Option<JsValue> {
    Some(web_sys::window()?.navigator().into())
}

/// Whether the browser has a share sheet.
fn can_share() -> bool {
    navigator()
        .and_then(|n| Reflect::get(&n, &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

/// The share sheet: `Some(true)` shared, `Some(false)` cancelled or refused, `None`
/// not available.
async fn native_share(title: &str, text: &str, url: &str) -> Option<bool> {
    let data = Object::new();
    for (key, value) in [("title", title), ("text", text), ("url", url)] {
        let _ = Reflect::set(&data, &key.into(), &value.into());
    }
    let result = call_promise(&navigator()?, "share", &data).await?;
    Some(result.is_ok())
}

/// Copies `text`: the Clipboard API, else the selected field and `execCommand`.
async fn copy(text: &str, field: Option<HtmlInputElement>) -> bool {
    if let Some(clipboard) = navigator().and_then(|n| Reflect::get(&n, &"clipboard".into()).ok())
        && let Some(Ok(_)) = call_promise(&clipboard, "writeText", &text.into()).await
    {
        return true;
    }
    let Some(field) = field else {
        return false;
    };
    field.select();
    let document: Option<JsValue> = web_sys::window().and_then(|w| w.document()).map(Into::into);
    document
        .and_then(|d| {
            let exec = Reflect::get(&d, &"execCommand".into())
                .ok()?
                .dyn_into::<Function>()
                .ok()?;
            exec.call1(&d, &"copy".into()).ok()
        })
        .is_some_and(|done| done.is_truthy())
}

/// The address of a show's page on this server.
fn show_url(centre: &str, show: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let route = Route::new(
        Some(centre),
        Page::Show {
            id: show.to_string(),
        },
    );
    format!("{origin}{}", route.href())
}

#[function_component]
pub(crate) fn ShareButton(props: &ShowActionProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let panel = use_state(|| false);
    let status = use_state(|| None::<Msg>);
    let field = use_node_ref();
    {
        let field = field.clone();
        use_effect_with(*panel, move |&open| {
            if open && let Some(field) = field.cast::<HtmlInputElement>() {
                let _ = field.focus();
                field.select();
            }
        });
    }
    let Some(centre) = use_centre() else {
        return Html::default();
    };
    let show = &props.show;
    let url = show_url(&centre.id, &show.id);
    let text = share_text(show, time::now(), lang);
    let title = show.title.get(lang).to_string();

    let onclick = {
        let (panel, status) = (panel.clone(), status.clone());
        let (url, text, centre, id) = (
            url.clone(),
            text.clone(),
            centre.id.clone(),
            show.id.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            if !can_share() {
                panel.set(true);
                return;
            }
            let (url, text, title, centre, id) = (
                url.clone(),
                text.clone(),
                title.clone(),
                centre.clone(),
                id.clone(),
            );
            spawn_local(async move {
                if native_share(&title, &text, &url).await == Some(true) {
                    report(&centre, &id, Interaction::Shared);
                }
            });
        })
    };
    let on_copy = {
        let (status, field) = (status.clone(), field.clone());
        let message = format!("{text} {url}");
        let (centre, id) = (centre.id.clone(), show.id.clone());
        Callback::from(move |_: MouseEvent| {
            let (status, message, field) = (status.clone(), message.clone(), field.clone());
            let (centre, id) = (centre.clone(), id.clone());
            spawn_local(async move {
                let copied = copy(&message, field.cast::<HtmlInputElement>()).await;
                if copied {
                    report(&centre, &id, Interaction::Shared);
                }
                status.set(Some(if copied {
                    Msg::CmLinkCopied
                } else {
                    Msg::CmCopyFailed
                }));
            });
        })
    };
    let on_close = {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| panel.set(false))
    };
    let on_focus = Callback::from(|event: FocusEvent| {
        if let Some(field) = event.target_dyn_into::<HtmlInputElement>() {
            field.select();
        }
    });
    let field_id = dom_id("cm-share-url", &show.id);
    html! {
        <>
            <button type="button" class="btn btn--secondary cm-share" aria-expanded={panel.to_string()}
                    {onclick}>
                <span aria-hidden="true">{ "↗ " }</span>
                { t(Msg::CmShare) }
            </button>
            if *panel {
                <div class="cm-share-panel">
                    <p class="cm-share-panel__text">{ text.clone() }</p>
                    <label class="cm-share-panel__label" for={field_id.clone()}>{ t(Msg::CmShareLink) }</label>
                    <input id={field_id} class="cm-share-panel__url" type="url" readonly=true
                           value={url.clone()} ref={field} onfocus={on_focus} />
                    <div class="cm-share-panel__buttons">
                        <button type="button" class="btn btn--primary cm-copy" onclick={on_copy}>
                            { t(Msg::CmCopyLink) }
                        </button>
                        <button type="button" class="btn btn--secondary cm-share-close" onclick={on_close}>
                            { t(Msg::CmClose) }
                        </button>
                    </div>
                    <p class="cm-share-panel__status" role="status">
                        { status.map(t).unwrap_or_default() }
                    </p>
                </div>
            }
        </>
    }
}
