//! Culture Matcher: the programme of a cultural centre and what young people do with it.

pub mod about;
pub mod brussels;
pub mod filter;
pub mod insight;
pub mod media;
pub mod programme;
pub mod recommend;
#[cfg(feature = "culture-matcher-staff")]
pub mod show_input;
#[cfg(feature = "culture-matcher-staff")]
pub mod show_table;
#[cfg(feature = "culture-matcher-staff")]
pub mod source;
#[cfg(feature = "culture-matcher-staff")]
pub mod staff;
#[cfg(test)]
mod testkit;
pub mod towns;

/// A well-mixed 64-bit value from a seed and an id (splitmix64 over FNV-1a), so the same
/// show gets the same value for a seed whatever the order of the programme.
pub(crate) fn seeded(seed: u64, id: &str) -> u64 {
    let fnv = id.bytes().fold(0xCBF2_9CE4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3)
    });
    let mut z = (seed ^ fnv).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}
