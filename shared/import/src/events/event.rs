//! One UiTdatabank event into a show and its venue.

use serde_json::Value;
use suite_domain::culture::programme::{
    Booking, Geo, Image, Price, Show, ShowStatus, Tariff, Term, Text, Trailer, Venue,
};

use super::calendar::{bookable, calendar, parse_age_range, status};
use super::demo::DEMO_MARKER;
use super::html::sanitise_html;
use super::text::{host, id_of, localised, string, web_url};

/// An event read: the show and the venue it takes place at.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The show, with `venue` set to the venue's id.
    pub show: Show,
    /// Where it takes place.
    pub venue: Venue,
    /// Labelled [`DEMO_MARKER`]: made by the demo generator.
    pub demo: bool,
}

/// The highest price believed, in euro: anything above is a typing error.
const MAX_PRICE_EUR: f64 = 100_000.0;

/// Reads one event (a JSON-LD object). `Err` says why it cannot be used; `warnings`
/// gets what was left out of a usable event.
pub fn parse_event(event: &Value, warnings: &mut Vec<String>) -> Result<Event, String> {
    if !event.is_object() {
        return Err("not a JSON object".into());
    }
    let id = id_of(event.get("@id")).ok_or("no usable @id")?;
    if let Some(flow) = string(event.get("workflowStatus"))
        && matches!(flow.as_str(), "DELETED" | "REJECTED")
    {
        return Err(format!("workflowStatus {flow}"));
    }
    let main = string(event.get("mainLanguage")).unwrap_or_else(|| "nl".into());
    let title = localised(event.get("name"), &main).ok_or("no name")?;
    let venue = venue(event.get("location"), &main)?;
    let calendar = calendar(event, warnings)?;
    let description_html = localised(event.get("description"), &main)
        .map(|t| Text {
            nl: sanitise_html(&t.nl),
            en: t
                .en
                .map(|en| sanitise_html(&en))
                .filter(|en| !en.is_empty()),
        })
        .unwrap_or_default();
    let terms = |domain: &str| -> Vec<Term> {
        event
            .get("terms")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|t| string(t.get("domain")).as_deref() == Some(domain))
            .filter_map(|t| {
                Some(Term {
                    id: string(t.get("id"))?,
                    label: string(t.get("label")).unwrap_or_default(),
                })
            })
            .collect()
    };
    let ages = match string(event.get("typicalAgeRange")) {
        Some(text) => parse_age_range(&text).unwrap_or_else(|e| {
            warnings.push(e);
            None
        }),
        None => None,
    };
    let show = Show {
        id,
        title,
        description_html,
        genre: terms("eventtype").into_iter().next(),
        themes: terms("theme"),
        venue: venue.id.clone(),
        calendar,
        price: price(event.get("priceInfo"), &main, warnings),
        ages,
        image: image(event),
        trailer: trailer(event.get("videos")),
        booking: booking(event.get("bookingInfo"), &main),
        organizer: event
            .get("organizer")
            .and_then(|o| localised(o.get("name"), &main))
            .map(|t| t.nl),
        status: status(event.get("status")).unwrap_or(ShowStatus::Available),
        bookable: bookable(event.get("bookingAvailability")),
        in_swipe: false,
    };
    let demo = ["labels", "hiddenLabels"].iter().any(|key| {
        event
            .get(*key)
            .and_then(Value::as_array)
            .is_some_and(|labels| labels.iter().any(|l| l.as_str() == Some(DEMO_MARKER)))
    });
    Ok(Event { show, venue, demo })
}

/// The venue from `location`: needs a name, and an `@id` (else an id made from the name).
fn venue(location: Option<&Value>, main: &str) -> Result<Venue, String> {
    let location = location.ok_or("no location")?;
    let main = string(location.get("mainLanguage")).unwrap_or_else(|| main.to_string());
    let name = localised(location.get("name"), &main).ok_or("the location has no name")?;
    let id = id_of(location.get("@id")).unwrap_or_else(|| {
        let slug: String = name
            .nl
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        format!("naam-{}", slug.trim_matches('-'))
            .chars()
            .take(64)
            .collect()
    });
    // The address is localised ({"nl": {...}}) or flat.
    let address = location.get("address");
    let localised_address = address.and_then(Value::as_object).and_then(|map| {
        ["nl", main.as_str()]
            .iter()
            .find_map(|lang| map.get(*lang))
            .or_else(|| map.values().find(|v| v.is_object()))
    });
    let address = localised_address
        .filter(|a| a.is_object())
        .or(address.filter(|a| a.get("addressLocality").is_some()));
    let field = |key: &str| string(address.and_then(|a| a.get(key))).unwrap_or_default();
    let geo = location.get("geo").and_then(|g| {
        let lat = g.get("latitude")?.as_f64()?;
        let lon = g.get("longitude")?.as_f64()?;
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then_some(Geo { lat, lon })
    });
    Ok(Venue {
        id,
        name,
        street: field("streetAddress"),
        postal_code: field("postalCode"),
        town: field("addressLocality"),
        geo,
        transport_note: None,
        bike_note: None,
    })
}

