//! The show form as staff fill it in (every field as typed), and its check before
//! sending: `suite_domain::culture::show_input::check_show_input`, the same rule as the
//! server, plus what only the form can get wrong (a price that is not an amount, a
//! trailer choice without a file or link). Problems map onto field ids.

use suite_domain::culture::media::local_media;
use suite_domain::culture::show_input::{
    DateInput, ShowContext, ShowField, ShowFieldError, ShowInput, check_show_input, format_euro,
    parse_euro,
};
use suite_domain::i18n::Msg;

/// One performance as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DateRow {
    pub(crate) start: String,
    pub(crate) end: String,
}

/// What kind of trailer the show has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum TrailerMode {
    #[default]
    None,
    /// A video uploaded to our server.
    File,
    /// A YouTube or Vimeo link.
    Link,
}

/// The form's fields as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ShowForm {
    pub(crate) title: String,
    pub(crate) text: String,
    pub(crate) genre: String,
    pub(crate) dates: Vec<DateRow>,
    pub(crate) venue: String,
    pub(crate) free: bool,
    /// Euros as typed (`12,50`).
    pub(crate) price: String,
    pub(crate) ticket_url: String,
    /// The uploaded picture's URL.
    pub(crate) image: Option<String>,
    pub(crate) image_alt: String,
    pub(crate) trailer_mode: TrailerMode,
    /// The uploaded video's URL.
    pub(crate) trailer_file: Option<String>,
    pub(crate) trailer_link: String,
    pub(crate) in_swipe: bool,
}

impl ShowForm {
    /// A new show: one empty date, in the swipe; the venue chosen when there is only one.
    pub(crate) fn blank(venues: &[String]) -> ShowForm {
        ShowForm {
            dates: vec![DateRow::default()],
            venue: match venues {
                [only] => only.clone(),
                _ => String::new(),
            },
            in_swipe: true,
            ..ShowForm::default()
        }
    }

    /// The form of a show staff made before.
    pub(crate) fn of(input: &ShowInput, centre: &str) -> ShowForm {
        let trailer = input.trailer.clone().unwrap_or_default();
        let (trailer_mode, trailer_file, trailer_link) = if trailer.is_empty() {
            (TrailerMode::None, None, String::new())
        } else if local_media(&trailer, centre).is_some() {
            (TrailerMode::File, Some(trailer), String::new())
        } else {
            (TrailerMode::Link, None, trailer)
        };
        ShowForm {
            title: input.title.clone(),
            text: input.text.clone(),
            genre: input.genre.clone(),
            dates: input
                .dates
                .iter()
                .map(|d| DateRow {
                    start: d.start.clone(),
                    end: d.end.clone().unwrap_or_default(),
                })
                .collect(),
            venue: input.venue.clone(),
            free: input.price_cents == 0,
            price: match input.price_cents {
                0 => String::new(),
                cents => format_euro(cents),
            },
            ticket_url: input.ticket_url.clone().unwrap_or_default(),
            image: input.image.clone(),
            image_alt: input.image_alt.clone().unwrap_or_default(),
            trailer_mode,
            trailer_file,
            trailer_link,
            in_swipe: input.in_swipe,
        }
    }

    /// What to send, and the problems only the form can have.
    fn to_input(&self) -> (ShowInput, Vec<ShowFieldError>) {
        let mut errors = Vec::new();
        let price_cents = if self.free {
            0
        } else {
            parse_euro(&self.price).unwrap_or_else(|| {
                errors.push(ShowFieldError {
                    field: ShowField::Price,
                    message: Msg::CmBoPriceInvalid,
                });
                0
            })
        };
        let trailer = match self.trailer_mode {
            TrailerMode::None => None,
            TrailerMode::File => self.trailer_file.clone(),
            TrailerMode::Link => {
                Some(self.trailer_link.trim().to_owned()).filter(|l| !l.is_empty())
            }
        };
        if self.trailer_mode != TrailerMode::None && trailer.is_none() {
            errors.push(ShowFieldError {
                field: ShowField::Trailer,
                message: Msg::ErrRequired,
            });
        }
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        let input = ShowInput {
            title: self.title.clone(),
            text: self.text.clone(),
            genre: self.genre.clone(),
            dates: self
                .dates
                .iter()
                .map(|d| DateInput {
                    start: d.start.clone(),
                    end: optional(&d.end),
                })
                .collect(),
            venue: self.venue.clone(),
            price_cents,
            ticket_url: optional(&self.ticket_url),
            image: self.image.clone(),
            image_alt: self.image.as_ref().and_then(|_| optional(&self.image_alt)),
            trailer,
            in_swipe: self.in_swipe,
        };
        (input, errors)
    }
}

/// The place of a field in the form, top to bottom.
fn rank(field: ShowField) -> usize {
    match field {
        ShowField::Title => 0,
        ShowField::Text => 1,
        ShowField::Genre => 2,
        ShowField::Dates => 3,
        ShowField::DateStart(i) => 4 + 2 * i,
        ShowField::DateEnd(i) => 5 + 2 * i,
        ShowField::Venue => 1_000,
        ShowField::Price => 1_001,
        ShowField::TicketUrl => 1_002,
        ShowField::Image => 1_003,
        ShowField::ImageAlt => 1_004,
        ShowField::Trailer => 1_005,
    }
}

/// The show to send, or every problem to show, top to bottom.
pub(crate) fn check_form(
    form: &ShowForm,
    centre: &str,
    venues: &[String],
) -> Result<ShowInput, Vec<ShowFieldError>> {
    let (input, mut errors) = form.to_input();
    let ctx = ShowContext {
        centre,
        // The server gives new shows their id; the rule does not look at it.
        show_id: "new",
        venues,
    };
    if let Err(found) = check_show_input(&input, &ctx) {
        let fresh: Vec<ShowFieldError> = found
            .into_iter()
            .filter(|e| !errors.iter().any(|known| known.field == e.field))
            .collect();
        errors.extend(fresh);
    }
    if errors.is_empty() {
        Ok(input)
    } else {
        errors.sort_by_key(|e| rank(e.field));
        Err(errors)
    }
}

/// The message beside `field`, if it is not right.
pub(crate) fn error_for(errors: &[ShowFieldError], field: ShowField) -> Option<Msg> {
    errors.iter().find(|e| e.field == field).map(|e| e.message)
}

/// The `id` of a field in the page (the element that takes the focus).
pub(crate) fn field_id(field: ShowField, form: &ShowForm) -> String {
    match field {
        ShowField::Title => "show-title".into(),
        ShowField::Text => "show-text".into(),
        ShowField::Genre => "show-genre".into(),
        ShowField::Dates => "show-dates".into(),
        ShowField::DateStart(i) => format!("show-date-{i}-start"),
        ShowField::DateEnd(i) => format!("show-date-{i}-end"),
        ShowField::Venue => "show-venue".into(),
        ShowField::Price => "show-price".into(),
        ShowField::TicketUrl => "show-ticket".into(),
        ShowField::Image => "show-image".into(),
        ShowField::ImageAlt => "show-image-alt".into(),
        ShowField::Trailer => match form.trailer_mode {
            TrailerMode::Link => "show-trailer-link".into(),
            TrailerMode::File => "show-trailer-file".into(),
            TrailerMode::None => "show-trailer-none".into(),
        },
    }
}
