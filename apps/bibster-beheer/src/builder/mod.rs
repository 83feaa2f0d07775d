//! The builder (`/bibster/beheer/`): a library's games (list, editor, preview, printable
//! sheet of codes, statistics), the template library and the import of a game file,
//! behind the suite's staff login. Every rule it shows is `suite_domain::bibster`'s; the
//! pure pieces of this module (`edit`, `problems`, `preview::play`, `stats`) are tested
//! in `tests.rs`.

mod app;
mod chapters;
mod edit;
mod editor;
mod game_row;
mod games;
mod import;
mod leave_guard;
mod library_stats;
mod office;
mod preview;
mod print;
mod problems;
mod stats;
mod templates;
#[cfg(test)]
mod tests;

/// Starts the builder, rendered into `<body>`.
pub fn run() {
    yew::Renderer::<app::BuilderApp>::new().render();
}
