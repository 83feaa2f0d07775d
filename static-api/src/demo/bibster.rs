//! Bibster's demo: two games of the first demo library, both published, the scavenger
//! hunt shared in the template library, the two floor plans it is played on (joined by
//! the stairs), and the story's picture.

use suite_domain::bibster::api::GameState;

use crate::db::Db;
use crate::error::AppError;

/// The library whose games the demo has.
pub const DEMO_LIBRARY: &str = "demo-wetteren";
/// Where the demo's pictures are published (under `public/`), and what they are.
const PICTURES: [(&str, &[u8]); 3] = [
    ("bibster/demo/plan.svg", include_bytes!("plan.svg")),
    ("bibster/demo/boven.svg", include_bytes!("boven.svg")),
    (
        "bibster/demo/voetstappen.svg",
        include_bytes!("voetstappen.svg"),
    ),
];
const QUEST: &str = include_str!("../../../tests/fixtures/bibster/speurtocht.json");
const STORY: &str = include_str!("../../../tests/fixtures/bibster/verhaal.json");

/// Seeds the demo games when the demo library has none, and publishes the pictures (the
/// games' files name them at `/data/<path>`).
pub async fn seed(db: &Db, public_dir: &std::path::Path) -> Result<(), AppError> {
    for (path, bytes) in PICTURES {
        crate::publish::write_atomically(&public_dir.join(path), bytes)
            .map_err(|e| AppError::Internal(format!("demo picture: {e}")))?;
    }
    if !db.bibster_games(DEMO_LIBRARY, true).await?.is_empty() {
        return Ok(());
    }
    let at = crate::import::now_rfc3339();
    for (text, shared) in [(QUEST, true), (STORY, false)] {
        let mut game = suite_import::bibster::parse_game(text)
            .map_err(|e| AppError::Internal(format!("demo game: {e}")))?;
        game.title = game.title.replace("(voorbeeld)", "(demo)");
        let id = db
            .create_bibster_game(DEMO_LIBRARY, &game, None, "demo", &at)
            .await?;
        db.set_bibster_game_state(id, DEMO_LIBRARY, GameState::Published, "demo", &at)
            .await?;
        if shared {
            db.set_bibster_game_shared(id, DEMO_LIBRARY, true, "demo", &at)
                .await?;
        }
    }
    Ok(())
}
