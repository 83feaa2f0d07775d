//! The rules of running the service that the API and the operator's command line share:
//! making an organisation, changing a subscription. Who may call them is the caller's
//! check (an admin's session, or the operator at the machine).

use suite_domain::org::{OrgRef, Organisation};
use suite_domain::service::{
    Actor, NewOrganisation, POPULATION_MAX, Subscription, SubscriptionState, may_change,
    subscriber_kind,
};
use suite_domain::validation::FieldError;

use crate::db::service::SubscriptionWrite;
use crate::db::{Db, is_unique_violation};
use crate::error::AppError;

/// Checks and stores a new organisation; 409 when one of its kind has its id.
pub async fn create_org(db: &Db, new: NewOrganisation) -> Result<Organisation, AppError> {
    let org = new.checked()?;
    match db.insert_org(&org).await {
        Ok(()) => Ok(org),
        Err(e) if is_unique_violation(&e) => Err(AppError::Conflict(format!(
            "{}/{} exists",
            org.kind.as_str(),
            org.id
        ))),
        Err(e) => Err(e.into()),
    }
}

/// `org`, if `app` is one its kind takes and its id could be one (otherwise 404).
pub fn subscriber(org: OrgRef, app: &str) -> Result<OrgRef, AppError> {
    if subscriber_kind(app) != Some(org.kind) || !crate::import::is_safe_id(&org.id) {
        return Err(AppError::NotFound);
    }
    Ok(org)
}

/// Takes `org`'s subscription to `app` to `to`, if the rules allow it for `actor` from
/// where it stands (409 otherwise); `by` is who asks or decides. A population is kept
/// for the e-book service only; a change of it gives the titles on the population rule
/// their licences (with the lending policy of `state`).
pub async fn change_subscription(
    state: &crate::AppState,
    org: &OrgRef,
    app: &str,
    actor: Actor,
    to: SubscriptionState,
    by: &str,
    population: Option<i64>,
) -> Result<Subscription, AppError> {
    if population.is_some_and(|p| !(0..=POPULATION_MAX).contains(&p)) {
        return Err(FieldError::new("population", suite_domain::i18n::Msg::ErrInvalidInput).into());
    }
    let population = population.filter(|_| app == "e-reader");
    let db = &state.db;
    let found = db.get_org(org).await?.ok_or(AppError::NotFound)?;
    if found.archived {
        return Err(AppError::NotFound);
    }
    let from = db.subscription(org, app).await?.map(|s| s.state);
    if !may_change(actor, from, to) {
        return Err(AppError::Conflict(format!(
            "{org} {app}: not from {} to {}",
            from.map_or("none", SubscriptionState::as_str),
            to.as_str()
        )));
    }
    let now = crate::import::now_rfc3339();
    db.write_subscription(SubscriptionWrite {
        org,
        app,
        state: to,
        by,
        at: &now,
        population,
    })
    .await?;
    if app == crate::db::ereader_admin::EREADER_APP {
        // A library joined, left or serves another population: the titles on the rule
        // get what it gives now.
        crate::ereader_admin::apply_population_rule(
            db,
            &state.config.lending,
            crate::auth::now_unix(),
        )
        .await?;
    }
    db.subscription(org, app).await?.ok_or(AppError::NotFound)
}

/// Organisations shown among the most active of an app.
const TOP_ORGANISATIONS: i64 = 10;

/// The service-wide figures (see `suite_domain::figures`): every app, the months from the
/// first change or count to this month (at most three years).
pub async fn figures(db: &Db) -> Result<suite_domain::figures::ServiceFigures, AppError> {
    use suite_domain::figures::{
        AppFigures, ServiceFigures, TopOrganisation, month_of, months_between,
        subscriptions_by_month,
    };
    let events = db.subscription_events().await?;
    let bieblo = db.bieblo_usage_by_month().await?;
    let culture = db.culture_usage_by_month().await?;
    let bibster = db.bibster_usage_by_month().await?;
    let now = crate::import::now_rfc3339();
    let this_month = month_of(&now).unwrap_or("2026-01").to_string();
    let first = events
        .iter()
        .filter_map(|e| month_of(&e.at))
        .chain(
            bieblo
                .iter()
                .chain(&culture)
                .chain(&bibster)
                .filter_map(|u| month_of(&u.month)),
        )
        .min()
        .unwrap_or(&this_month)
        .to_string();
    let months = months_between(&first, &this_month);
    let orgs = db.list_orgs().await?;
    let named = |kind: suite_domain::org::OrgKind, totals: Vec<crate::db::OrgTotal>| {
        totals
            .into_iter()
            .map(|t| TopOrganisation {
                org_kind: kind,
                name: orgs
                    .iter()
                    .find(|o| o.kind == kind && o.id == t.org_id)
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                org_id: t.org_id,
                total: t.total,
            })
            .collect::<Vec<_>>()
    };
    let mut apps = Vec::new();
    for app in suite_domain::apps::APPS {
        let (usage, top_metric, top) = match app.slug {
            "bieblo" => (
                bieblo.clone(),
                "tips",
                named(
                    suite_domain::org::OrgKind::Library,
                    db.bieblo_top(TOP_ORGANISATIONS).await?,
                ),
            ),
            "culture-matcher" => (
                culture.clone(),
                "swipes",
                named(
                    suite_domain::org::OrgKind::Centre,
                    db.culture_top(TOP_ORGANISATIONS).await?,
                ),
            ),
            "bibster" => (
                bibster.clone(),
                "teams",
                named(
                    suite_domain::org::OrgKind::Library,
                    db.bibster_top(TOP_ORGANISATIONS).await?,
                ),
            ),
            _ => (Vec::new(), "", Vec::new()),
        };
        let usage = usage
            .into_iter()
            .filter(|u| months.contains(&u.month))
            .collect();
        apps.push(AppFigures {
            app: app.slug.to_string(),
            subscriptions: subscriptions_by_month(&events, app.slug, &months),
            usage,
            top_metric: top_metric.to_string(),
            top,
        });
    }
    Ok(ServiceFigures { months, apps })
}
