//! A show as centre staff make it in the back-office ([`ShowInput`]) and the one rule
//! that checks it and turns it into a programme [`Show`]: [`check_show_input`], run by
//! the form (errors beside the fields) and by the server (the rule that counts).
//!
//! Staff write plain text: it becomes paragraphs (at blank lines) and line breaks with
//! every character escaped, so no markup of theirs ever reaches the app. Dates are
//! Belgian wall times (see [`super::brussels`]).

use serde::{Deserialize, Serialize};

use super::brussels::LocalDateTime;
use super::media::{local_media, platform_trailer};
use super::programme::{
    Booking, Calendar, CalendarKind, Image, Occurrence, Price, Show, ShowStatus, Term, Text,
    Trailer,
};
use crate::i18n::Msg;

/// Longest title, in characters.
pub const TITLE_MAX: usize = 120;
/// Longest text, in characters.
pub const TEXT_MAX: usize = 5000;
/// Most performances of one show.
pub const DATES_MAX: usize = 50;
/// Highest price, in euro cents.
pub const PRICE_MAX_CENTS: u32 = 100_000;
/// Longest ticket or trailer link, in characters.
pub const URL_MAX: usize = 500;
/// Longest description of the picture, in characters.
pub const ALT_MAX: usize = 200;

/// The genres staff choose from: the UiTdatabank event types (`terms` of domain
/// `eventtype`) the importer reads in the samples and the demo programme, as (id, label).
pub const GENRES: [(&str, &str); 8] = [
    ("0.55.0.0.0", "Theatervoorstelling"),
    ("0.50.4.0.0", "Concert"),
    ("0.54.0.0.0", "Dansvoorstelling"),
    ("0.50.6.0.0", "Film"),
    ("0.52.0.0.0", "Circus"),
    ("0.0.0.0.0", "Tentoonstelling"),
    ("0.49.0.0.0", "Party of fuif"),
    ("0.3.1.0.0", "Cursus of workshop"),
];

/// The OpenAPI `pattern` of a date as the form sends it (`YYYY-MM-DDTHH:MM`, seconds
/// optional); whether the day exists in that month only the calendar tells.
pub const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$";
/// The OpenAPI `pattern` of a ticket link [`is_web_url`] takes (or a blank one): `http(s)`,
/// a host without `@`, no white space or control characters.
pub const WEB_URL_PATTERN: &str = r"^$|^[Hh][Tt][Tt][Pp][Ss]?://[^/?#@\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+([/?#][^\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*)?$";

/// The OpenAPI schemas of [`ShowInput`]'s fields whose limits are consts or lists here.
#[cfg(feature = "openapi")]
mod schemas {
    use utoipa::openapi::schema::{Object, ObjectBuilder, SchemaType, Type};

    fn text(nullable: bool) -> ObjectBuilder {
        let kind = if nullable {
            SchemaType::from_iter([Type::String, Type::Null])
        } else {
            SchemaType::new(Type::String)
        };
        ObjectBuilder::new().schema_type(kind)
    }

    pub(super) fn genre() -> Object {
        text(false)
            .enum_values(Some(super::GENRES.iter().map(|(id, _)| *id)))
            .build()
    }

    pub(super) fn start() -> Object {
        text(false).pattern(Some(super::DATE_PATTERN)).build()
    }

    pub(super) fn end() -> Object {
        text(true).pattern(Some(super::DATE_PATTERN)).build()
    }

    pub(super) fn ticket_url() -> Object {
        text(true)
            .max_length(Some(super::URL_MAX))
            .pattern(Some(super::WEB_URL_PATTERN))
            .build()
    }
}

/// One performance as typed: Belgian wall times from `datetime-local` inputs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DateInput {
    /// `YYYY-MM-DDTHH:MM`.
    #[cfg_attr(feature = "openapi", schema(schema_with = schemas::start))]
    pub start: String,
    /// Optional; after `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(schema_with = schemas::end))]
    pub end: Option<String>,
}

