//! The game's own content, built in: the files of `apps/voor-de-show/content/`, for the
//! server's check of show data and the back-office's preview.

use super::{Content, ContentProblem};

macro_rules! content_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                "../../../../apps/voor-de-show/content/assignments/",
                $name
            )),
        )
    };
}

const PLACES: &str = include_str!("../../../../apps/voor-de-show/content/places.toml");
const ASSIGNMENTS: [(&str, &str); 12] = [
    content_file!("stel-je-voor.toml"),
    content_file!("ideeenmuur.toml"),
    content_file!("affiche-lezen.toml"),
    content_file!("wat-is-een-thema.toml"),
    content_file!("wat-als.toml"),
    content_file!("thema-in-beeld.toml"),
    content_file!("ding-wordt-iets.toml"),
    content_file!("decor-uit-een-beeld.toml"),
    content_file!("kostuum-en-grime.toml"),
    content_file!("personage-zoeken.toml"),
    content_file!("licht-en-sfeer.toml"),
    content_file!("geluidsdecor.toml"),
];

/// The game's content as shipped, read and checked (its tests hold it sound).
pub fn builtin() -> Result<Content, Vec<ContentProblem>> {
    Content::parse(PLACES, &ASSIGNMENTS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_content_is_sound_and_complete() {
        let content = super::builtin().expect("the shipped content");
        assert_eq!(content.assignments.len(), 12);
        assert!(content.assignment("licht-en-sfeer").is_some());
    }
}
