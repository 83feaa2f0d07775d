//! Running the service: which organisation may use which app (subscriptions and the
//! rules of their changes), library branches, staff accounts and invitations, the audit
//! log. The types are the JSON of the `/api` surface; the rules are pure functions the
//! server applies and the back-offices use to show only what is allowed.

use serde::{Deserialize, Serialize};

use crate::org::{OrgKind, Organisation, Role};
use crate::validation::{FieldError, NAME_MAX, check_text};

/// Where a subscription of one organisation to one app stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubscriptionState {
    /// Signed up, waiting for the admin to switch it on.
    Requested,
    /// Switched on: the app works for the organisation.
    Active,
    /// Switched off for a while; the organisation's data stays.
    Paused,
    /// Over; the organisation may ask again.
    Ended,
}

impl SubscriptionState {
    pub const ALL: [SubscriptionState; 4] = [
        SubscriptionState::Requested,
        SubscriptionState::Active,
        SubscriptionState::Paused,
        SubscriptionState::Ended,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            SubscriptionState::Requested => "requested",
            SubscriptionState::Active => "active",
            SubscriptionState::Paused => "paused",
            SubscriptionState::Ended => "ended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Who changes a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// Staff of the organisation itself: they can only ask.
    OwnStaff,
    /// The service's admin: switches on, pauses, ends.
    Admin,
}

/// Whether `actor` may take a subscription from `from` (`None`: there is none yet) to
/// `to`. Staff ask (for a new one, or again after an end); the admin may do every
/// change except asking in someone's name, and switching on needs no ask first (an
/// operator setting an installation up from a script).
pub fn may_change(actor: Actor, from: Option<SubscriptionState>, to: SubscriptionState) -> bool {
    use SubscriptionState::*;
    match actor {
        Actor::OwnStaff => matches!((from, to), (None | Some(Ended), Requested)),
        Actor::Admin => matches!(
            (from, to),
            (None | Some(Requested | Paused | Ended), Active)
                | (Some(Active), Paused)
                | (Some(Requested | Active | Paused), Ended)
        ),
    }
}

/// The kind of organisation that takes `app` (by its slug): libraries take Bieblo,
/// Bibster and the e-book service; cultural centres take Culture Matcher and Voor de
/// Show. Theatre companies take no app of their own: a centre invites them.
pub fn subscriber_kind(app: &str) -> Option<OrgKind> {
    match app {
        "bieblo" | "bibster" | "e-reader" => Some(OrgKind::Library),
        "culture-matcher" | "voor-de-show" => Some(OrgKind::Centre),
        _ => None,
    }
}

/// The apps an organisation of `kind` can take, in the portal's order.
pub fn apps_for(kind: OrgKind) -> Vec<&'static str> {
    crate::apps::APPS
        .iter()
        .map(|a| a.slug)
        .filter(|slug| subscriber_kind(slug) == Some(kind))
        .collect()
}

/// One subscription as the back-offices show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Subscription {
    pub org_kind: OrgKind,
    pub org_id: String,
    /// The app's slug (`bieblo`).
    pub app: String,
    pub state: SubscriptionState,
    /// RFC 3339.
    pub requested_at: String,
    /// Email of who asked (or the admin who switched it on at once).
    pub requested_by: String,
    /// RFC 3339: when it was last switched on.
    pub active_from: Option<String>,
    /// RFC 3339: the last change.
    pub changed_at: String,
    /// The e-book service: inhabitants the library serves.
    pub population: Option<i64>,
}

/// `PUT /api/orgs/{kind}/{id}/subscriptions/{app}`: the admin changes a subscription.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubscriptionChange {
    pub state: SubscriptionState,
    /// The e-book service: inhabitants the library serves (0 to 20,000,000).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 20_000_000))]
    pub population: Option<i64>,
}

/// `POST /api/orgs/{kind}/{id}/subscriptions/{app}/request`: staff ask for an app.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubscriptionRequest {
    /// The e-book service: inhabitants the library serves (0 to 20,000,000).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 20_000_000))]
    pub population: Option<i64>,
}

/// Most inhabitants a library can serve (Flanders has fewer than 7 million).
pub const POPULATION_MAX: i64 = 20_000_000;

/// `GET /api/apps/{app}/{kind}/{id}`: whether an app works for an organisation, for the
/// app's "not active here" page. Public: it says nothing but the state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppAvailability {
    pub active: bool,
    /// The organisation's name, when it exists and is not archived.
    pub org_name: Option<String>,
}