/// A show as staff make it (`POST`/`PUT /api/culture/<centre>/shows`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShowInput {
    /// 1 to [`TITLE_MAX`] characters on one line.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 120,
            pattern = r"[^\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub title: String,
    /// Plain text, at most [`TEXT_MAX`] characters; a blank line starts a paragraph.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub text: String,
    /// An event type id of [`GENRES`].
    #[cfg_attr(feature = "openapi", schema(schema_with = schemas::genre))]
    pub genre: String,
    /// 1 to [`DATES_MAX`] performances.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50))]
    pub dates: Vec<DateInput>,
    /// The id of one of the centre's venues.
    pub venue: String,
    /// 0 is free; at most [`PRICE_MAX_CENTS`].
    #[cfg_attr(feature = "openapi", schema(maximum = 100_000))]
    #[serde(deserialize_with = "crate::validation::whole_number")]
    pub price_cents: u32,
    /// `http(s)` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(schema_with = schemas::ticket_url))]
    pub ticket_url: Option<String>,
    /// A picture uploaded for the centre (`/data/culture-matcher/media/<centre>/...`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<String>,
    /// What the picture shows, for people who cannot see it; at most [`ALT_MAX`]
    /// characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub image_alt: Option<String>,
    /// A video uploaded for the centre, or a YouTube or Vimeo link (at most [`URL_MAX`]
    /// characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub trailer: Option<String>,
    /// Takes part in the swipe.
    #[serde(default)]
    pub in_swipe: bool,
}

/// Which field of a [`ShowInput`] is not right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShowField {
    Title,
    Text,
    Genre,
    /// The list of dates as a whole (none, or too many).
    Dates,
    /// The start of the date at this index.
    DateStart(usize),
    /// The end of the date at this index.
    DateEnd(usize),
    Venue,
    Price,
    TicketUrl,
    Image,
    ImageAlt,
    Trailer,
}

impl ShowField {
    /// The field's name in the API's error (`field`), e.g. `title` or `dates.2.end`.
    pub fn name(self) -> String {
        match self {
            ShowField::Title => "title".into(),
            ShowField::Text => "text".into(),
            ShowField::Genre => "genre".into(),
            ShowField::Dates => "dates".into(),
            ShowField::DateStart(i) => format!("dates.{i}.start"),
            ShowField::DateEnd(i) => format!("dates.{i}.end"),
            ShowField::Venue => "venue".into(),
            ShowField::Price => "price_cents".into(),
            ShowField::TicketUrl => "ticket_url".into(),
            ShowField::Image => "image".into(),
            ShowField::ImageAlt => "image_alt".into(),
            ShowField::Trailer => "trailer".into(),
        }
    }

    /// The field an API error names (the inverse of [`ShowField::name`]).
    pub fn from_name(name: &str) -> Option<ShowField> {
        let field = match name {
            "title" => ShowField::Title,
            "text" => ShowField::Text,
            "genre" => ShowField::Genre,
            "dates" => ShowField::Dates,
            "venue" => ShowField::Venue,
            "price_cents" => ShowField::Price,
            "ticket_url" => ShowField::TicketUrl,
            "image" => ShowField::Image,
            "image_alt" => ShowField::ImageAlt,
            "trailer" => ShowField::Trailer,
            _ => {
                let rest = name.strip_prefix("dates.")?;
                let (index, end) = rest.split_once('.')?;
                let index = index.parse().ok()?;
                return match end {
                    "start" => Some(ShowField::DateStart(index)),
                    "end" => Some(ShowField::DateEnd(index)),
                    _ => None,
                };
            }
        };
        Some(field)
    }
}

/// One problem, with the message to show beside the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShowFieldError {
    pub field: ShowField,
    pub message: Msg,
}

impl std::fmt::Display for ShowFieldError {
    /// English, for logs and API error details.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {}",
            self.field.name(),
            self.message.text(crate::i18n::Lang::En)
        )
    }
}

/// What the rule needs to know besides the input.
#[derive(Debug, Clone, Copy)]
pub struct ShowContext<'a> {
    pub centre: &'a str,
    /// The id the show gets (or has).
    pub show_id: &'a str,
    /// The ids of the centre's venues.
    pub venues: &'a [String],
}

/// `text` with HTML's special characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Staff text as typed, cleaned: line ends as `\n`, other control characters (but tabs)
/// dropped, spaces at line ends and around the text trimmed.
pub fn clean_text(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect();
    kept.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// Plain text as the programme's sanitised HTML: a `<p>` per paragraph (blank lines
/// between), `<br>` at single line breaks, every character escaped; empty for empty
/// text.
pub fn text_to_html(text: &str) -> String {
    let text = clean_text(text);
    let mut html = String::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut flush = |lines: &mut Vec<&str>| {
        if !lines.is_empty() {
            let body: Vec<String> = lines.iter().map(|l| escape(l.trim())).collect();
            html.push_str(&format!("<p>{}</p>", body.join("<br>")));
            lines.clear();
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut paragraph);
        } else {
            paragraph.push(line);
        }
    }
    flush(&mut paragraph);
    html
}

