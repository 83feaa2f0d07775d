//! `static-api serve`: the site and the API on one address, with the optional scheduled
//! catalogue and programme refreshes and the daily housekeeping.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;
use static_api::config::parse_duration;
use static_api::import::live::ApiKey;
use static_api::import::live::LiveClient;
use static_api::import::programme_refresh::ProgrammeRefresher;
use static_api::import::refresh::{MIN_INTERVAL, Refresher};
use static_api::net::{NetList, TrustedProxies};
use static_api::{AppState, Config, demo, embedded_site};
use suite_domain::culture::source::DEFAULT_SEARCH_BASE;

use super::import::CatalogueArgs;

// The options of `serve` (its help text is the doc comment of `Command::Serve`).
#[derive(Args)]
pub(super) struct ServeArgs {
    #[arg(long, env = "SUITE_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The built site (portal and apps), as `cargo xtask build` writes it. Default: the
    /// site this program carries (`cargo xtask dist`), otherwise target/site.
    #[arg(long, env = "SUITE_SITE_DIR")]
    site_dir: Option<PathBuf>,
    /// Create demo organisations and staff accounts (only on a loopback address; a
    /// data folder seeded so is only ever served with --demo).
    #[arg(long)]
    demo: bool,
    /// Reverse proxies to trust, comma-separated addresses or networks (e.g.
    /// 127.0.0.1,10.0.0.0/8): from them, the client is read from --client-ip-header.
    #[arg(long, env = "SUITE_TRUSTED_PROXIES", default_value = "")]
    trusted_proxies: String,
    /// How long the own words of after-show answers are kept (e.g. 365d, 90d).
    #[arg(long, env = "SUITE_FEEDBACK_RETENTION", default_value = "365d", value_parser = parse_duration)]
    feedback_retention: Duration,
    /// How long lines of the audit log of staff actions are kept (e.g. 365d).
    #[arg(long, env = "SUITE_AUDIT_RETENTION", default_value = "365d", value_parser = parse_duration)]
    audit_retention: Duration,
    /// The header in which the trusted proxies name the client.
    #[arg(
        long,
        env = "SUITE_CLIENT_IP_HEADER",
        default_value = "X-Forwarded-For"
    )]
    client_ip_header: String,
    /// Who may read /metrics: comma-separated addresses or networks of the operators'
    /// monitoring (e.g. 127.0.0.1,::1,10.8.0.0/16), read behind the trusted proxies like
    /// every client address; everyone else gets 404.
    #[arg(long, env = "SUITE_METRICS_FROM", default_value = "127.0.0.0/8,::1")]
    metrics_from: String,
    /// Origins of static hosts that serve an export of the apps (`cargo xtask export`),
    /// comma-separated (e.g. https://apps.example.org): their pages may call /api
    /// across origins, without cookies.
    #[arg(long, env = "SUITE_ALLOW_ORIGIN", default_value = "", value_parser = parse_origins)]
    allow_origin: AllowedOrigins,
    /// Run the live catalogue import for every library with an active kiosk this
    /// often (e.g. 6h; at least 10m). Off when not given.
    #[arg(long, env = "SUITE_CATALOGUE_REFRESH", value_parser = parse_duration)]
    catalogue_refresh: Option<Duration>,
    /// Import the programme of every centre with a UiTdatabank source (set in its
    /// back-office) and an active Culture Matcher subscription this often (e.g. 6h; at
    /// least 10m). Off when not given.
    #[arg(long, env = "SUITE_PROGRAMME_REFRESH", value_parser = parse_duration)]
    programme_refresh: Option<Duration>,
    /// The UiTdatabank search of events that a centre's organiser id is looked up in.
    #[arg(long, env = "SUITE_UITDATABANK_URL", default_value = DEFAULT_SEARCH_BASE)]
    uitdatabank_url: String,
    /// The UiTdatabank API key sent with the searches of organiser ids (a search URL
    /// staff give carries its own). Never logged.
    #[arg(long, env = "SUITE_UITDATABANK_KEY", hide_env_values = true)]
    uitdatabank_key: Option<String>,
    /// The e-reader's longest loan in days (1 to 42; members may choose shorter).
    #[arg(long, env = "SUITE_LOAN_DAYS", default_value_t = suite_domain::lending::MAX_LOAN_DAYS)]
    loan_days: u32,
    /// How long a freed e-book licence waits for the next member in the queue, in hours.
    #[arg(long, env = "SUITE_HOLD_HOURS", default_value_t = 72)]
    hold_hours: u32,
    #[command(flatten)]
    catalogue: CatalogueArgs,
}

/// `--allow-origin`, read by [`parse_origins`] (a newtype: clap would read a `Vec` as a
/// list of values).
#[derive(Clone, Debug)]
struct AllowedOrigins(Vec<String>);

fn parse_origins(text: &str) -> Result<AllowedOrigins, String> {
    static_api::config::parse_origins(text).map(AllowedOrigins)
}

