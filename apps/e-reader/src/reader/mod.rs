//! The reading view's parts: its state and actions (`controller`), the frame's layout (`frame`), the settings kept on the
//! device (`store`), the table of contents (`toc`) and the listeners on the framed
//! document (`listen`).

pub(crate) mod controller;
pub(crate) mod frame;
pub(crate) mod listen;
pub(crate) mod store;
mod toc;

pub(crate) use toc::TocPanel;
