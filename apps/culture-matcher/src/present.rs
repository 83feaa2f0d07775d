//! How a show reads on screen: its date, place and price as text, a short plain text of
//! its description, and which of its links and files the app may use.

use suite_domain::culture::programme::{CalendarKind, Price, Programme, Show, ShowStatus, Trailer};
use suite_domain::i18n::{Lang, Msg};

use crate::time;

/// A path on our own server (`/media/x.jpg`), never a third party's address
/// (`https://...`, or `//host/...` which a browser reads as one).
pub(crate) fn local_src(src: &str) -> Option<&str> {
    (src.starts_with('/') && !src.starts_with("//") && !src.contains('\\')).then_some(src)
}

/// An outside link people may open themselves (the ticket page): http(s) only.
pub(crate) fn web_link(url: &str) -> Option<&str> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(url)
}

/// The picture of a show that the app may load, if any.
pub(crate) fn image_src(show: &Show) -> Option<&str> {
    show.image
        .as_ref()
        .and_then(|image| image.src.as_deref())
        .and_then(local_src)
}

/// The trailer file on our own server, if the show has one: (src, mime).
pub(crate) fn trailer_file(show: &Show) -> Option<(&str, &str)> {
    match &show.trailer {
        Some(Trailer::File { src, mime }) => Some((local_src(src)?, mime.as_str())),
        _ => None,
    }
}

/// The text of sanitised HTML: tags dropped, block ends as spaces, the common entities
/// decoded, runs of white space as one space.
pub(crate) fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match (c, in_tag) {
            ('<', _) => {
                in_tag = true;
                text.push(' ');
            }
            ('>', true) => in_tag = false,
            (_, true) => {}
            (c, false) => text.push(c),
        }
    }
    let decoded = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// At most `max` characters of `text`, cut at a word with `…`.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

/// Euro cents as people write them: `€ 12,50` in Dutch, `€12.50` in English; whole
/// euros without cents.
pub(crate) fn euro(cents: u32, lang: Lang) -> String {
    let (whole, rest) = (cents / 100, cents % 100);
    match (lang, rest) {
        (Lang::Nl, 0) => format!("€ {whole}"),
        (Lang::Nl, _) => format!("€ {whole},{rest:02}"),
        (Lang::En, 0) => format!("€{whole}"),
        (Lang::En, _) => format!("€{whole}.{rest:02}"),
    }
}

/// The price line: free, one price, or "from" the lowest.
pub(crate) fn price_text(price: Option<&Price>, lang: Lang) -> String {
    match price {
        None => Msg::CmPriceUnknown.text(lang).to_string(),
        Some(p) if p.min_cents() == 0 => Msg::CmFree.text(lang).to_string(),
        Some(p) if p.min_cents() < p.base_cents => {
            format!(
                "{} {}",
                Msg::CmPriceFrom.text(lang),
                euro(p.min_cents(), lang)
            )
        }
        Some(p) => euro(p.base_cents, lang),
    }
}

/// When the show can be seen next, as a short text.
pub(crate) fn when_text(show: &Show, now: i64, lang: Lang) -> String {
    let calendar = &show.calendar;
    match calendar.kind {
        CalendarKind::Permanent => Msg::CmAlwaysOpen.text(lang).to_string(),
        CalendarKind::Periodic => {
            let until = calendar
                .end
                .as_ref()
                .map(|end| format!("{} {}", Msg::CmUntil.text(lang), time::day(end.unix, lang)));
            let from = calendar
                .start
                .as_ref()
                .filter(|start| start.unix > now)
                .map(|start| {
                    format!(
                        "{} {}",
                        Msg::CmFromDay.text(lang),
                        time::day(start.unix, lang)
                    )
                });
            let parts: Vec<String> = from.into_iter().chain(until).collect();
            if parts.is_empty() {
                Msg::CmAlwaysOpen.text(lang).to_string()
            } else {
                parts.join(" ")
            }
        }
        CalendarKind::Single | CalendarKind::Multiple => match calendar.next_start(now) {
            Some(next) => time::date_time(next, lang),
            None => Msg::CmPast.text(lang).to_string(),
        },
    }
}

/// When a young person who saves the show now will probably have been: the next
/// performance, or the last day of an exhibition; `None` for what is always open.
pub(crate) fn visit_time(show: &Show, now: i64) -> Option<i64> {
    match show.calendar.kind {
        CalendarKind::Single | CalendarKind::Multiple => show.calendar.next_start(now),
        CalendarKind::Periodic => show.calendar.end.as_ref().map(|end| end.unix),
        CalendarKind::Permanent => None,
    }
}

