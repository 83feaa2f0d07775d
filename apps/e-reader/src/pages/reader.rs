//! The reader: the loan's book one spine document at a time in a frame sandboxed
//! without scripts, in pages (buttons, arrow keys, tap zones at the edges, swipes;
//! crossing into the next or previous document at the ends) or as one scroll; the text
//! size (kept on the device); the table of contents; the position saved on the server
//! (a moment after the last turn) and restored on opening, on any device.

use std::rc::Rc;

use suite_domain::ereader::{BookView, TocView};
use suite_domain::i18n::Msg;
use suite_ui::{ApiError, ErrorState, Loading, UiText, use_lang, use_t};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use crate::app::Navigate;
use crate::net;
use crate::reader::controller::{Reader, Shared, View, save_now};
use crate::reader::{TocPanel, store};
use crate::rules::{Direction, Route, Settings, content_path, key_turn};

#[derive(Properties, PartialEq)]
pub(crate) struct ReaderPageProps {
    pub(crate) loan: i64,
    pub(crate) navigate: Navigate,
}

#[function_component]
pub(crate) fn ReaderPage(props: &ReaderPageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let book = use_state(|| None::<Result<Rc<BookView>, ApiError>>);
    let view: Shared = use_mut_ref(|| View {
        settings: store::settings(),
        ..View::default()
    });
    let frame_ref = use_node_ref();
    let force = use_force_update();
    let toc_open = use_state(|| false);
    let reader = Reader {
        loan: props.loan,
        view: view.clone(),
        frame: frame_ref.clone(),
        update: Rc::new(move || force.force_update()),
    };
    {
        let (book, view, loan) = (book.clone(), view.clone(), props.loan);
        use_effect_with(loan, move |_| {
            yew::platform::spawn_local(async move {
                let loaded = net::book(loan).await;
                if let Ok(found) = &loaded {
                    let position = net::position(loan).await.ok();
                    let mut v = view.borrow_mut();
                    v.documents = found.spine.len();
                    v.rtl = found.direction == "rtl";
                    let (spine, progress) = position.map_or((0, 0.0), |p| (p.spine, p.progress));
                    v.spine = (spine as usize).min(found.spine.len().saturating_sub(1));
                    v.pending = Some(progress);
                }
                book.set(Some(loaded.map(Rc::new)));
            });
        });
    }
    {
        // Leaving the reader before the wait is over saves at once.
        let (view, loan) = (view.clone(), props.loan);
        use_effect_with((), move |()| {
            move || {
                let pending = view.borrow_mut().save.take();
                if pending.is_some() {
                    save_now(loan, &view);
                }
            }
        });
    }
    {
        // A new window size lays the document out again at the same point; the arrow
        // keys turn wherever the focus is on the page (inside the frame its own
        // listeners hear them), except in a field or the contents.
        let (resizer, turner) = (reader.clone(), reader.clone());
        use_effect_with((), move |()| {
            let resize = Closure::<dyn Fn()>::new(move || resizer.relayout());
            let key = Closure::<dyn Fn(KeyboardEvent)>::new(move |event: KeyboardEvent| {
                if event.alt_key() || event.ctrl_key() || event.meta_key() || event.key() == " " {
                    return;
                }
                let elsewhere = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest("input, select, textarea, .er-toc").ok().flatten())
                    .is_some();
                if let Some(direction) = key_turn(&event.key()).filter(|_| !elsewhere) {
                    event.prevent_default();
                    turner.turn_side(direction);
                }
            });
            let window = web_sys::window();
            if let Some(window) = &window {
                let _ = window
                    .add_event_listener_with_callback("resize", resize.as_ref().unchecked_ref());
                let _ = window
                    .add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "resize",
                        resize.as_ref().unchecked_ref(),
                    );
                    let _ = window.remove_event_listener_with_callback(
                        "keydown",
                        key.as_ref().unchecked_ref(),
                    );
                }
                drop((resize, key));
            }
        });
    }
    let book = match &*book {
        None => return html! { <Loading /> },
        Some(Err(error)) => {
            let message = if error.status == 404 || error.status == 403 {
                UiText::Msg(Msg::EreaderNotOpen)
            } else {
                UiText::Text(error.localized(lang).into())
            };
            return html! { <ErrorState {message} /> };
        }
        Some(Ok(book)) => book.clone(),
    };
    let (spine, page, pages, settings) = {
        let v = view.borrow();
        (v.spine, v.page, v.pages, v.settings)
    };
    let src = book
        .spine
        .get(spine)
        .map(|entry| content_path(props.loan, &entry.path));
    let on_turn = |direction: Direction, side: bool| {
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| {
            if side {
                reader.turn_side(direction);
            } else {
                reader.turn(direction);
            }
        })
    };
    let resize = |larger: bool| {
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| {
            let settings = reader.view.borrow().settings.resized(larger);
            reader.change_settings(settings);
        })
    };
    let toggle_scroll = {
        let reader = reader.clone();
        Callback::from(move |_: Event| {
            let settings = reader.view.borrow().settings;
            reader.change_settings(Settings {
                scroll: !settings.scroll,
                ..settings
            });
        })
    };
    let onload = {
        let reader = reader.clone();
        Callback::from(move |_: Event| reader.loaded())
    };
    let toggle_toc = {
        let toc_open = toc_open.clone();
        Callback::from(move |_: MouseEvent| toc_open.set(!*toc_open))
    };
    let close_toc = {
        let toc_open = toc_open.clone();
        Callback::from(move |()| {
            toc_open.set(false);
            suite_ui::back_office::focus_id_soon("er-toc-button".into());
        })
    };
    let on_jump = {
        let (reader, book, close_toc) = (reader.clone(), book.clone(), close_toc.clone());
        Callback::from(move |entry: TocView| {
            if let Some(index) = book.spine.iter().position(|s| s.path == entry.path) {
                reader.open(index, 0.0, entry.fragment.clone());
            }
            close_toc.emit(());
        })
    };
    let back = {
        let navigate = props.navigate.clone();
        Callback::from(move |_: MouseEvent| navigate.emit(Route::Loans))
    };
    let status = format!(
        "{} {} {} {} · {} {} {} {}",
        t(Msg::EreaderPage),
        page + 1,
        t(Msg::EreaderPageOf),
        pages.max(1),
        t(Msg::EreaderDocument),
        spine + 1,
        t(Msg::EreaderPageOf),
        book.spine.len().max(1),
    );
    html! {
        <section class="er-reader" aria-labelledby="er-book-title">
            <div class="er-reader__bar">
                <button type="button" class="er-button er-button--quiet" onclick={back}>{ t(Msg::EreaderBack) }</button>
                <h2 id="er-book-title" class="er-reader__title" lang={book.language.clone()}>{ &book.title }</h2>
                <div class="er-reader__tools">
                    <button type="button" class="er-button" id="er-smaller"
                            disabled={settings.font_percent <= crate::rules::FONT_MIN} onclick={resize(false)}>{ "A−" }<span class="visually-hidden">{ " " }{ t(Msg::EreaderSmaller) }</span></button>
                    <button type="button" class="er-button" id="er-larger"
                            disabled={settings.font_percent >= crate::rules::FONT_MAX} onclick={resize(true)}>{ "A+" }<span class="visually-hidden">{ " " }{ t(Msg::EreaderLarger) }</span></button>
                    <label class="er-check">
                        <input type="checkbox" id="er-scroll" checked={settings.scroll} onchange={toggle_scroll} />
                        { t(Msg::EreaderScroll) }
                    </label>
                    if !book.toc.is_empty() {
                        <button type="button" class="er-button" id="er-toc-button" aria-expanded={(*toc_open).to_string()}
                                aria-controls="er-toc" onclick={toggle_toc}>{ t(Msg::EreaderContents) }</button>
                    }
                </div>
            </div>
            if *toc_open {
                <TocPanel entries={book.toc.clone()} {on_jump} on_close={close_toc} />
            }
            <div class={classes!("er-stage", settings.scroll.then_some("er-stage--scroll"))}>
                <div class="er-tap er-tap--left" onclick={on_turn(Direction::Back, true)}></div>
                <iframe ref={frame_ref} class="er-frame" sandbox="allow-same-origin" src={src}
                        title={t(Msg::EreaderBookFrame)} {onload}></iframe>
                <div class="er-tap er-tap--right" onclick={on_turn(Direction::Forward, true)}></div>
            </div>
            <div class="er-pager">
                <button type="button" class="er-button" id="er-prev" onclick={on_turn(Direction::Back, false)}>
                    { t(Msg::EreaderPrevPage) }
                </button>
                <p id="er-pageno" class="er-pageno" role="status" aria-live="polite">{ status }</p>
                <button type="button" class="er-button" id="er-next" onclick={on_turn(Direction::Forward, false)}>
                    { t(Msg::EreaderNextPage) }
                </button>
            </div>
        </section>
    }
}
