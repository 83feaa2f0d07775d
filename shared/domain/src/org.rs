//! Organisations (libraries, cultural centres, theatre companies), staff roles and
//! the scope rule every handler applies: who may read or change what.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kind of organisation a staff member can belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Library,
    Centre,
    Company,
}

impl OrgKind {
    pub const ALL: [OrgKind; 3] = [OrgKind::Library, OrgKind::Centre, OrgKind::Company];

    /// Stable name used in URLs and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Library => "library",
            OrgKind::Centre => "centre",
            OrgKind::Company => "company",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A reference to one organisation: its kind and its slug-like id (`wetteren`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrgRef {
    pub kind: OrgKind,
    pub id: String,
}

impl OrgRef {
    pub fn new(kind: OrgKind, id: impl Into<String>) -> Self {
        Self {
            kind,
            id: id.into(),
        }
    }
}

impl fmt::Display for OrgRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.kind.as_str(), self.id)
    }
}

/// A library, cultural centre or theatre company as stored by the server.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub kind: OrgKind,
    pub id: String,
    pub name: String,
    /// Town or municipality, shown to staff and used by filters.
    pub town: String,
    /// Archived: its history stays, its staff can no longer log in.
    #[serde(default)]
    pub archived: bool,
}

/// What a staff account may do. Every role except `Admin` is bound to one organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Role {
    /// Runs the whole service.
    Admin,
    /// Staff of one library.
    LibraryStaff { library: String },
    /// Staff of one cultural centre.
    CentreStaff { centre: String },
    /// One theatre company, invited by a centre.
    Company { company: String },
}

impl Role {
    /// Builds a role from its stored parts; `None` when they do not fit together.
    pub fn from_parts(role: &str, org: Option<&str>) -> Option<Self> {
        match (role, org) {
            ("admin", None) => Some(Role::Admin),
            ("library_staff", Some(id)) => Some(Role::LibraryStaff { library: id.into() }),
            ("centre_staff", Some(id)) => Some(Role::CentreStaff { centre: id.into() }),
            ("company", Some(id)) => Some(Role::Company { company: id.into() }),
            _ => None,
        }
    }

    /// The stored name of the role.
    pub fn name(&self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::LibraryStaff { .. } => "library_staff",
            Role::CentreStaff { .. } => "centre_staff",
            Role::Company { .. } => "company",
        }
    }

    /// The organisation this role is bound to, if any.
    pub fn org(&self) -> Option<OrgRef> {
        match self {
            Role::Admin => None,
            Role::LibraryStaff { library } => Some(OrgRef::new(OrgKind::Library, library)),
            Role::CentreStaff { centre } => Some(OrgRef::new(OrgKind::Centre, centre)),
            Role::Company { company } => Some(OrgRef::new(OrgKind::Company, company)),
        }
    }

    /// The scope rule: an admin manages everything; anyone else only their own organisation.
    pub fn can_manage(&self, target: &OrgRef) -> bool {
        match self.org() {
            None => true,
            Some(own) => own == *target,
        }
    }

    pub fn is_admin(&self) -> bool {
        matches!(self, Role::Admin)
    }

    /// Which organisation of `kind` this role's back-office is about (a library's kiosk,
    /// a centre's programme…).
    pub fn scope_for(&self, kind: OrgKind) -> OrgScope {
        match self.org() {
            None => OrgScope::Any,
            Some(own) if own.kind == kind => OrgScope::Own(own.id),
            Some(_) => OrgScope::None,
        }
    }
}

/// Whose back-office of one kind of organisation a role sees: [`Role::scope_for`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrgScope {
    /// Staff of an organisation of that kind: their own.
    Own(String),
    /// An admin: any of them, to be chosen.
    Any,
    /// Bound to an organisation of another kind: nothing to manage here.
    None,
}