/// `POST /api/orgs`: the admin adds an organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOrganisation {
    pub kind: OrgKind,
    /// Lowercase letters, digits and `-`, 1 to 64 (it becomes part of URLs and file names).
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 64, pattern = "^[a-z0-9][a-z0-9-]*$")
    )]
    pub id: String,
    /// 1 to `NAME_MAX` characters, not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 120,
            pattern = r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub name: String,
    /// At most `NAME_MAX` characters; may be empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub town: String,
}

/// An id of something new (an organisation, a branch): lowercase letters, digits and
/// `-`, starting with a letter or digit, at most 64 bytes; it becomes part of URLs and
/// file names.
pub fn check_id(field: &'static str, id: &str) -> Result<(), FieldError> {
    let well_formed = !id.is_empty()
        && id.len() <= 64
        && id.bytes().next().is_some_and(|b| b.is_ascii_alphanumeric())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if well_formed {
        Ok(())
    } else {
        Err(FieldError::new(field, crate::i18n::Msg::ErrInvalidInput))
    }
}

impl NewOrganisation {
    /// The organisation to store: a well-formed id, a name, a town of at most
    /// `NAME_MAX` characters; name and town trimmed.
    pub fn checked(self) -> Result<Organisation, FieldError> {
        check_id("id", &self.id)?;
        check_text("name", &self.name, NAME_MAX)?;
        if self.town.chars().count() > NAME_MAX {
            check_text("town", &self.town, NAME_MAX)?;
        }
        Ok(Organisation {
            kind: self.kind,
            id: self.id,
            name: self.name.trim().to_string(),
            town: self.town.trim().to_string(),
            archived: false,
        })
    }
}

/// A branch of a library: where a Bieblo kiosk stands and books are on the shelf.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Branch {
    /// Lowercase letters, digits and `-`, 1 to 64.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 64, pattern = "^[a-z0-9][a-z0-9-]*$")
    )]
    pub id: String,
    /// 1 to `NAME_MAX` characters, not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 120,
            pattern = r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub name: String,
    /// The branch's location id in the catalogue (availability per branch); may be empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub location_id: String,
    /// At most `ADDRESS_MAX` characters; may be empty.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub address: String,
}

/// Longest address of a branch.
pub const ADDRESS_MAX: usize = 300;

/// A staff account as its managers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAccount {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub role: Role,
    /// May invite, reset and disable colleagues of the same organisation.
    pub manager: bool,
    pub disabled: bool,
    /// `false` while an invitation (or a reset) waits for its password.
    pub has_password: bool,
}

/// `POST /api/staff/invitations`: invite a person into an organisation (or, for the
/// admin, as an admin).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInvitation {
    /// One `@`, a dot inside the domain, no spaces; at most 254 bytes (ASCII).
    #[cfg_attr(
        feature = "openapi",
        schema(
            max_length = 254,
            pattern = r"^[!-?A-~]+@[!-\-/-?A-~][!-?A-~]*\.[!-?A-~]*[!-\-/-?A-~]$"
        )
    )]
    pub email: String,
    /// 1 to `NAME_MAX` characters, not blank.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            max_length = 120,
            pattern = r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
        )
    )]
    pub display_name: String,
    /// `admin` (without `org`), `library_staff`, `centre_staff` or `company` (with `org`).
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^(admin|library_staff|centre_staff|company)$")
    )]
    pub role: String,
    /// The organisation id; absent for `admin`.
    pub org: Option<String>,
    /// Whether the new account may manage its colleagues.
    #[serde(default)]
    pub manager: bool,
}

/// How long an invitation link works: 7 days.
pub const INVITATION_SECONDS: i64 = 7 * 24 * 60 * 60;

/// Where an invitation link takes its person: the back-office page that sets the
/// password. The token follows after `#`, so it never reaches a server's or a proxy's
/// log.
pub const INVITATION_PAGE: &str = "/beheer/uitnodiging";

/// A one-time link to set a password, to pass on to its person (no mail server is
/// assumed).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationLink {
    pub account: StaffAccount,
    /// The path of the link on this server (`/beheer/uitnodiging#<token>`); the token
    /// after `#` never reaches a server log.
    pub path: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// `GET /api/invitations/{token}`: whose invitation this is, before its password is set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationInfo {
    pub email: String,
    pub display_name: String,
    /// The organisation's name; absent for an admin.
    pub org_name: Option<String>,
    pub expires_at: i64,
}

