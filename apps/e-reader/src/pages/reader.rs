//! The reader: the loan's book one spine document at a time in a frame sandboxed
//! without scripts, in pages (buttons, arrow keys, tap zones at the edges, swipes;
//! crossing into the next or previous document at the ends) or as one scroll; the text
//! size (kept on the device); the table of contents; the position saved on the server
//! (a moment after the last turn) and restored on opening, on any device; bookmarks
//! and highlights (`reader::notes`).

use std::rc::Rc;

use suite_domain::ereader::TocView;
use suite_domain::ereader::notes::AnnotationView;
use suite_domain::i18n::Msg;
use suite_ui::{ErrorState, Loading, UiText, use_lang, use_t};
use yew::prelude::*;

use crate::app::Navigate;
use crate::reader::controller::{Reader, Shared, View};
use crate::reader::frames::{FRAME_ID, Frames, SLOTS};
use crate::reader::highlight;
use crate::reader::listen::Keys;
use crate::reader::notes::use_notes;
use crate::reader::page_effects::{
    use_book, use_reading_colours, use_save_on_leave, use_window_listeners,
};
use crate::reader::{Found, NotesPanel, ReadAloud, SearchPanel, SettingsPanel, TocPanel, store};
use crate::rules::{Direction, Flow, HIGHLIGHT_KEY, Route, Settings, content_path, key_select};

/// The one panel open beside the book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Toc,
    Settings,
    Search,
    Notes,
}

#[derive(Properties, PartialEq)]
pub(crate) struct ReaderPageProps {
    pub(crate) loan: i64,
    pub(crate) navigate: Navigate,
}

