//! Bibster game files (the builder's import, `static-api import bibster-game`). Seeds:
//! tests/fixtures/bibster.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suite_import::bibster;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(game) = bibster::parse_game(text) {
        // What reads must write out and read back the same.
        assert_eq!(bibster::parse_game(&bibster::write_game(&game)).ok(), Some(game));
    }
});