/// Checks the options and serves until the process is stopped.
pub(super) async fn run(base: Config, args: ServeArgs) -> Result<(), String> {
    let ServeArgs {
        addr,
        site_dir,
        demo,
        trusted_proxies,
        client_ip_header,
        metrics_from,
        feedback_retention,
        audit_retention,
        catalogue_refresh,
        programme_refresh,
        uitdatabank_url,
        uitdatabank_key,
        catalogue,
        allow_origin,
        loan_days,
        hold_hours,
    } = args;
    let lending = suite_domain::lending::Policy::default()
        .with_loan_days(loan_days)
        .map_err(|e| format!("--loan-days: {e}"))?
        .with_hold_hours(hold_hours)
        .map_err(|e| format!("--hold-hours: {e}"))?;
    if let Some(every) = programme_refresh {
        at_least_min_interval("--programme-refresh", every)?;
    }
    reqwest::Url::parse(&uitdatabank_url)
        .map_err(|e| format!("--uitdatabank-url {uitdatabank_url:?}: {e}"))?;
    let refresh = catalogue_refresh
        .map(|every| refresh_client(every, &catalogue).map(|client| (every, client)))
        .transpose()?;
    // With a key, staff can refresh their library now, refresh on a schedule or not.
    let live = match &refresh {
        Some((_, client)) => Some(client.clone()),
        None if catalogue.has_key() => Some(catalogue.client()?),
        None => None,
    };
    let proxies = TrustedProxies::parse(&trusted_proxies, Some(&client_ip_header))
        .map_err(|e| format!("--trusted-proxies: {e}"))?;
    let metrics_from = NetList::parse(&metrics_from).map_err(|e| format!("--metrics-from: {e}"))?;
    let mut config = base;
    config.site_dir = match site_dir {
        Some(dir) => dir,
        None => carried_site(&config.data_dir)?.unwrap_or_else(|| PathBuf::from("target/site")),
    };
    config.demo = demo;
    config.proxies = proxies;
    config.metrics_from = metrics_from;
    config.feedback_retention = feedback_retention;
    config.audit_retention = audit_retention;
    config.allowed_origins = allow_origin.0;
    config.lending = lending;
    config.uitdatabank_url = uitdatabank_url;
    config.uitdatabank_key = uitdatabank_key.as_deref().and_then(ApiKey::new);
    let schedules = Schedules {
        catalogue: refresh,
        programme: programme_refresh,
    };
    serve(config, addr, schedules, live).await
}

/// The folder of the site this program carries, unpacked into the data folder.
fn carried_site(data_dir: &Path) -> Result<Option<PathBuf>, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let Some(carried) = embedded_site::find(&exe).map_err(|e| e.to_string())? else {
        return Ok(None);
    };
    let site = embedded_site::unpack_once(&exe, &carried, data_dir)
        .map_err(|e| format!("cannot unpack the site this program carries: {e}"))?;
    tracing::info!(site = %site.display(), "serving the site this program carries");
    Ok(Some(site))
}

/// `pack`: a copy of this program carrying `site_dir`.
pub(super) fn pack(site_dir: &Path, output: &Path) -> Result<(), String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let report = embedded_site::pack(&exe, site_dir, output).map_err(|e| format!("pack: {e}"))?;
    tracing::info!(
        output = %output.display(),
        files = report.files,
        site_bytes = report.bytes,
        "wrote a server that carries its site"
    );
    Ok(())
}

/// Refuses an interval of a scheduled refresh (`option`) below the shortest.
fn at_least_min_interval(option: &str, every: Duration) -> Result<(), String> {
    if every < MIN_INTERVAL {
        return Err(format!(
            "{option} must be at least {} minutes",
            MIN_INTERVAL.as_secs() / 60
        ));
    }
    Ok(())
}

/// The client of the scheduled refresh, after checking the interval.
fn refresh_client(every: Duration, catalogue: &CatalogueArgs) -> Result<LiveClient, String> {
    at_least_min_interval("--catalogue-refresh", every)?;
    catalogue.client()
}

/// The scheduled refreshes that are on, and how often.
struct Schedules {
    catalogue: Option<(Duration, LiveClient)>,
    programme: Option<Duration>,
}

async fn serve(
    config: Config,
    addr: SocketAddr,
    schedules: Schedules,
    live: Option<LiveClient>,
) -> Result<(), String> {
    if !config.site_dir.join("index.html").is_file() {
        tracing::warn!(site = %config.site_dir.display(), "no built site found; run `cargo xtask serve` to build it");
    }
    let demo = config.demo;
    // Before anything is created in the data folder.
    demo::check_demo_address(demo, addr)?;
    // One server per data folder on SQLite (its database file is there; `restore` waits
    // for it to stop). Instances on PostgreSQL share the folder (docs/operations.md).
    let _serving = match config.database_url {
        None => Some(
            static_api::backup::ServeLock::try_acquire(&config.data_dir)
                .map_err(|e| e.to_string())?,
        ),
        Some(_) => None,
    };
    let mut state = AppState::open(config).await.map_err(|e| e.to_string())?;
    state.catalogue = live;
    demo::check_serve_mode(&state.db, demo, addr).await?;
    if demo {
        demo::seed_all(&state.db, &state.config.data_dir).await?;
        demo::print_banner(addr);
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    if let Some((every, client)) = schedules.catalogue {
        tracing::info!(every = ?every, catalogue = %client.config().base_url, "catalogue refresh on for the active kiosks");
        Refresher::new(state.clone(), client).spawn(every);
    }
    if let Some(every) = schedules.programme {
        tracing::info!(every = ?every, search = %state.config.uitdatabank_url, "programme refresh on for the centres with a source");
        ProgrammeRefresher::new(state.clone()).spawn(every);
    }
    static_api::spawn_housekeeping(state.clone());
    static_api::spawn_lending_clock(state.clone());
    tracing::info!("serving on http://{addr}/");
    static_api::serve(listener, state)
        .await
        .map_err(|e| format!("server stopped: {e}"))
}