/// Where: the venue's name and town.
pub(crate) fn where_text(programme: &Programme, show: &Show, lang: Lang) -> String {
    match programme.venue(&show.venue) {
        Some(venue) if venue.town.is_empty() => venue.name.get(lang).to_string(),
        Some(venue) => format!("{}, {}", venue.name.get(lang), venue.town),
        None => String::new(),
    }
}

/// A word about the show's status, when it is not simply on.
pub(crate) fn status_text(show: &Show, lang: Lang) -> Option<&'static str> {
    match show.status {
        ShowStatus::Cancelled => Some(Msg::CmCancelled.text(lang)),
        ShowStatus::Postponed => Some(Msg::CmPostponed.text(lang)),
        ShowStatus::Available if !show.bookable => Some(Msg::CmSoldOut.text(lang)),
        ShowStatus::Available => None,
    }
}

/// Puts `item` into `list`, kept in the order of `key`, after equal keys; `false` (and
/// nothing changes) when `unique` and an item with that key is there. A few dozen items
/// at most: this costs far less code in the wasm than a sort.
pub(crate) fn insert_sorted<T, K: Ord>(
    list: &mut Vec<T>,
    item: T,
    unique: bool,
    key: impl Fn(&T) -> K,
) -> bool {
    let k = key(&item);
    let at = list.partition_point(|x| key(x) <= k);
    if unique && at > 0 && list.get(at - 1).is_some_and(|x| key(x) == k) {
        return false;
    }
    list.insert(at, item);
    true
}

/// An element id for `show` that is safe in HTML: `prefix-` and the id's letters and
/// digits, with a hash so different ids never meet.
pub(crate) fn dom_id(prefix: &str, show: &str) -> String {
    let kept: String = show
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    let hash = show.bytes().fold(0x811C_9DC5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    format!("{prefix}-{kept}-{hash:08x}")
}

/// One of the poster colour sets, stable per show.
pub(crate) fn poster_tone(id: &str) -> u32 {
    id.bytes()
        .fold(7_u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b)))
        % 6
}

/// The message that goes with a shared show: title, date and the question.
pub(crate) fn share_text(show: &Show, now: i64, lang: Lang) -> String {
    format!(
        "{} — {}. {}",
        show.title.get(lang),
        when_text(show, now, lang),
        Msg::CmComeAlong.text(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn only_our_own_files_are_loaded() {
        assert_eq!(local_src("/media/a.jpg"), Some("/media/a.jpg"));
        for third_party in [
            "https://img.example/a.jpg",
            "//img.example/a.jpg",
            "/\\img.example",
            "a.jpg",
            "",
        ] {
            assert_eq!(local_src(third_party), None, "{third_party}");
        }
        assert!(web_link("https://tickets.example/x").is_some());
        assert!(web_link("HTTP://tickets.example").is_some());
        assert!(web_link("javascript:alert(1)").is_none());
        assert!(web_link("/local").is_none());
    }

    #[wasm_bindgen_test]
    fn html_becomes_short_plain_text() {
        let html =
            "<p>Een <strong>knotsgekke</strong> avond &amp; meer.</p><p>Met&nbsp;live muziek.</p>";
        assert_eq!(
            plain_text(html),
            "Een knotsgekke avond & meer. Met live muziek."
        );
        assert_eq!(shorten("kort", 10), "kort");
        assert_eq!(shorten("een twee drie vier", 12), "een twee…");
        assert_eq!(shorten("ééééééééééé", 4), "éééé…");
    }

    #[wasm_bindgen_test]
    fn prices_read_naturally() {
        assert_eq!(euro(1250, Lang::Nl), "€ 12,50");
        assert_eq!(euro(1200, Lang::Nl), "€ 12");
        assert_eq!(euro(5, Lang::En), "€0.05");
        let price = |base, reduced: &[u32]| Price {
            base_cents: base,
            tariffs: reduced
                .iter()
                .map(|&cents| suite_domain::culture::programme::Tariff {
                    name: suite_domain::culture::programme::Text::nl("Jongeren"),
                    cents,
                })
                .collect(),
        };
        assert_eq!(price_text(Some(&price(0, &[])), Lang::Nl), "Gratis");
        assert_eq!(price_text(Some(&price(1800, &[])), Lang::Nl), "€ 18");
        assert_eq!(
            price_text(Some(&price(1800, &[1200])), Lang::Nl),
            "vanaf € 12"
        );
        assert_eq!(
            price_text(None, Lang::En),
            Msg::CmPriceUnknown.text(Lang::En)
        );
    }
}