/// `priceInfo`: the base price and the other tariffs, in euro cents.
fn price(info: Option<&Value>, main: &str, warnings: &mut Vec<String>) -> Option<Price> {
    let entries = info?.as_array()?;
    let mut base = None;
    let mut tariffs = Vec::new();
    for entry in entries {
        let currency = string(entry.get("priceCurrency")).unwrap_or_else(|| "EUR".into());
        let euro = entry.get("price").and_then(Value::as_f64);
        let cents = match euro {
            Some(e) if currency == "EUR" && e.is_finite() && (0.0..=MAX_PRICE_EUR).contains(&e) => {
                (e * 100.0).round() as u32
            }
            _ => {
                warnings.push(format!("price {euro:?} {currency} left out"));
                continue;
            }
        };
        let name = localised(entry.get("name"), main).unwrap_or_default();
        match string(entry.get("category")).as_deref() {
            Some("base") if base.is_none() => base = Some(cents),
            _ => tariffs.push(Tariff { name, cents }),
        }
    }
    match base {
        Some(base_cents) => Some(Price {
            base_cents,
            tariffs,
        }),
        None => {
            if !entries.is_empty() {
                warnings.push("priceInfo without a base price left out".into());
            }
            None
        }
    }
}

/// The main image: the media object whose `contentUrl` is `image`, else the first, else
/// `image` alone. Kept as a reference only.
fn image(event: &Value) -> Option<Image> {
    let main = web_url(event.get("image"));
    let objects: Vec<&Value> = event
        .get("mediaObject")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter(|m| web_url(m.get("contentUrl")).is_some())
        .collect();
    let chosen = objects
        .iter()
        .find(|m| main.is_some() && web_url(m.get("contentUrl")) == main)
        .or(objects.first());
    match chosen {
        Some(m) => Some(Image {
            src: None,
            source: web_url(m.get("contentUrl")),
            alt: string(m.get("description")),
            credit: string(m.get("copyrightHolder")),
        }),
        None => main.map(|url| Image {
            src: None,
            source: Some(url),
            alt: None,
            credit: None,
        }),
    }
}

/// The first video with a web URL, as a platform trailer (played only after a tap).
fn trailer(videos: Option<&Value>) -> Option<Trailer> {
    videos?.as_array()?.iter().find_map(|v| {
        let url = web_url(v.get("url"))?;
        let host = host(&url)?;
        let platform = if host == "youtube.com" || host == "youtu.be" {
            "youtube".to_string()
        } else if host.ends_with("vimeo.com") {
            "vimeo".to_string()
        } else {
            host
        };
        let embed_url = web_url(v.get("embedUrl"))
            .filter(|u| u.starts_with("https://"))
            .or_else(|| embed_for(&platform, &url));
        Some(Trailer::Platform {
            platform,
            url,
            embed_url,
        })
    })
}

/// The player URL of a YouTube or Vimeo page.
fn embed_for(platform: &str, url: &str) -> Option<String> {
    let id_ok = |id: &str| {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    match platform {
        "youtube" => {
            let id = url
                .split_once("v=")
                .map(|(_, rest)| rest)
                .or_else(|| url.split_once("youtu.be/").map(|(_, rest)| rest))?
                .split(['&', '#', '?', '/'])
                .next()?;
            id_ok(id).then(|| format!("https://www.youtube.com/embed/{id}"))
        }
        "vimeo" => {
            let id = url.split(['?', '#']).next()?.rsplit('/').next()?;
            (id_ok(id) && id.bytes().all(|b| b.is_ascii_digit()))
                .then(|| format!("https://player.vimeo.com/video/{id}"))
        }
        _ => None,
    }
}

/// `bookingInfo` (an object, or the old read model's list of objects).
fn booking(info: Option<&Value>, main: &str) -> Booking {
    let info = match info {
        Some(Value::Array(list)) => list.iter().find(|v| v.is_object()),
        other => other.filter(|v| v.is_object()),
    };
    let Some(info) = info else {
        return Booking::default();
    };
    Booking {
        url: web_url(info.get("url")),
        url_label: localised(info.get("urlLabel"), main).map(|t| t.nl),
        phone: string(info.get("phone")),
        email: string(info.get("email")).filter(|e| e.contains('@')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_of_youtube_and_vimeo() {
        assert_eq!(
            embed_for("youtube", "https://www.youtube.com/watch?v=abc_D-1&t=3").as_deref(),
            Some("https://www.youtube.com/embed/abc_D-1")
        );
        assert_eq!(
            embed_for("youtube", "https://youtu.be/xyz?t=1").as_deref(),
            Some("https://www.youtube.com/embed/xyz")
        );
        assert_eq!(
            embed_for("vimeo", "https://vimeo.com/98765432").as_deref(),
            Some("https://player.vimeo.com/video/98765432")
        );
        assert_eq!(
            embed_for("youtube", "https://www.youtube.com/watch?v=<x>"),
            None
        );
        assert_eq!(embed_for("vimeo", "https://vimeo.com/channels/staff"), None);
        assert_eq!(
            embed_for("dailymotion.com", "https://dailymotion.com/v/1"),
            None
        );
    }
}
