//! Word lists the demo catalogue combines into plainly invented titles, authors and
//! series. The surnames are made-up compounds, so no title can pass for a real book.

/// Adjectives in their inflected form (after `de`/`het`).
pub(crate) const ADJECTIVES: &[&str] = &[
    "geheime",
    "vrolijke",
    "verdwenen",
    "kleine",
    "dappere",
    "vliegende",
    "verloren",
    "gekke",
    "stille",
    "wilde",
    "gouden",
    "slimme",
    "betoverde",
    "piepkleine",
];

/// Nouns with their article.
pub(crate) const NOUNS: &[(&str, &str)] = &[
    ("de", "draak"),
    ("de", "sleutel"),
    ("de", "voetbal"),
    ("het", "paard"),
    ("het", "kasteel"),
    ("de", "kat"),
    ("de", "schat"),
    ("het", "spook"),
    ("de", "pony"),
    ("de", "ridder"),
    ("de", "tijdmachine"),
    ("de", "heks"),
    ("het", "eiland"),
    ("de", "robot"),
    ("de", "hond"),
    ("de", "zeerover"),
    ("het", "dagboek"),
    ("de", "olifant"),
];

/// Grown-ups a title can be about.
pub(crate) const GROWN_UPS: &[&str] = &[
    "Oma Fien",
    "Opa Bert",
    "juf Lies",
    "meester Koen",
    "tante Mia",
    "kapitein Knol",
    "nonkel Staf",
    "de buurvrouw",
];

/// Children who star in titles.
pub(crate) const CHILDREN: &[&str] = &[
    "Lotte", "Mats", "Noor", "Senne", "Fien", "Warre", "Lina", "Jules", "Roos", "Vic", "Nora",
    "Stan", "Mila", "Lou", "Ferre", "Zoë",
];

/// Verbs for `<child> <verb> <noun>` titles.
pub(crate) const VERBS: &[&str] = &[
    "zoekt", "vindt", "redt", "temt", "bouwt", "verstopt", "ontmoet",
];

/// First names of the invented authors.
pub(crate) const FIRST_NAMES: &[&str] = &[
    "Anke", "Bart", "Dorien", "Evi", "Filip", "Griet", "Hanne", "Ilse", "Jan", "Katrien", "Luc",
    "Marijke", "Nele", "Pieter", "Sofie", "Tom", "Veerle", "Wim",
];

/// Invented surnames; the shelf mark is their first four letters.
pub(crate) const SURNAMES: &[&str] = &[
    "Kleimuts",
    "Zonnekoek",
    "Wolkendans",
    "Pruttelpot",
    "Knikkerbos",
    "Dropsnoet",
    "Spekkevoet",
    "Mosselsnor",
    "Hazewindje",
    "Vlinderstrik",
    "Ballonneke",
    "Pepernootje",
];

/// Invented series.
pub(crate) const SERIES: &[&str] = &[
    "De Zonnekoekclub",
    "Avonturen van ridder Rik",
    "Het Spookhuisteam",
    "Dolle dieren",
    "Team Knikker",
];

/// The sub-location (shelf section) of a theme's books in the demo libraries.
pub(crate) fn sub_location(theme: &str) -> &'static str {
    match theme {
        "humour" => "Grappig",
        "fantasy" => "Fantasie",
        "adventure" => "Avontuur",
        "sport" => "Sport",
        "animals" => "Dieren",
        "cultures" => "Wereld",
        "love" => "Liefde",
        "history" => "Vroeger",
        "prizes" => "Bekroond",
        "friendship" => "Vriendschap",
        _ => "Verhalen",
    }
}
