//! The game's content (places and the 12 assignments) compiled into the game from
//! `apps/voor-de-show/content/` and parsed once into the [`GameContent`] resource.
//!
//! The native test below parses the very same texts, so a broken content file fails
//! `cargo test`; the browser never sees a content error.

use bevy::prelude::*;
use suite_domain::show::{Content, Route};

pub(super) fn plugin(app: &mut App) {
    match GameContent::load() {
        Ok(content) => {
            app.insert_resource(content);
        }
        // Unreachable for a build whose tests pass; the game then stays on its
        // loading screen instead of panicking.
        Err(problems) => error!("the game's content has problems: {problems}"),
    }
}

macro_rules! content_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../content/", $name)))
    };
}

/// `places.toml`.
const PLACES: &str = include_str!("../content/places.toml");
/// Every assignment file, by its name in `assignments/`.
const ASSIGNMENT_FILES: [(&str, &str); 12] = [
    content_file!("assignments/stel-je-voor.toml"),
    content_file!("assignments/ideeenmuur.toml"),
    content_file!("assignments/affiche-lezen.toml"),
    content_file!("assignments/wat-is-een-thema.toml"),
    content_file!("assignments/wat-als.toml"),
    content_file!("assignments/thema-in-beeld.toml"),
    content_file!("assignments/ding-wordt-iets.toml"),
    content_file!("assignments/decor-uit-een-beeld.toml"),
    content_file!("assignments/kostuum-en-grime.toml"),
    content_file!("assignments/personage-zoeken.toml"),
    content_file!("assignments/licht-en-sfeer.toml"),
    content_file!("assignments/geluidsdecor.toml"),
];

/// The checked content and the route through it.
#[derive(Resource, Debug, Clone)]
pub(crate) struct GameContent {
    pub(crate) content: Content,
    pub(crate) route: Route,
}

impl GameContent {
    /// Parses the compiled-in files; every problem, one a line, if they are broken.
    pub(crate) fn load() -> Result<GameContent, String> {
        let content = Content::parse(PLACES, &ASSIGNMENT_FILES).map_err(|problems| {
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        let route = content.route();
        Ok(GameContent { content, route })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_content_parses() {
        let game = GameContent::load().unwrap_or_else(|problems| panic!("{problems}"));
        assert_eq!(game.content.assignments.len(), 12);
        assert_eq!(game.route.stops().len(), game.content.places.len());
    }

    #[test]
    fn every_assignment_file_is_listed_once() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/content/assignments");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| format!("assignments/{}", e.file_name().to_string_lossy()))
                    .collect()
            })
            .unwrap_or_default();
        on_disk.sort();
        let mut listed: Vec<String> = ASSIGNMENT_FILES
            .iter()
            .map(|(n, _)| (*n).to_owned())
            .collect();
        listed.sort();
        assert_eq!(on_disk, listed);
    }
}
