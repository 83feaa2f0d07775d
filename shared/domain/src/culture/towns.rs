//! Flemish and Brussels towns with the rough centre of each, so a young person can say
//! "I start from Aalst" instead of sharing a location, and the filters and the
//! recommender can measure distances to venues.
//!
//! The coordinates are **approximate** (about a kilometre): the town centre as known from
//! general geography, written down for this table, not taken from a geographic data set.
//! They are good enough for "within 20 km", not for directions.

use super::programme::{Geo, Venue};

/// One town of the table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Town {
    /// The Dutch name, as the app shows it.
    pub name: &'static str,
    /// Other names people type: French, English, short forms.
    pub aliases: &'static [&'static str],
    /// The approximate centre.
    pub geo: Geo,
}

const fn town(name: &'static str, aliases: &'static [&'static str], lat: f64, lon: f64) -> Town {
    Town {
        name,
        aliases,
        geo: Geo { lat, lon },
    }
}

/// The towns, by province (Antwerp, Limburg, East Flanders, Flemish Brabant, West
/// Flanders) and then Brussels.
pub const TOWNS: &[Town] = &[
    // Antwerpen
    town("Antwerpen", &["Antwerp", "Anvers"], 51.2194, 4.4025),
    town("Mechelen", &["Malines"], 51.0259, 4.4776),
    town("Turnhout", &[], 51.3227, 4.9447),
    town("Lier", &["Lierre"], 51.1313, 4.5700),
    town("Geel", &[], 51.1620, 4.9903),
    town("Mol", &[], 51.1910, 5.1163),
    town("Herentals", &[], 51.1766, 4.8362),
    town("Heist-op-den-Berg", &[], 51.0759, 4.7281),
    town("Boom", &[], 51.0877, 4.3667),
    town("Mortsel", &[], 51.1703, 4.4567),
    town("Brasschaat", &[], 51.2912, 4.4918),
    town("Schoten", &[], 51.2524, 4.5013),
    town("Kapellen", &[], 51.3138, 4.4336),
    town("Westerlo", &[], 51.0890, 4.9150),
    town("Hoogstraten", &[], 51.4000, 4.7600),
    town("Willebroek", &[], 51.0603, 4.3603),
    // Limburg
    town("Hasselt", &[], 50.9307, 5.3325),
    town("Genk", &[], 50.9650, 5.5008),
    town("Sint-Truiden", &["Saint-Trond"], 50.8167, 5.1866),
    town("Tongeren", &["Tongres"], 50.7806, 5.4647),
    town("Beringen", &[], 51.0494, 5.2261),
    town("Lommel", &[], 51.2302, 5.3132),
    town("Maasmechelen", &[], 50.9656, 5.6947),
    town("Bilzen", &[], 50.8712, 5.5176),
    town("Maaseik", &[], 51.0980, 5.7850),
    town("Pelt", &["Neerpelt", "Overpelt"], 51.2200, 5.4230),
    // Oost-Vlaanderen
    town("Gent", &["Ghent", "Gand"], 51.0543, 3.7174),
    town("Aalst", &["Alost"], 50.9378, 4.0403),
    town("Sint-Niklaas", &["Saint-Nicolas"], 51.1650, 4.1437),
    town("Dendermonde", &["Termonde"], 51.0286, 4.1010),
    town("Wetteren", &[], 51.0056, 3.8825),
    town("Lokeren", &[], 51.1035, 3.9931),
    town("Beveren", &[], 51.2128, 4.2563),
    town("Eeklo", &[], 51.1853, 3.5637),
    town("Oudenaarde", &["Audenarde"], 50.8452, 3.6036),
    town("Ronse", &["Renaix"], 50.7461, 3.6008),
    town("Geraardsbergen", &["Grammont"], 50.7736, 3.8822),
    town("Ninove", &[], 50.8340, 4.0240),
    town("Zottegem", &[], 50.8696, 3.8104),
    town("Deinze", &[], 50.9838, 3.5272),
    town("Temse", &[], 51.1263, 4.2136),
    town("Hamme", &[], 51.0996, 4.1351),
    town("Zele", &[], 51.0666, 4.0392),
    town("Merelbeke", &[], 50.9946, 3.7453),
    town("Evergem", &[], 51.1086, 3.7086),
    // Vlaams-Brabant
    town("Leuven", &["Louvain"], 50.8798, 4.7005),
    town("Vilvoorde", &["Vilvorde"], 50.9281, 4.4245),
    town("Halle", &["Hal"], 50.7339, 4.2345),
    town("Tienen", &["Tirlemont"], 50.8076, 4.9378),
    town("Aarschot", &[], 50.9858, 4.8366),
    town("Diest", &[], 50.9894, 5.0506),
    town("Zaventem", &[], 50.8836, 4.4728),
    town("Dilbeek", &[], 50.8480, 4.2602),
    town("Asse", &[], 50.9104, 4.1983),
    town("Grimbergen", &[], 50.9346, 4.3723),
    town("Overijse", &[], 50.7742, 4.5380),
    town("Herent", &[], 50.9040, 4.6720),
    // West-Vlaanderen
    town("Brugge", &["Bruges"], 51.2093, 3.2247),
    town("Kortrijk", &["Courtrai"], 50.8280, 3.2649),
    town("Oostende", &["Ostend", "Ostende"], 51.2154, 2.9287),
    town("Roeselare", &["Roulers"], 50.9447, 3.1234),
    town("Ieper", &["Ypres"], 50.8503, 2.8856),
    town("Poperinge", &[], 50.8553, 2.7255),
    town("Waregem", &[], 50.8887, 3.4274),
    town("Menen", &["Menin"], 50.7963, 3.1217),
    town("Izegem", &[], 50.9147, 3.2130),
    town("Harelbeke", &[], 50.8538, 3.3091),
    town("Tielt", &[], 50.9993, 3.3271),
    town("Torhout", &[], 51.0650, 3.1005),
    town("Diksmuide", &["Dixmude"], 51.0329, 2.8641),
    town("Veurne", &["Furnes"], 51.0722, 2.6622),
    town("Knokke-Heist", &["Knokke"], 51.3500, 3.2667),
    town("Blankenberge", &[], 51.3130, 3.1322),
    town("De Panne", &["La Panne"], 51.0995, 2.5905),
    // Brussel
    town("Brussel", &["Brussels", "Bruxelles"], 50.8467, 4.3525),
    town("Anderlecht", &[], 50.8366, 4.3080),
    town("Schaarbeek", &["Schaerbeek"], 50.8676, 4.3737),
    town("Elsene", &["Ixelles"], 50.8333, 4.3667),
    town(
        "Sint-Jans-Molenbeek",
        &["Molenbeek", "Molenbeek-Saint-Jean"],
        50.8550,
        4.3300,
    ),
    town("Jette", &[], 50.8777, 4.3270),
    town("Ukkel", &["Uccle"], 50.8000, 4.3333),
    town("Etterbeek", &[], 50.8361, 4.3861),
];

/// A name as compared: lower case, accents dropped, hyphens, dots and runs of spaces as
/// one space (`Sint-Niklaas`, `sint niklaas`, `SINT-NIKLAAS` are the same).
pub fn normalise(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            'ÿ' | 'ý' => 'y',
            '-' | '_' | '.' | '\'' | '’' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The town with this name or alias, compared with [`normalise`].
pub fn find(name: &str) -> Option<&'static Town> {
    let wanted = normalise(name);
    if wanted.is_empty() {
        return None;
    }
    TOWNS
        .iter()
        .find(|t| normalise(t.name) == wanted || t.aliases.iter().any(|a| normalise(a) == wanted))
}

/// Where a venue is: its own coordinates, or else its town's centre.
pub fn venue_geo(venue: &Venue) -> Option<Geo> {
    venue.geo.or_else(|| find(&venue.town).map(|t| t.geo))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_whatever_the_case_accents_and_hyphens() {
        for (typed, name) in [
            ("gent", "Gent"),
            ("GHENT", "Gent"),
            ("Sint Niklaas", "Sint-Niklaas"),
            ("  sint--niklaas ", "Sint-Niklaas"),
            ("Bruxelles", "Brussel"),
            ("Molenbeek-Saint-Jean", "Sint-Jans-Molenbeek"),
            ("Knokke", "Knokke-Heist"),
            ("LOUVAIN", "Leuven"),
        ] {
            assert_eq!(find(typed).map(|t| t.name), Some(name), "{typed}");
        }
        assert_eq!(normalise("Élsène"), "elsene");
        assert!(find("").is_none());
        assert!(find("Parijs").is_none());
        assert!(find("-").is_none());
    }

    #[test]
    fn the_table_has_sixty_odd_unique_towns_in_flanders_and_brussels() {
        assert!(TOWNS.len() >= 60, "{}", TOWNS.len());
        for (i, t) in TOWNS.iter().enumerate() {
            // Flanders and Brussels lie within this box.
            assert!((50.6..51.6).contains(&t.geo.lat), "{}", t.name);
            assert!((2.5..5.95).contains(&t.geo.lon), "{}", t.name);
            // Every name and alias finds its own town.
            assert_eq!(find(t.name).map(|f| f.name), Some(t.name));
            for a in t.aliases {
                assert_eq!(find(a).map(|f| f.name), Some(t.name), "{a}");
            }
            assert!(
                TOWNS[..i]
                    .iter()
                    .all(|o| normalise(o.name) != normalise(t.name)),
                "{} twice",
                t.name
            );
        }
    }

    #[test]
    fn distances_between_towns_are_plausible() {
        let km = |a: &str, b: &str| {
            let (a, b) = (find(a).expect("a"), find(b).expect("b"));
            a.geo.km_to(b.geo)
        };
        // Straight-line distances known from general geography, within a few km.
        assert!(
            (44.0..52.0).contains(&km("Gent", "Brussel")),
            "{}",
            km("Gent", "Brussel")
        );
        assert!((38.0..46.0).contains(&km("Antwerpen", "Brussel")));
        assert!((10.0..15.0).contains(&km("Gent", "Wetteren")));
        assert!((20.0..25.0).contains(&km("Brugge", "Oostende")));
        assert!(km("Brussel", "Elsene") < 4.0);
    }
}
