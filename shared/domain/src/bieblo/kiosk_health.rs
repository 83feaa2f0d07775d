//! A kiosk's heartbeat and what staff read from it. After every refresh that reached the
//! server, a kiosk says which book list it shows and whether it could load the newest
//! (`POST /api/bieblo/{library}/kiosks/{branch}/heartbeat`); the back-office turns the
//! last heartbeat into a status per kiosk ([`kiosk_status`]). A problem is told to staff,
//! never to the child at the kiosk.

use serde::{Deserialize, Serialize};

use crate::culture::brussels::LocalDateTime;
use crate::date::rfc3339_unix;

/// An active kiosk not heard from for longer than this (three missed refreshes) is
/// shown to staff as gone.
pub const NOT_SEEN_AFTER_SECONDS: i64 = 15 * 60;
/// Longest RFC 3339 text a heartbeat may carry.
pub const MAX_TIME_LEN: usize = 40;
/// What an RFC 3339 time looks like to [`rfc3339_unix`], for the API's document (which
/// cannot say that the day must be one the month has).
pub const TIME_PATTERN: &str = r"^(19[7-9][0-9]|[2-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?([Zz]|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

/// What went wrong at the kiosk, as a short code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KioskProblem {
    /// The kiosk could not load the library's book list and shows older data (or none).
    Snapshot,
}

impl KioskProblem {
    /// The code as stored and sent.
    pub fn code(self) -> &'static str {
        match self {
            Self::Snapshot => "snapshot",
        }
    }

    /// Reads a stored code; `None` for a code this version does not know.
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "snapshot" => Some(Self::Snapshot),
            _ => None,
        }
    }
}

/// One heartbeat of a kiosk: no login, nothing about a child. Read only from a JSON
/// object (serde would take `[]` for a struct whose fields all have defaults).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskHeartbeat {
    /// The `generated_at` of the book list the kiosk shows (RFC 3339, a day the month
    /// has); none when it shows none.
    #[cfg_attr(feature = "openapi", schema(schema_with = time_schema))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_from: Option<String>,
    /// What went wrong; none when all is well.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<KioskProblem>,
}

/// `data_from` in the API's document: null, or a text of [`TIME_PATTERN`] of at most
/// [`MAX_TIME_LEN`] characters.
#[cfg(feature = "openapi")]
fn time_schema() -> utoipa::openapi::schema::Object {
    use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
    ObjectBuilder::new()
        .schema_type(SchemaType::from_iter([Type::String, Type::Null]))
        .max_length(Some(MAX_TIME_LEN))
        .pattern(Some(TIME_PATTERN))
        .build()
}

impl<'de> Deserialize<'de> for KioskHeartbeat {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Fields {
            #[serde(default)]
            data_from: Option<String>,
            #[serde(default)]
            problem: Option<KioskProblem>,
        }
        struct ObjectOnly;
        impl<'de> serde::de::Visitor<'de> for ObjectOnly {
            type Value = Fields;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Fields, A::Error> {
                Fields::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        let Fields { data_from, problem } = deserializer.deserialize_map(ObjectOnly)?;
        Ok(Self { data_from, problem })
    }
}

/// Checks a heartbeat: `data_from`, when given, is an RFC 3339 time.
pub fn check_heartbeat(heartbeat: &KioskHeartbeat) -> Result<(), crate::validation::FieldError> {
    match heartbeat.data_from.as_deref() {
        Some(text) if text.len() > MAX_TIME_LEN || rfc3339_unix(text).is_none() => Err(
            crate::validation::FieldError::new("data_from", crate::i18n::Msg::ErrInvalidInput),
        ),
        _ => Ok(()),
    }
}

/// The last heartbeat of a branch's kiosk as stored, for staff
/// (`GET /api/bieblo/{library}/kiosk-status`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KioskSeen {
    pub branch_id: String,
    /// When the server last heard from the kiosk (RFC 3339); none if never.
    pub last_seen_at: Option<String>,
    /// The `generated_at` of the book list the kiosk showed then.
    pub data_from: Option<String>,
    /// What the kiosk reported going wrong then.
    pub problem: Option<KioskProblem>,
    /// Since when the kiosk reports this problem (RFC 3339).
    pub problem_since: Option<String>,
}

/// What staff are told about a kiosk (times in Belgian time).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KioskStatus {
    /// Switched off: nothing to say.
    Off,
    /// Switched on, but it has not reported yet.
    NeverSeen,
    /// Seen within [`NOT_SEEN_AFTER_SECONDS`], without a problem.
    Fine {
        seen: LocalDateTime,
        data_from: Option<LocalDateTime>,
    },
    /// Switched on, but not heard from for longer than [`NOT_SEEN_AFTER_SECONDS`].
    Gone { since: LocalDateTime },
    /// Seen lately, reporting a problem since `since`; it shows the list of `data_from`.
    Problem {
        problem: KioskProblem,
        since: LocalDateTime,
        data_from: Option<LocalDateTime>,
    },
}

