//! The audit log of staff actions: who did what, for which organisation, when.
//!
//! One way for every back-office change, present and to come: [`record`] wraps each
//! `/api` route; on a state-changing request it leaves an empty [`AuditSlot`] in the
//! request, the `CurrentStaff` extractor fills it with the staff member, and when the
//! answer is a success one line is written: the route (`PUT
//! /api/culture/{centre}/shows/{show}/swipe`), the path, and the organisation from the
//! path (`{centre}`, `{library}`, `{company}`, `{kind}/{id}`) or else the staff
//! member's own. A handler may say more with [`AuditSlot::note`] (the organisation it
//! created, the email it invited). Bodies are never logged: no passwords, no data of
//! children or teenagers. Logins are written by the login handler ([`write`]).

use std::sync::{Arc, Mutex};

use axum::extract::{FromRequestParts, MatchedPath, RawPathParams, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;
use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::service::AuditEntry;

use crate::AppState;

/// How long lines are kept by default.
pub const DEFAULT_RETENTION_DAYS: i64 = 365;

/// Who acted, and what a handler added.
#[derive(Debug, Clone, Default)]
struct Noted {
    actor_email: Option<String>,
    actor_org: Option<OrgRef>,
    org: Option<OrgRef>,
    detail: Option<String>,
}

/// The request's line of the audit log, filled while it is handled.
#[derive(Debug, Clone, Default)]
pub struct AuditSlot(Arc<Mutex<Noted>>);

impl AuditSlot {
    fn with<T>(&self, f: impl FnOnce(&mut Noted) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Set by `CurrentStaff`: the staff member of the request.
    pub fn actor(&self, email: &str, own_org: Option<OrgRef>) {
        self.with(|n| {
            n.actor_email = Some(email.to_string());
            n.actor_org = own_org;
        });
    }

    /// What the line is about, when the path does not say it: the organisation and a
    /// detail (an email, an id).
    pub fn note(&self, org: Option<OrgRef>, detail: impl Into<String>) {
        self.with(|n| {
            if org.is_some() {
                n.org = org;
            }
            n.detail = Some(detail.into());
        });
    }
}

/// The organisation a route's path names, if any.
fn org_of_path(params: &RawPathParams) -> Option<OrgRef> {
    let mut kind = None;
    let mut id = None;
    for (name, value) in params {
        match name {
            "centre" => return Some(OrgRef::new(OrgKind::Centre, value)),
            "library" => return Some(OrgRef::new(OrgKind::Library, value)),
            "company" => return Some(OrgRef::new(OrgKind::Company, value)),
            "kind" => kind = OrgKind::parse(value),
            "id" => id = Some(value.to_string()),
            _ => {}
        }
    }
    Some(OrgRef::new(kind?, id?))
}

/// The middleware (a route layer, so the route and its parameters are known).
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let route = parts
        .extensions
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string())
        .unwrap_or_default();
    let path_org = RawPathParams::from_request_parts(&mut parts, &state)
        .await
        .ok()
        .and_then(|p| org_of_path(&p));
    let action = format!("{} {route}", parts.method);
    let path = parts.uri.path().to_string();
    let slot = AuditSlot::default();
    parts.extensions.insert(slot.clone());
    let response = next.run(Request::from_parts(parts, body)).await;
    if !response.status().is_success() {
        return response;
    }
    let noted = slot.with(std::mem::take);
    let Some(actor_email) = noted.actor_email else {
        return response;
    };
    let org = noted.org.or(path_org).or(noted.actor_org);
    let detail = noted.detail.unwrap_or(path);
    write(&state, &actor_email, org.as_ref(), &action, &detail).await;
    response
}

/// Writes one line now; a failure is logged, never the request's (the change is
/// already stored).
pub async fn write(
    state: &AppState,
    actor_email: &str,
    org: Option<&OrgRef>,
    action: &str,
    detail: &str,
) {
    let entry = AuditEntry {
        at: crate::import::now_rfc3339(),
        actor_email: actor_email.to_string(),
        org_kind: org.map(|o| o.kind),
        org_id: org.map(|o| o.id.clone()),
        action: action.to_string(),
        detail: detail.to_string(),
    };
    if let Err(e) = state.db.audit(&entry).await {
        tracing::error!(action, "cannot write the audit log: {e}");
    }
}
