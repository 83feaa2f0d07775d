//! The numbers behind a book's score: theme weights, age fit, freshness and the seeded
//! jitter that rotates equally good books between sessions.

use crate::bieblo::snapshot::AgeBand;
use crate::catalog::AgeRange;

/// Score of one liked theme of a book, halved for every pick already showing that theme.
pub(super) const LIKE: i64 = 1024;
/// Penalty of one disliked theme of a book.
pub(super) const DISLIKE: i64 = 1536;
/// Penalty, outside the liked tier, for each pick already showing one of the book's themes.
/// Larger than age fit, freshness and jitter together, so a new theme wins over a repeat.
pub(super) const VARIETY: i64 = 160;
/// Bonus of a book whose age range lies within or centres on the band.
pub(super) const AGE_FIT: i64 = 40;
/// Bonus per year under `RECENT_YEARS` since publication.
pub(super) const RECENT_PER_YEAR: i64 = 8;
/// A book is recent when published this year or in the `RECENT_YEARS - 1` years before.
pub(super) const RECENT_YEARS: u16 = 3;
/// Jitter is in `0..JITTER`.
pub(super) const JITTER: u64 = 64;

/// `AGE_FIT` when the book's ages lie within the band or their centre does, else 0.
pub(super) fn age_fit(ages: AgeRange, band: AgeBand) -> i64 {
    let band = band.range();
    let within = ages.min >= band.min && ages.max <= band.max;
    let twice_centre = u16::from(ages.min) + u16::from(ages.max);
    let centred = (2 * u16::from(band.min)..=2 * u16::from(band.max)).contains(&twice_centre);
    if within || centred { AGE_FIT } else { 0 }
}

/// A small bonus for a book published in the last `RECENT_YEARS` years (0 for a year
/// unknown or after `current_year`).
pub(super) fn freshness(year: Option<u16>, current_year: u16) -> i64 {
    match year {
        Some(y) if y <= current_year && current_year - y < RECENT_YEARS => {
            RECENT_PER_YEAR * i64::from(RECENT_YEARS - (current_year - y))
        }
        _ => 0,
    }
}

/// A value in `0..JITTER` from the seed and the book id, so the same book gets the same
/// jitter for a seed whatever the order of the snapshot.
pub(super) fn jitter(seed: u64, book_id: &str) -> i64 {
    let h = splitmix64(splitmix64(seed) ^ fnv1a(book_id));
    (h % JITTER) as i64
}

/// One step of the splitmix64 generator (Steele, Lea and Flood), as a mixing function.
fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// 64-bit FNV-1a hash of a string.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    })
}