/// The plain text of sanitised HTML, for the edit form: paragraphs apart by a blank
/// line, `<br>` as a line break, other tags dropped, the common entities decoded. The
/// inverse of [`text_to_html`] on its output.
pub fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag
            .trim_end_matches('/')
            .split_whitespace()
            .next()
            .unwrap_or("");
        match name {
            "br" => text.push('\n'),
            "/p" | "/li" | "/ul" | "/ol" => text.push_str("\n\n"),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    let decoded = text
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&");
    let mut out = String::new();
    let mut blank = 0;
    for line in decoded.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

/// Euro cents as staff read them: `12,50`, `0,00`.
pub fn format_euro(cents: u32) -> String {
    format!("{},{:02}", cents / 100, cents % 100)
}

/// A price as staff type it (`12`, `12,5`, `12.50`, `€ 12,50`) in euro cents; `None`
/// for anything else or above [`PRICE_MAX_CENTS`].
pub fn parse_euro(text: &str) -> Option<u32> {
    let text = text
        .trim()
        .trim_start_matches('€')
        .trim_end_matches('€')
        .trim();
    let (euros, cents) = match text.split_once([',', '.']) {
        Some((e, c)) => (e, c),
        None => (text, ""),
    };
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if euros.is_empty() || euros.len() > 6 || !digits(euros) || cents.len() > 2 || !digits(cents) {
        return None;
    }
    let euros: u32 = euros.parse().ok()?;
    let cents: u32 = match cents.len() {
        0 => 0,
        1 => cents.parse::<u32>().ok()? * 10,
        _ => cents.parse().ok()?,
    };
    let total = euros.checked_mul(100)?.checked_add(cents)?;
    (total <= PRICE_MAX_CENTS).then_some(total)
}

/// An `http(s)` link with a host and no spaces, at most [`URL_MAX`] characters.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        url.get(8..)
    } else if lower.starts_with("http://") {
        url.get(7..)
    } else {
        None
    };
    let host = rest
        .and_then(|r| r.split(['/', '?', '#']).next())
        .unwrap_or("");
    url.chars().count() <= URL_MAX
        && !host.is_empty()
        && !host.contains('@')
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A text on one line: control characters dropped, runs of white space as one space.
pub fn one_line(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A trimmed optional text: `None` when blank.
fn given(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|t| !t.is_empty())
}

struct Checker {
    errors: Vec<ShowFieldError>,
}

impl Checker {
    fn fail(&mut self, field: ShowField, message: Msg) {
        self.errors.push(ShowFieldError { field, message });
    }
}

fn check_dates(c: &mut Checker, dates: &[DateInput]) -> Vec<Occurrence> {
    if dates.is_empty() || dates.len() > DATES_MAX {
        c.fail(ShowField::Dates, Msg::CmBoDatesCount);
    }
    let mut occurrences = Vec::new();
    for (i, date) in dates.iter().enumerate().take(DATES_MAX) {
        let start = match date.start.trim() {
            "" => {
                c.fail(ShowField::DateStart(i), Msg::ErrRequired);
                None
            }
            text => {
                let parsed = LocalDateTime::parse(text);
                if parsed.is_none() {
                    c.fail(ShowField::DateStart(i), Msg::CmBoDateInvalid);
                }
                parsed
            }
        };
        let end = match given(date.end.as_deref()) {
            None => None,
            Some(text) => match LocalDateTime::parse(text) {
                None => {
                    c.fail(ShowField::DateEnd(i), Msg::CmBoDateInvalid);
                    None
                }
                Some(end) if start.is_some_and(|s| end <= s) => {
                    c.fail(ShowField::DateEnd(i), Msg::CmBoEndBeforeStart);
                    None
                }
                Some(end) => Some(end),
            },
        };
        if let Some(start) = start {
            occurrences.push(Occurrence {
                start: start.to_moment(),
                end: end.map(LocalDateTime::to_moment),
                status: ShowStatus::Available,
            });
        }
    }
    occurrences.sort_by_key(|o| o.start.unix);
    occurrences
}

fn check_media(
    c: &mut Checker,
    input: &ShowInput,
    centre: &str,
) -> (Option<Image>, Option<Trailer>) {
    let alt = given(input.image_alt.as_deref());
    let image = given(input.image.as_deref()).and_then(|src| match local_media(src, centre) {
        Some(kind) if !kind.is_video() => Some(Image {
            src: Some(src.to_string()),
            source: None,
            alt: alt.map(one_line),
            credit: None,
        }),
        _ => {
            c.fail(ShowField::Image, Msg::CmBoImageInvalid);
            None
        }
    });
    if alt.is_some_and(|a| a.chars().count() > ALT_MAX) {
        c.fail(ShowField::ImageAlt, Msg::CmBoAltTooLong);
    }
    let trailer = given(input.trailer.as_deref()).and_then(|link| {
        let found = match local_media(link, centre) {
            Some(kind) if kind.is_video() => Some(Trailer::File {
                src: link.to_string(),
                mime: kind.mime().to_string(),
            }),
            Some(_) => None,
            None if link.chars().count() <= URL_MAX => platform_trailer(link),
            None => None,
        };
        if found.is_none() {
            c.fail(ShowField::Trailer, Msg::CmBoTrailerInvalid);
        }
        found
    });
    (image, trailer)
}