/// The organisations of `kind` among `orgs`, in their order.
pub fn of_kind(orgs: Vec<Organisation>, kind: OrgKind) -> Vec<Organisation> {
    orgs.into_iter().filter(|org| org.kind == kind).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lib(id: &str) -> OrgRef {
        OrgRef::new(OrgKind::Library, id)
    }

    #[test]
    fn admin_manages_every_organisation() {
        for kind in OrgKind::ALL {
            assert!(Role::Admin.can_manage(&OrgRef::new(kind, "x")));
        }
    }

    #[test]
    fn staff_manage_only_their_own_organisation() {
        let staff = Role::LibraryStaff {
            library: "wetteren".into(),
        };
        assert!(staff.can_manage(&lib("wetteren")));
        assert!(!staff.can_manage(&lib("gent")));
        // Same id, other kind of organisation: still refused.
        assert!(!staff.can_manage(&OrgRef::new(OrgKind::Centre, "wetteren")));
        let company = Role::Company {
            company: "fabuleus".into(),
        };
        assert!(!company.can_manage(&OrgRef::new(OrgKind::Centre, "fabuleus")));
        assert!(company.can_manage(&OrgRef::new(OrgKind::Company, "fabuleus")));
    }

    #[test]
    fn each_role_gets_its_own_library_or_centre_or_none() {
        let library = Role::LibraryStaff {
            library: "demo-gent".into(),
        };
        let centre = Role::CentreStaff {
            centre: "demo-nova".into(),
        };
        let company = Role::Company {
            company: "kv".into(),
        };
        assert_eq!(
            library.scope_for(OrgKind::Library),
            OrgScope::Own("demo-gent".into())
        );
        assert_eq!(library.scope_for(OrgKind::Centre), OrgScope::None);
        assert_eq!(
            centre.scope_for(OrgKind::Centre),
            OrgScope::Own("demo-nova".into())
        );
        assert_eq!(centre.scope_for(OrgKind::Library), OrgScope::None);
        for kind in [OrgKind::Library, OrgKind::Centre] {
            assert_eq!(Role::Admin.scope_for(kind), OrgScope::Any);
            assert_eq!(company.scope_for(kind), OrgScope::None);
        }
    }

    #[test]
    fn an_admin_chooses_among_organisations_of_one_kind_only() {
        let org = |kind, id: &str| Organisation {
            kind,
            id: id.into(),
            name: id.to_uppercase(),
            town: "Gent".into(),
            archived: false,
        };
        let orgs = vec![
            org(OrgKind::Centre, "nova"),
            org(OrgKind::Library, "gent"),
            org(OrgKind::Company, "kv"),
            org(OrgKind::Library, "wetteren"),
            org(OrgKind::Centre, "elders"),
        ];
        let ids = |kind| -> Vec<String> {
            of_kind(orgs.clone(), kind)
                .into_iter()
                .map(|o| o.id)
                .collect()
        };
        assert_eq!(ids(OrgKind::Library), ["gent", "wetteren"]);
        assert_eq!(ids(OrgKind::Centre), ["nova", "elders"]);
    }

    #[test]
    fn roles_round_trip_through_their_stored_parts() {
        let roles = [
            Role::Admin,
            Role::LibraryStaff {
                library: "a".into(),
            },
            Role::CentreStaff { centre: "b".into() },
            Role::Company {
                company: "c".into(),
            },
        ];
        for role in roles {
            let org = role.org().map(|o| o.id);
            assert_eq!(Role::from_parts(role.name(), org.as_deref()), Some(role));
        }
        assert_eq!(Role::from_parts("admin", Some("x")), None);
        assert_eq!(Role::from_parts("library_staff", None), None);
        assert_eq!(Role::from_parts("janitor", Some("x")), None);
    }

    #[test]
    fn org_kind_parses_its_own_names_only() {
        for kind in OrgKind::ALL {
            assert_eq!(OrgKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(OrgKind::parse("Library"), None);
    }
}