/// `POST /api/invitations/{token}`: set the password of an invitation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationAccept {
    /// `MIN_PASSWORD_CHARS` to `MAX_PASSWORD_CHARS` characters, not easy to guess.
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 256))]
    pub password: String,
}

/// `PUT /api/session/password`: change one's own password.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordChange {
    #[cfg_attr(feature = "openapi", schema(max_length = 256))]
    pub current: String,
    /// `MIN_PASSWORD_CHARS` to `MAX_PASSWORD_CHARS` characters, not easy to guess.
    #[cfg_attr(feature = "openapi", schema(min_length = 8, max_length = 256))]
    pub new: String,
}

/// One of one's own sessions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActiveSession {
    /// A short public id of the session (never its token).
    pub id: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds.
    pub last_seen_at: i64,
    /// What the browser said it was, shortened.
    pub device: String,
    /// The session of this request.
    pub current: bool,
}

/// One line of the audit log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// RFC 3339.
    pub at: String,
    pub actor_email: String,
    pub org_kind: Option<OrgKind>,
    pub org_id: Option<String>,
    /// What was done (`POST /api/orgs`, `login`, …).
    pub action: String,
    /// Which thing (a path, an email); never a password or a child's data.
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use SubscriptionState::*;

    #[test]
    fn staff_ask_and_the_admin_decides() {
        assert!(may_change(Actor::OwnStaff, None, Requested));
        assert!(may_change(Actor::OwnStaff, Some(Ended), Requested));
        for to in [Active, Paused, Ended] {
            assert!(!may_change(Actor::OwnStaff, Some(Requested), to), "{to:?}");
            assert!(!may_change(Actor::OwnStaff, None, to), "{to:?}");
        }
        assert!(!may_change(Actor::OwnStaff, Some(Active), Requested));
        assert!(!may_change(Actor::OwnStaff, Some(Paused), Requested));

        assert!(may_change(Actor::Admin, Some(Requested), Active));
        assert!(may_change(Actor::Admin, Some(Requested), Ended));
        assert!(may_change(Actor::Admin, Some(Active), Paused));
        assert!(may_change(Actor::Admin, Some(Paused), Active));
        assert!(may_change(Actor::Admin, Some(Active), Ended));
        assert!(may_change(Actor::Admin, Some(Ended), Active));
        assert!(may_change(Actor::Admin, None, Active));
        assert!(!may_change(Actor::Admin, None, Paused));
        assert!(!may_change(Actor::Admin, None, Requested));
        assert!(!may_change(Actor::Admin, Some(Active), Active));
        assert!(!may_change(Actor::Admin, Some(Active), Requested));
        assert!(!may_change(Actor::Admin, Some(Requested), Paused));
        assert!(!may_change(Actor::Admin, Some(Ended), Paused));
    }

    #[test]
    fn every_app_has_one_kind_of_subscriber() {
        for app in crate::apps::APPS {
            assert!(subscriber_kind(app.slug).is_some(), "{}", app.slug);
        }
        assert_eq!(
            apps_for(OrgKind::Library),
            ["bibster", "bieblo", "e-reader"]
        );
        assert_eq!(
            apps_for(OrgKind::Centre),
            ["voor-de-show", "culture-matcher"]
        );
        assert!(apps_for(OrgKind::Company).is_empty());
        assert_eq!(subscriber_kind("nope"), None);
    }

    #[test]
    fn ids_of_new_things() {
        for good in ["aalst", "demo-gent", "9000", "a"] {
            assert_eq!(check_id("id", good), Ok(()), "{good}");
        }
        for bad in ["", "Aalst", "-x", "a b", "a_b", "é", &"a".repeat(65)] {
            assert!(check_id("id", bad).is_err(), "{bad:?}");
        }
        let new = |id: &str, name: &str, town: &str| NewOrganisation {
            kind: OrgKind::Library,
            id: id.into(),
            name: name.into(),
            town: town.into(),
        };
        let org = new("aalst", "  Bibliotheek Aalst ", " Aalst")
            .checked()
            .expect("fine");
        assert_eq!(
            (org.name.as_str(), org.town.as_str()),
            ("Bibliotheek Aalst", "Aalst")
        );
        assert!(new("aalst", "  ", "").checked().is_err());
        assert!(new("aalst", "x", &"t".repeat(121)).checked().is_err());
    }

    #[test]
    fn states_round_trip() {
        for s in SubscriptionState::ALL {
            assert_eq!(SubscriptionState::parse(s.as_str()), Some(s));
        }
        assert_eq!(SubscriptionState::parse("on"), None);
    }
}
