//! Generated covers for books without a cover image: a colour picked from the book id, so
//! the same book always looks the same. Every colour of the palette (in `kiosk.css`,
//! `.cover--0` to `.cover--7`) meets WCAG AA with its text colour.

/// How many cover colours `kiosk.css` defines.
pub(crate) const COVER_TONES: u64 = 8;

/// FNV-1a: a small, stable hash (the standard library's is not stable across versions).
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The cover's colour class for a book id, e.g. `cover--3`.
pub(crate) fn cover_class(book_id: &str) -> String {
    format!("cover--{}", fnv1a(book_id) % COVER_TONES)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn covers_are_stable_and_use_the_whole_palette() {
        assert_eq!(cover_class("demo-1"), cover_class("demo-1"));
        let mut used: Vec<String> = (0..200).map(|i| cover_class(&format!("b{i}"))).collect();
        used.sort();
        used.dedup();
        assert_eq!(used.len() as u64, COVER_TONES, "{used:?}");
    }
}