/// Checks what staff made and returns it as a programme show with id `ctx.show_id`, or
/// every problem found, in the order of the form.
pub fn check_show_input(
    input: &ShowInput,
    ctx: &ShowContext<'_>,
) -> Result<Show, Vec<ShowFieldError>> {
    let mut c = Checker { errors: Vec::new() };
    let title = one_line(&input.title);
    if title.is_empty() {
        c.fail(ShowField::Title, Msg::ErrRequired);
    } else if title.chars().count() > TITLE_MAX {
        c.fail(ShowField::Title, Msg::CmBoTitleTooLong);
    }
    if clean_text(&input.text).chars().count() > TEXT_MAX {
        c.fail(ShowField::Text, Msg::CmBoTextTooLong);
    }
    let genre = GENRES.iter().find(|(id, _)| *id == input.genre.trim());
    if genre.is_none() {
        c.fail(ShowField::Genre, Msg::CmBoGenreInvalid);
    }
    let occurrences = check_dates(&mut c, &input.dates);
    if !ctx.venues.contains(&input.venue) {
        c.fail(ShowField::Venue, Msg::CmBoVenueInvalid);
    }
    if input.price_cents > PRICE_MAX_CENTS {
        c.fail(ShowField::Price, Msg::CmBoPriceInvalid);
    }
    let ticket_url = given(input.ticket_url.as_deref());
    if ticket_url.is_some_and(|url| !is_web_url(url)) {
        c.fail(ShowField::TicketUrl, Msg::CmBoUrlInvalid);
    }
    let (image, trailer) = check_media(&mut c, input, ctx.centre);
    if !c.errors.is_empty() {
        return Err(c.errors);
    }
    let kind = match occurrences.len() {
        1 => CalendarKind::Single,
        _ => CalendarKind::Multiple,
    };
    let start = occurrences.first().map(|o| o.start.clone());
    let end = occurrences
        .iter()
        .map(|o| o.end.as_ref().unwrap_or(&o.start))
        .max_by_key(|m| m.unix)
        .cloned();
    Ok(Show {
        id: ctx.show_id.to_string(),
        title: Text::nl(title),
        description_html: Text::nl(text_to_html(&input.text)),
        genre: genre.map(|(id, label)| Term {
            id: (*id).to_string(),
            label: (*label).to_string(),
        }),
        themes: Vec::new(),
        venue: input.venue.clone(),
        calendar: Calendar {
            kind,
            occurrences,
            start,
            end,
            opening_hours: Vec::new(),
        },
        price: Some(Price {
            base_cents: input.price_cents,
            tariffs: Vec::new(),
        }),
        ages: None,
        image,
        trailer,
        booking: Booking {
            url: ticket_url.map(str::to_string),
            ..Booking::default()
        },
        organizer: None,
        status: ShowStatus::Available,
        bookable: true,
        in_swipe: input.in_swipe,
    })
}

/// The form's values of a show made by staff: the inverse of [`check_show_input`].
pub fn show_input_of(show: &Show) -> ShowInput {
    let local = |unix: i64| {
        LocalDateTime::from_unix(unix)
            .map(LocalDateTime::input_value)
            .unwrap_or_default()
    };
    ShowInput {
        title: show.title.nl.clone(),
        text: html_to_text(&show.description_html.nl),
        genre: show
            .genre
            .as_ref()
            .map(|g| g.id.clone())
            .unwrap_or_default(),
        dates: show
            .calendar
            .occurrences
            .iter()
            .map(|o| DateInput {
                start: local(o.start.unix),
                end: o.end.as_ref().map(|e| local(e.unix)),
            })
            .collect(),
        venue: show.venue.clone(),
        price_cents: show.price.as_ref().map_or(0, |p| p.base_cents),
        ticket_url: show.booking.url.clone(),
        image: show.image.as_ref().and_then(|i| i.src.clone()),
        image_alt: show.image.as_ref().and_then(|i| i.alt.clone()),
        trailer: show.trailer.as_ref().map(|t| match t {
            Trailer::File { src, .. } => src.clone(),
            Trailer::Platform { url, .. } => url.clone(),
        }),
        in_swipe: show.in_swipe,
    }
}

#[cfg(test)]
mod tests;
