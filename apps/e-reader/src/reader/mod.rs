//! The reading view's parts: its state and actions (`controller`), the frame's layout
//! (`frame`), the three frames (`frames`: one shown, two loading the next documents
//! `ahead`), a document's arrival in the shown frame (`arrival`), the settings kept on the device (`store`) and their panel (`settings`),
//! search in the book (`search`) and its hit marked in the text (`mark`), reading aloud
//! (`speech`), the table of contents (`toc`), the listeners on the framed document
//! (`listen`), the page's effects on the window (`page_effects`), and bookmarks and highlights (`notes`, their panel `notes_panel`, drawn
//! in the frame by `highlight`); what every panel does alike is `panel`.

mod ahead;
mod arrival;
pub(crate) mod controller;
pub(crate) mod frame;
pub(crate) mod frames;
pub(crate) mod highlight;
pub(crate) mod listen;
pub(crate) mod mark;
pub(crate) mod notes;
mod notes_panel;
pub(crate) mod page_effects;
mod panel;
mod search;
mod settings;
pub(crate) mod speech;
pub(crate) mod store;
mod toc;

pub(crate) use notes_panel::NotesPanel;
pub(crate) use search::{Found, SearchPanel};
pub(crate) use settings::SettingsPanel;
pub(crate) use speech::ReadAloud;
pub(crate) use toc::TocPanel;
