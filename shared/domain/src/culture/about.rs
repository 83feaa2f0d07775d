//! "Over jou": the few things a young person may tell Culture Matcher about themselves
//! (an age band, the town they start from, how far they will travel, the most they want
//! to pay), kept in their browser only and turned into the recommender's
//! [`Context`]. Everything is optional; what is not said falls back to the defaults for
//! Culture Matcher's audience (16-25, [`DEFAULT_AGE`]), and no distance limit.
//!
//! Stored as one short line of `key=value` pairs joined by `&` (`age=16_18&town=Gent`),
//! written and read here without a JSON library (the app's wasm stays small); a value
//! this version cannot read (an old format, a hand-edited one) reads as "not said",
//! field by field, never as an error.

use super::recommend::{Context, DEFAULT_AGE};
use super::towns;

/// The age bands offered: Culture Matcher is for 16-25, with room on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgeBand {
    /// 12 to 15.
    Under16,
    /// 16 to 18.
    From16To18,
    /// 19 to 21.
    From19To21,
    /// 22 to 25.
    From22To25,
    /// 26 and older.
    Over25,
}

impl AgeBand {
    /// Every band, youngest first, as the form lists them.
    pub const ALL: [AgeBand; 5] = [
        AgeBand::Under16,
        AgeBand::From16To18,
        AgeBand::From19To21,
        AgeBand::From22To25,
        AgeBand::Over25,
    ];

    /// The age the recommender assumes for the band: one inside it, so a show's age
    /// range ("16+", "12-18") holds it exactly when it suits the band's middle.
    pub fn age(self) -> u8 {
        match self {
            AgeBand::Under16 => 14,
            AgeBand::From16To18 => 17,
            AgeBand::From19To21 => 20,
            AgeBand::From22To25 => 23,
            AgeBand::Over25 => 30,
        }
    }

    /// The band's key in a form and in storage.
    pub fn key(self) -> &'static str {
        match self {
            AgeBand::Under16 => "under_16",
            AgeBand::From16To18 => "16_18",
            AgeBand::From19To21 => "19_21",
            AgeBand::From22To25 => "22_25",
            AgeBand::Over25 => "over_25",
        }
    }

    /// The band with this [`AgeBand::key`].
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }
}

/// What a young person said about themselves; `None` is "not said".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct About {
    pub age_band: Option<AgeBand>,
    /// A town of [`towns::TOWNS`] (its Dutch name).
    pub town: Option<String>,
    pub max_km: Option<u32>,
    pub max_price_cents: Option<u32>,
}

impl About {
    /// Reads a stored value; anything unreadable is "not said". A town no longer in
    /// the table is forgotten rather than guessed.
    pub fn from_stored(text: &str) -> Self {
        let mut about = About::default();
        for (key, value) in text.split('&').filter_map(|pair| pair.split_once('=')) {
            let number = || value.parse::<u32>().ok();
            match key {
                "age" => about.age_band = AgeBand::from_key(value),
                "town" => about.town = towns::find(value).map(|t| t.name.to_string()),
                "km" => about.max_km = number(),
                "price" => about.max_price_cents = number(),
                _ => {}
            }
        }
        about
    }

    /// The value to store. Town names hold no `&` or `=`, so nothing needs escaping.
    pub fn to_stored(&self) -> String {
        let mut pairs: Vec<String> = Vec::new();
        if let Some(band) = self.age_band {
            pairs.push(format!("age={}", band.key()));
        }
        if let Some(town) = &self.town {
            pairs.push(format!("town={town}"));
        }
        if let Some(km) = self.max_km {
            pairs.push(format!("km={km}"));
        }
        if let Some(cents) = self.max_price_cents {
            pairs.push(format!("price={cents}"));
        }
        pairs.join("&")
    }

    /// Whether anything was said.
    pub fn is_empty(&self) -> bool {
        *self == About::default()
    }

    /// The recommender's context at `now_unix`: the band's age or [`DEFAULT_AGE`]; the
    /// town's centre as home; the farthest distance only with a home (a distance from
    /// nowhere means nothing); the price limit.
    pub fn context(&self, now_unix: i64) -> Context {
        let home = self.town.as_deref().and_then(towns::find).map(|t| t.geo);
        Context {
            age: Some(self.age_band.map_or(DEFAULT_AGE, AgeBand::age)),
            home,
            max_km: home.and(self.max_km),
            max_price_cents: self.max_price_cents,
            ..Context::at(now_unix)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_said_is_the_default_young_audience_without_limits() {
        let ctx = About::default().context(5);
        assert_eq!(ctx, Context::for_young_people(5));
    }

    #[test]
    fn what_is_said_reaches_the_context() {
        let about = About {
            age_band: Some(AgeBand::From22To25),
            town: Some("Aalst".into()),
            max_km: Some(40),
            max_price_cents: Some(1000),
        };
        let ctx = about.context(7);
        assert_eq!(ctx.now_unix, 7);
        assert_eq!(ctx.age, Some(23));
        assert_eq!(ctx.home, towns::find("Aalst").map(|t| t.geo));
        assert_eq!(ctx.max_km, Some(40));
        assert_eq!(ctx.max_price_cents, Some(1000));
    }

    #[test]
    fn a_distance_without_a_town_is_no_limit() {
        let about = About {
            max_km: Some(10),
            ..About::default()
        };
        assert_eq!(about.context(0).max_km, None);
    }

    #[test]
    fn every_band_age_lies_in_its_band() {
        let bounds = [(12, 15), (16, 18), (19, 21), (22, 25), (26, 120)];
        for (band, (lo, hi)) in AgeBand::ALL.into_iter().zip(bounds) {
            assert!((lo..=hi).contains(&band.age()), "{band:?}");
            assert_eq!(AgeBand::from_key(band.key()), Some(band));
        }
        assert_eq!(AgeBand::from_key("nonsense"), None);
    }

    #[test]
    fn stored_values_round_trip_and_bad_ones_read_as_nothing_said() {
        let about = About {
            age_band: Some(AgeBand::Under16),
            town: Some("Gent".into()),
            max_km: Some(20),
            max_price_cents: None,
        };
        assert_eq!(About::from_stored(&about.to_stored()), about);
        assert_eq!(About::from_stored(""), About::default());
        assert_eq!(About::from_stored("{\"town\":\"Gent\"}"), About::default());
        let mixed = About::from_stored("age=old&town=ghent&km=far&price=1200&x=y");
        assert_eq!(
            mixed,
            About {
                town: Some("Gent".into()),
                max_price_cents: Some(1200),
                ..About::default()
            }
        );
        assert_eq!(About::from_stored("town=Atlantis"), About::default());
        for town in towns::TOWNS {
            assert!(!town.name.contains(['&', '=']), "{}", town.name);
        }
    }
}