impl KioskStatus {
    /// Whether staff should act (shown as a warning).
    pub fn is_warning(self) -> bool {
        matches!(self, Self::Gone { .. } | Self::Problem { .. })
    }
}

fn local(text: Option<&str>) -> Option<LocalDateTime> {
    LocalDateTime::from_unix(rfc3339_unix(text?)?)
}

/// The status of a kiosk at `now` (Unix seconds) from whether it is switched on and its
/// last heartbeat. Not being heard from outweighs a problem reported before; a problem
/// without a (readable) start counts from when it was last reported.
pub fn kiosk_status(now: i64, active: bool, seen: &KioskSeen) -> KioskStatus {
    if !active {
        return KioskStatus::Off;
    }
    let Some(last_unix) = seen.last_seen_at.as_deref().and_then(rfc3339_unix) else {
        return KioskStatus::NeverSeen;
    };
    let Some(last) = LocalDateTime::from_unix(last_unix) else {
        return KioskStatus::NeverSeen;
    };
    if now - last_unix > NOT_SEEN_AFTER_SECONDS {
        return KioskStatus::Gone { since: last };
    }
    let data_from = local(seen.data_from.as_deref());
    match seen.problem {
        Some(problem) => KioskStatus::Problem {
            problem,
            since: local(seen.problem_since.as_deref()).unwrap_or(last),
            data_from,
        },
        None => KioskStatus::Fine {
            seen: last,
            data_from,
        },
    }
}

#[cfg(feature = "bieblo")]
mod text {
    use super::{KioskProblem, KioskStatus, LocalDateTime};
    use crate::i18n::{Lang, Msg};

    fn clock(at: LocalDateTime) -> String {
        format!("{:02}:{:02}", at.hour, at.minute)
    }

    /// A day as its readers write it: `3/12/2026`, or `2026-12-03` in English.
    fn day(at: LocalDateTime, lang: Lang) -> String {
        match lang {
            Lang::Nl => format!("{}/{}/{}", at.date.day, at.date.month, at.date.year),
            Lang::En => at.date.to_string(),
        }
    }

    /// A moment: its time alone on `today` (Belgian day), otherwise its day and time.
    fn moment(at: LocalDateTime, today: Option<LocalDateTime>, lang: Lang) -> String {
        if today.is_some_and(|now| now.date == at.date) {
            clock(at)
        } else {
            format!("{} {}", day(at, lang), clock(at))
        }
    }

    fn showing(data_from: Option<LocalDateTime>, lang: Lang) -> String {
        match data_from {
            Some(at) => format!(
                "{} {}",
                Msg::BiebloStaffKioskShowsListOf.text(lang),
                day(at, lang)
            ),
            None => Msg::BiebloStaffKioskShowsNoList.text(lang).to_string(),
        }
    }

    impl KioskStatus {
        /// The status in words for staff at `now` (Unix seconds); empty when off.
        pub fn text(self, now: i64, lang: Lang) -> String {
            let today = LocalDateTime::from_unix(now);
            let t = |msg: Msg| msg.text(lang);
            match self {
                Self::Off => String::new(),
                Self::NeverSeen => t(Msg::BiebloStaffKioskNeverSeen).to_string(),
                Self::Fine { seen, data_from } => {
                    let list = match data_from {
                        Some(at) => format!(
                            " · {} {}",
                            t(Msg::BiebloStaffKioskBookListOf),
                            day(at, lang)
                        ),
                        None => String::new(),
                    };
                    format!("{} {}{list}", t(Msg::BiebloStaffKioskSeenAt), clock(seen))
                }
                Self::Gone { since } => format!(
                    "{} {}",
                    t(Msg::BiebloStaffKioskNotSeenSince),
                    moment(since, today, lang)
                ),
                Self::Problem {
                    problem: KioskProblem::Snapshot,
                    since,
                    data_from,
                } => format!(
                    "{} {}; {}",
                    t(Msg::BiebloStaffKioskNoBookListSince),
                    moment(since, today, lang),
                    showing(data_from, lang)
                ),
            }
        }
    }
}

// The tests read the statuses in words too, which are Bieblo's texts.
#[cfg(all(test, feature = "bieblo"))]
#[path = "kiosk_health_tests.rs"]
mod tests;
