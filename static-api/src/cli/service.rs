//! The operator's commands for running the service from a script: `org create|list|
//! archive|restore` and `subscription list|request|activate|pause|end`. They follow the
//! API's rules (`static_api::service`) and write the audit log as `operator`.

use clap::{Subcommand, ValueEnum};
use static_api::{AppState, Config};
use suite_domain::org::{OrgKind, OrgRef};
use suite_domain::service::{Actor, NewOrganisation, SubscriptionState};

/// Who the audit log names for the command line.
const OPERATOR: &str = "operator (command line)";

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum Kind {
    Library,
    Centre,
    Company,
}

impl From<Kind> for OrgKind {
    fn from(kind: Kind) -> Self {
        match kind {
            Kind::Library => OrgKind::Library,
            Kind::Centre => OrgKind::Centre,
            Kind::Company => OrgKind::Company,
        }
    }
}

#[derive(Subcommand)]
pub(super) enum OrgCommand {
    /// Add a library, cultural centre or theatre company.
    Create {
        #[arg(long, value_enum)]
        kind: Kind,
        /// Lowercase letters, digits and -, as in URLs (`aalst`).
        #[arg(long)]
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "")]
        town: String,
    },
    /// Every organisation, a line each: kind, id, name, town, archived (tab-separated).
    List,
    /// Archive one (`library/aalst`): its history stays, its staff can no longer log in.
    Archive { org: String },
    /// Undo an archive.
    Restore { org: String },
}

#[derive(Subcommand)]
pub(super) enum SubscriptionCommand {
    /// Every subscription, a line each: organisation, app, state, requested at, by,
    /// active from, population (tab-separated).
    List,
    /// Ask for an app in the organisation's name (as its staff would).
    Request {
        org: String,
        app: String,
        /// Who asked (an email), for the record.
        #[arg(long, default_value = OPERATOR)]
        by: String,
        /// The e-book service: inhabitants the library serves.
        #[arg(long)]
        population: Option<i64>,
    },
    /// Switch an app on (asked for or not, paused or ended before).
    Activate {
        org: String,
        app: String,
        #[arg(long)]
        population: Option<i64>,
    },
    /// Switch an active app off for a while.
    Pause { org: String, app: String },
    /// End a subscription.
    End { org: String, app: String },
}

/// `kind/id` as on the command line.
fn parse_org(text: &str) -> Result<OrgRef, String> {
    let (kind, id) = text
        .split_once('/')
        .ok_or_else(|| format!("{text}: give the organisation as kind/id, e.g. library/aalst"))?;
    let kind = OrgKind::parse(kind)
        .ok_or_else(|| format!("{kind}: the kind is library, centre or company"))?;
    Ok(OrgRef::new(kind, id))
}

#[allow(clippy::print_stdout)] // Lists are for the terminal or a script.
pub(super) async fn org(config: Config, command: OrgCommand) -> Result<(), String> {
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let db = &state.db;
    match command {
        OrgCommand::Create {
            kind,
            id,
            name,
            town,
        } => {
            let new = NewOrganisation {
                kind: kind.into(),
                id,
                name,
                town,
            };
            let org = static_api::service::create_org(db, new)
                .await
                .map_err(|e| format!("cannot create the organisation: {e}"))?;
            let reference = OrgRef::new(org.kind, org.id.clone());
            static_api::audit::write(&state, OPERATOR, Some(&reference), "org create", &org.name)
                .await;
            println!("{reference}");
        }
        OrgCommand::List => {
            for org in db.list_orgs().await.map_err(|e| e.to_string())? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    org.kind.as_str(),
                    org.id,
                    org.name,
                    org.town,
                    if org.archived { "archived" } else { "" }
                );
            }
        }
        OrgCommand::Archive { org } => set_archived(&state, &org, true).await?,
        OrgCommand::Restore { org } => set_archived(&state, &org, false).await?,
    }
    Ok(())
}

async fn set_archived(state: &AppState, org: &str, archived: bool) -> Result<(), String> {
    let org = parse_org(org)?;
    let found = state
        .db
        .set_archived(&org, archived, &static_api::import::now_rfc3339())
        .await
        .map_err(|e| e.to_string())?;
    if !found {
        return Err(format!("{org}: no such organisation"));
    }
    let action = if archived {
        "org archive"
    } else {
        "org restore"
    };
    static_api::audit::write(state, OPERATOR, Some(&org), action, "").await;
    tracing::info!(%org, archived, "organisation archived or restored");
    Ok(())
}

#[allow(clippy::print_stdout)] // Lists are for the terminal or a script.
pub(super) async fn subscription(
    config: Config,
    command: SubscriptionCommand,
) -> Result<(), String> {
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let (org, app, actor, to, by, population) = match command {
        SubscriptionCommand::List => {
            let all = state
                .db
                .subscriptions(None)
                .await
                .map_err(|e| e.to_string())?;
            for s in all {
                println!(
                    "{}/{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    s.org_kind.as_str(),
                    s.org_id,
                    s.app,
                    s.state.as_str(),
                    s.requested_at,
                    s.requested_by,
                    s.active_from.unwrap_or_default(),
                    s.population.map(|p| p.to_string()).unwrap_or_default()
                );
            }
            return Ok(());
        }
        SubscriptionCommand::Request {
            org,
            app,
            by,
            population,
        } => (
            org,
            app,
            Actor::OwnStaff,
            SubscriptionState::Requested,
            by,
            population,
        ),
        SubscriptionCommand::Activate {
            org,
            app,
            population,
        } => (
            org,
            app,
            Actor::Admin,
            SubscriptionState::Active,
            OPERATOR.to_string(),
            population,
        ),
        SubscriptionCommand::Pause { org, app } => (
            org,
            app,
            Actor::Admin,
            SubscriptionState::Paused,
            OPERATOR.to_string(),
            None,
        ),
        SubscriptionCommand::End { org, app } => (
            org,
            app,
            Actor::Admin,
            SubscriptionState::Ended,
            OPERATOR.to_string(),
            None,
        ),
    };
    let org = static_api::service::subscriber(parse_org(&org)?, &app)
        .map_err(|_| format!("{org}: no organisation of a kind that takes {app}"))?;
    let changed =
        static_api::service::change_subscription(&state, &org, &app, actor, to, &by, population)
            .await
            .map_err(|e| format!("{org} {app}: {e}"))?;
    static_api::audit::write(
        &state,
        &by,
        Some(&org),
        "subscription",
        &format!("{app}: {}", to.as_str()),
    )
    .await;
    tracing::info!(%org, app, state = changed.state.as_str(), "subscription changed");
    Ok(())
}
