//! UiTdatabank events (JSON-LD) into the Culture Matcher programme: shows with their
//! venue, dates, prices, ages, genre and themes, images, trailers and ticket links, and a
//! generated demo programme in the same format.
//!
//! Both shapes UiTdatabank has served are read: the old read model
//! (`@context: /api/1.0/event.jsonld`, localised `name`/`description`, dates without
//! `subEvent`) and the current field set (`subEvent` with a status per performance,
//! `status`, `bookingAvailability`, `mediaObject`, `videos`). A document may hold one
//! event, an array of events, or a collection with a `member` list.
//!
//! What is kept and how:
//! - texts in Dutch, else the event's `mainLanguage`, else any; English when given;
//! - descriptions as sanitised HTML ([`sanitise_html`]): paragraphs, line breaks, lists,
//!   emphasis and http/https/mailto links, nothing else;
//! - images and videos only as references (`Image::source`, `Trailer::Platform`): the
//!   app never loads a third-party URL by itself;
//! - ticket links only with an http or https URL.
//!
//! Nothing here does IO and no input makes it panic: a record that cannot be used is
//! skipped with a reason in the [`ImportReport`](suite_domain::import::ImportReport),
//! a problem that does not stop a record is a warning.

mod calendar;
mod demo;
mod demo_poster;
mod event;
mod html;
mod programme;
mod text;

pub use calendar::{parse_age_range, parse_moment};
pub use demo::{DEMO_MARKER, DemoProgramme, generate_demo_programme};
pub use demo_poster::{POSTER_SIZE, demo_poster};
pub use event::{Event, parse_event};
pub use html::sanitise_html;
pub use programme::{ProgrammeImport, build_programme, parse_document};