#[function_component]
pub(crate) fn ReaderPage(props: &ReaderPageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let view: Shared = use_mut_ref(|| View {
        settings: store::settings(),
        ..View::default()
    });
    let book = use_book(props.loan, view.clone());
    let frames = (*use_memo((), |()| Frames::default())).clone();
    let force = use_force_update();
    let panel = use_state(|| Panel::None);
    let notes = {
        let force = force.clone();
        use_notes(
            props.loan,
            frames.clone(),
            view.clone(),
            Rc::new(move || force.force_update()),
        )
    };
    let reader = Reader {
        loan: props.loan,
        view: view.clone(),
        frames: frames.clone(),
        update: Rc::new(move || force.force_update()),
    };
    use_save_on_leave(view.clone(), props.loan);
    // Shift with the arrows selects text (from the first line of the page shown), M keeps
    // the selection as a highlight: in the frame and wherever else the focus is.
    let keys: Keys = {
        let (reader, notes) = (reader.clone(), notes.clone());
        Rc::new(move |key: &str, shift: bool| {
            if let Some(step) = key_select(key, shift) {
                return reader.select(step);
            }
            !shift && key.eq_ignore_ascii_case(HIGHLIGHT_KEY) && notes.highlight_selected()
        })
    };
    use_window_listeners(reader.clone(), keys.clone());
    use_reading_colours(view.borrow().settings.theme);
    {
        // A new document in the shown frame is shown once parsed (the address the
        // frame gets below).
        let shown = match &*book {
            Some(Ok(book)) => book.spine.get(view.borrow().spine).map(|s| s.path.clone()),
            _ => None,
        };
        let reader = reader.clone();
        use_effect_with(shown, move |shown| {
            if shown.is_some() {
                reader.show_when_parsed();
            }
        });
    }
    let book = match &*book {
        None => return html! { <Loading /> },
        Some(Err(error)) => {
            let message = if error.status == 410 {
                // The worker's answer offline once the loan's end has passed.
                UiText::Msg(Msg::EreaderLoanEnded)
            } else if error.status == 404 || error.status == 403 {
                UiText::Msg(Msg::EreaderNotOpen)
            } else {
                UiText::Text(error.localized(lang).into())
            };
            return html! { <ErrorState {message} /> };
        }
        Some(Ok(book)) => book.clone(),
    };
    let (spine, page, pages, settings, flow, in_book, frame_failed) = {
        let v = view.borrow();
        let in_book = v.map.book_page(v.spine, v.page);
        (
            v.spine,
            v.page,
            v.pages,
            v.settings,
            v.flow,
            in_book,
            v.frame_failed(),
        )
    };
    let on_retry_page = {
        let reader = reader.clone();
        Callback::from(move |_: MouseEvent| {
            reader.retry_shown();
            // Reading goes on in the frame.
            suite_ui::back_office::focus_id_soon(FRAME_ID.into());
        })
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
    {
        // A document in the shown frame: loaded there, or swapped in from the hidden one.
        let (reader, notes, keys) = (reader.clone(), notes.clone(), keys.clone());
        view.borrow_mut().on_shown = Some(Rc::new(move |laid| {
            notes.loaded();
            reader.loaded(keys.clone(), laid);
        }));
    }
    // The frames keep their elements in the same order (a frame moved in the page loads
    // its document again); the shown one is the book's frame, the others are hidden
    // (`visibility: hidden`: out of the focus order and the accessibility tree), each
    // made once it has a document to load ahead, after the first page: a frame costs its
    // making, which the first page need not wait for.
    let ahead_src = |slot: usize| {
        view.borrow()
            .ahead
            .iter()
            .find(|a| a.slot == slot)
            .and_then(|a| book.spine.get(a.spine))
            .map(|entry| content_path(props.loan, &entry.path))
    };
    let frame = |slot: usize| {
        let shown = slot == frames.shown_slot();
        let onload = {
            let (reader, frames) = (reader.clone(), frames.clone());
            Callback::from(move |_: Event| {
                if frames.shown_slot() == slot {
                    reader.shown_loaded();
                } else {
                    reader.ahead_loaded(slot);
                }
            })
        };
        html! {
            <iframe key={slot} ref={frames.slot(slot)} id={shown.then_some(FRAME_ID)}
                    class={if shown { "er-frame" } else { "er-frame-ahead" }} sandbox="allow-same-origin"
                    src={if shown { src.clone() } else { ahead_src(slot) }}
                    title={shown.then(|| t(Msg::EreaderBookFrame))} {onload}></iframe>
        }
    };
    let bookmarked = !notes.bookmarks_here().is_empty();
    let on_bookmark = {
        let notes = notes.clone();
        Callback::from(move |_: MouseEvent| notes.toggle_bookmark())
    };
    let on_highlight = {
        let notes = notes.clone();
        Callback::from(move |_: MouseEvent| {
            notes.highlight_selection();
            // Reading goes on in the frame.
            suite_ui::back_office::focus_id_soon(FRAME_ID.into());
        })
    };
    let on_note = {
        let (reader, panel) = (reader.clone(), panel.clone());
        Callback::from(move |note: AnnotationView| {
            let id = note.place.start.map(|_| highlight::mark_id(note.id));
            panel.set(Panel::None);
            reader.open(note.place.spine as usize, note.place.progress, id);
            suite_ui::back_office::focus_id_soon(FRAME_ID.into());
        })
    };
    let on_remove_note = {
        let notes = notes.clone();
        Callback::from(move |id: i64| notes.remove(vec![id]))
    };
    let (note_status, note_items, note_error) = {
        let list = notes.list.borrow();
        (list.status, list.items.clone(), list.error.clone())
    };
    let toggle = |which: Panel| {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| {
            panel.set(if *panel == which { Panel::None } else { which });
        })
    };
    let close = |button: &'static str| {
        let panel = panel.clone();
        Callback::from(move |()| {
            panel.set(Panel::None);
            suite_ui::back_office::focus_id_soon(button.into());
        })
    };
    let close_toc = close("er-toc-button");
    let on_jump = {
        let (reader, book, close_toc) = (reader.clone(), book.clone(), close_toc.clone());
        Callback::from(move |entry: TocView| {
            if let Some(index) = book.spine.iter().position(|s| s.path == entry.path) {
                reader.open(index, 0.0, entry.fragment.clone());
            }
            close_toc.emit(());
        })
    };
    let on_hit = {
        let (reader, book) = (reader.clone(), book.clone());
        Callback::from(move |found: Found| {
            let spine = book
                .spine
                .iter()
                .position(|s| s.path == found.hit.path)
                .unwrap_or(found.hit.spine as usize);
            reader.open_hit(spine, found.query, found.occurrence);
        })
    };
    let on_settings = {
        let reader = reader.clone();
        Callback::from(move |settings: Settings| reader.change_settings(settings))
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
    // The whole book, once the first document is laid out: "about" while some
    // documents' pages are estimated.
    let in_book = (pages > 0).then(|| {
        let of = if in_book.exact {
            Msg::EreaderPageOf
        } else {
            Msg::EreaderPageOfAbout
        };
        match in_book.page {
            Some(at) => format!(
                "{} {at} {} {}",
                t(Msg::EreaderBookPage),
                t(of),
                in_book.pages
            ),
            None => format!("{} {}", t(Msg::EreaderBookPages), in_book.pages),
        }
    });
    html! {
        <section class="er-reader" aria-labelledby="er-book-title">
            <div class="er-reader__bar">
                <button type="button" class="er-button er-button--quiet" onclick={back}>{ t(Msg::EreaderBack) }</button>
                <h2 id="er-book-title" class="er-reader__title" lang={book.language.clone()} dir={book.title_direction.clone()}>{ &book.title }</h2>
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
                        <button type="button" class="er-button" id="er-toc-button" aria-expanded={(*panel == Panel::Toc).to_string()}
                                aria-controls="er-toc" onclick={toggle(Panel::Toc)}>{ t(Msg::EreaderContents) }</button>
                    }
                    <button type="button" class="er-button" id="er-settings-button" aria-expanded={(*panel == Panel::Settings).to_string()}
                            aria-controls="er-settings" onclick={toggle(Panel::Settings)}>{ t(Msg::EreaderSettings) }</button>
                    <button type="button" class="er-button" id="er-search-button" aria-expanded={(*panel == Panel::Search).to_string()}
                            aria-controls="er-search" onclick={toggle(Panel::Search)}>{ t(Msg::EreaderSearch) }</button>
                    <ReadAloud frames={frames.clone()} lang={book.language.clone()} />
                    <button type="button" class="er-button" id="er-bookmark" aria-pressed={bookmarked.to_string()}
                            disabled={pages == 0} onclick={on_bookmark}>{ t(Msg::EreaderNoteBookmark) }</button>
                    if notes.selected.is_some() {
                        <button type="button" class="er-button" id="er-highlight" aria-keyshortcuts="M"
                                title={t(Msg::EreaderNoteHighlightKeys)} onclick={on_highlight}>{ t(Msg::EreaderNoteHighlight) }</button>
                    }
                    <button type="button" class="er-button" id="er-notes-button" aria-expanded={(*panel == Panel::Notes).to_string()}
                            aria-controls="er-notes" onclick={toggle(Panel::Notes)}>{ t(Msg::EreaderNotePanel) }</button>
                </div>
            </div>
            if let Some(error) = note_error.as_ref().filter(|_| *panel != Panel::Notes) {
                <p class="er-notes__error" role="alert">{ error }</p>
            }
            { match *panel {
                Panel::Toc => html! { <TocPanel entries={book.toc.clone()} {on_jump} on_close={close_toc} /> },
                Panel::Settings => html! { <SettingsPanel {settings} on_change={on_settings} on_close={close("er-settings-button")} /> },
                Panel::Search => html! { <SearchPanel loan={props.loan} on_open={on_hit} on_close={close("er-search-button")} /> },
                Panel::Notes => html! {
                    <NotesPanel status={note_status} items={note_items} error={note_error}
                                on_jump={on_note} on_remove={on_remove_note} on_close={close("er-notes-button")} />
                },
                Panel::None => html! {},
            } }
            if frame_failed {
                <div class="er-frame-error" role="alert">
                    <p>{ t(Msg::EreaderPageNotLoaded) }</p>
                    <button type="button" class="er-button" id="er-frame-retry" onclick={on_retry_page}>{ t(Msg::Retry) }</button>
                </div>
            }
            <div class={classes!("er-stage", (flow == Flow::Scroll).then_some("er-stage--scroll"))}>
                <div class="er-tap er-tap--left" onclick={on_turn(Direction::Back, true)}></div>
                // Each frame in a box of its own (`display: contents`): a hidden one made
                // later is no sibling of the shown one, which would move (and load again)
                // as yew puts the new one in.
                { for (0..SLOTS).map(|slot| html! {
                    <div class="er-slot">
                        if slot == frames.shown_slot() || ahead_src(slot).is_some() { { frame(slot) } }
                    </div>
                }) }
                <div class="er-tap er-tap--right" onclick={on_turn(Direction::Forward, true)}></div>
            </div>
            <div class="er-pager">
                <button type="button" class="er-button" id="er-prev" onclick={on_turn(Direction::Back, false)}>
                    { t(Msg::EreaderPrevPage) }
                </button>
                <div class="er-pager__status">
                    <p id="er-pageno" class="er-pageno" role="status" aria-live="polite">{ status }</p>
                    if let Some(in_book) = in_book {
                        <p id="er-bookpage" class="er-pageno er-pageno--book">{ in_book }</p>
                    }
                </div>
                <button type="button" class="er-button" id="er-next" onclick={on_turn(Direction::Forward, false)}>
                    { t(Msg::EreaderNextPage) }
                </button>
            </div>
        </section>
    }
}
