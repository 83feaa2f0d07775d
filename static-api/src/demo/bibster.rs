//! Bibster's demo: two games of the first demo library, both published, the scavenger
//! hunt shared in the template library, and the floor plan it is played on.

use suite_domain::bibster::api::GameState;

use crate::db::Db;
use crate::error::AppError;

/// The library whose games the demo has.
pub const DEMO_LIBRARY: &str = "demo-wetteren";
/// Where the demo's floor plan is published.
pub const DEMO_PLAN: &str = "/data/bibster/demo/plan.svg";

const PLAN: &[u8] = include_bytes!("plan.svg");
const QUEST: &str = include_str!("../../../tests/fixtures/bibster/speurtocht.json");
const STORY: &str = include_str!("../../../tests/fixtures/bibster/verhaal.json");

/// Seeds the demo games when the demo library has none, and publishes the floor plan.
pub async fn seed(db: &Db, public_dir: &std::path::Path) -> Result<(), AppError> {
    let plan = public_dir.join("bibster/demo/plan.svg");
    crate::publish::write_atomically(&plan, PLAN)
        .map_err(|e| AppError::Internal(format!("demo floor plan: {e}")))?;
    if !db.bibster_games(DEMO_LIBRARY, true).await?.is_empty() {
        return Ok(());
    }
    let at = crate::import::now_rfc3339();
    for (text, shared) in [(QUEST, true), (STORY, false)] {
        let mut game = suite_import::bibster::parse_game(text)
            .map_err(|e| AppError::Internal(format!("demo game: {e}")))?;
        game.title = game.title.replace("(voorbeeld)", "(demo)");
        if !game.boards.is_empty() {
            game.boards = vec![DEMO_PLAN.to_string()];
        }
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
