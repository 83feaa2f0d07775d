//! The e-reader's demo: two members (card and PIN below, demo only) of the first demo
//! library (which takes part through its active `e-reader` subscription, as every demo
//! library does) and two books of the samples (Children's Literature with one licence,
//! Moby-Dick with two), added through the same check as an upload.

use std::path::Path;

use crate::db::Db;
use crate::error::AppError;

/// The library whose members read in the demo.
pub const DEMO_LIBRARY: &str = "demo-wetteren";

/// The demo members' cards and PIN (demo only).
pub const DEMO_MEMBERS: [(&str, &str); 2] = [("2000000000012", "4321"), ("2000000000099", "4321")];

/// The demo books and their licences (set by hand, so a licence runs out in the demo).
const BOOKS: [(&[u8], u32); 2] = [
    (
        include_bytes!("../../../tests/fixtures/epub/books/childrens-literature.epub"),
        1,
    ),
    (
        include_bytes!("../../../tests/fixtures/epub/books/moby-dick.epub"),
        2,
    ),
];

/// Seeds the e-reader's demo when its collection is empty.
pub async fn seed(db: &Db, data_dir: &Path) -> Result<(), AppError> {
    let at = crate::import::now_rfc3339();
    for (card, pin) in DEMO_MEMBERS {
        let hash = crate::auth::hash_password(pin.to_string()).await?;
        let card = crate::auth::member::card_hash(card);
        db.ereader_add_member(DEMO_LIBRARY, &card, &hash, &at)
            .await?;
    }
    if !db.ereader_titles(0).await?.is_empty() {
        return Ok(());
    }
    for (bytes, licences) in BOOKS {
        crate::ereader_books::add_title(db, data_dir, bytes.to_vec(), Some(licences), "demo", &at)
            .await
            .map_err(|e| AppError::Internal(format!("demo book: {e}")))?;
    }
    Ok(())
}
