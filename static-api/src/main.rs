//! Command line of the server: `serve`, `create-admin` and `import` (catalogue, events).

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use static_api::config::parse_duration;
use static_api::db::DatabaseUrl;
use static_api::import::covers::{CoverSettings, CoverStore};
use static_api::import::live::{
    ApiKey, DEFAULT_BASE_URL, LiveClient, LiveConfig, LiveImport, import_live,
};
use static_api::import::refresh::{MIN_INTERVAL, Refresher};
use static_api::net::TrustedProxies;
use static_api::{AppState, Config, demo, import};
use suite_domain::org::Role;
use suite_domain::validation::{check_email, check_new_password, check_text, normalise_email};
use suite_import::catalogue::theme_queries;
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(version, about = "Server of the Flemish culture suite")]
struct Cli {
    /// Folder of the database and of the JSON served under /data.
    #[arg(long, global = true, env = "SUITE_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
    /// PostgreSQL instead of SQLite: postgres://user:password@host:port/database.
    /// Without it the database is suite.sqlite in the data folder.
    #[arg(long, global = true, env = "DATABASE_URL", hide_env_values = true, value_parser = parse_database_url)]
    database_url: Option<DatabaseUrl>,
    /// Let covers and event imports fetch from loopback, private and link-local
    /// addresses (a stand-in on this machine; never on a public server).
    #[arg(long, global = true, env = "SUITE_ALLOW_PRIVATE_FETCH")]
    allow_private_fetch: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site and the API.
    Serve {
        #[arg(long, env = "SUITE_ADDR", default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// The built site (portal and apps), as `cargo xtask build` writes it.
        #[arg(long, env = "SUITE_SITE_DIR", default_value = "target/site")]
        site_dir: PathBuf,
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
        /// The header in which the trusted proxies name the client.
        #[arg(
            long,
            env = "SUITE_CLIENT_IP_HEADER",
            default_value = "X-Forwarded-For"
        )]
        client_ip_header: String,
        /// Run the live catalogue import for every library with an active kiosk this
        /// often (e.g. 6h; at least 10m). Off when not given.
        #[arg(long, env = "SUITE_CATALOGUE_REFRESH", value_parser = parse_duration)]
        catalogue_refresh: Option<Duration>,
        #[command(flatten)]
        catalogue: CatalogueArgs,
    },
    /// Import outside data; prints a report (or JSON with --json) and exits non-zero
    /// when nothing could be imported.
    Import {
        #[command(subcommand)]
        kind: ImportKind,
    },
    /// Write the database and the published files into one tar file, while the server
    /// runs (a consistent copy of the database).
    Backup {
        /// The archive to write (replaced only when the backup is complete).
        file: PathBuf,
    },
    /// Put a backup in place in --data-dir; the server must be stopped. The current data
    /// is kept in `<data-dir>/.before-restore-<time>/`.
    Restore {
        /// The archive `backup` wrote.
        file: PathBuf,
    },
    /// Create an admin account; the password is read from the first line of stdin.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

/// Where the live catalogue API is. The key is never logged.
#[derive(Args)]
struct CatalogueArgs {
    /// The catalogue endpoint, without profile.
    #[arg(long, env = "SUITE_CATALOGUE_URL", default_value = DEFAULT_BASE_URL)]
    catalogue_url: String,
    /// The catalogue API key (from Cultuurconnect).
    #[arg(long, env = "SUITE_CATALOGUE_KEY", hide_env_values = true)]
    catalogue_key: Option<String>,
    /// Timeout of one catalogue request, e.g. 20s.
    #[arg(long, env = "SUITE_CATALOGUE_TIMEOUT", default_value = "20s", value_parser = parse_duration)]
    catalogue_timeout: Duration,
}

impl CatalogueArgs {
    fn client(&self) -> Result<LiveClient, String> {
        let key =
            self.catalogue_key.as_deref().and_then(ApiKey::new).ok_or(
                "the live catalogue needs an API key: --catalogue-key or SUITE_CATALOGUE_KEY",
            )?;
        let mut config = LiveConfig::new(&self.catalogue_url, key).map_err(|e| e.to_string())?;
        config.timeout = self.catalogue_timeout;
        LiveClient::new(config).map_err(|e| e.to_string())
    }
}

#[derive(Subcommand)]
enum ImportKind {
    /// Cultuurconnect catalogue responses (search, details, availability; XML or JSON)
    /// from files, or live from the catalogue API with --live, into the Bieblo snapshot
    /// /data/bieblo/<library>.json; covers are fetched into /data/bieblo/covers/.
    Catalogue {
        /// Id of the library (lower case, digits, '-').
        #[arg(long)]
        library: String,
        /// Keep only copies under this catalogue location id, e.g. /root/bibnet/Wetteren.
        #[arg(long)]
        location: Option<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Do not fetch covers: the kiosk draws them.
        #[arg(long)]
        no_covers: bool,
        /// Ask the catalogue API instead of reading files.
        #[arg(long, conflicts_with = "files")]
        live: bool,
        /// With --live: the catalogue profile (default: the library id).
        #[arg(long, requires = "live")]
        profile: Option<String>,
        /// With --live: a search (repeatable; default: the queries of the ten themes).
        #[arg(long = "query", requires = "live")]
        queries: Vec<String>,
        #[command(flatten)]
        catalogue: CatalogueArgs,
        /// Response files to import.
        #[arg(required_unless_present = "live")]
        files: Vec<PathBuf>,
    },
    /// UiTdatabank events (JSON-LD files, or a URL that serves them) into a centre's
    /// Culture Matcher programme, stored and published at /data/culture-matcher/<centre>.json.
    Events {
        /// Id of the cultural centre (an existing organisation).
        #[arg(long)]
        centre: String,
        /// Fetch the events from this URL (http or https) instead of reading files.
        #[arg(long, conflicts_with = "files")]
        url: Option<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// JSON-LD files to import: an event, a list, or a collection with `member`.
        #[arg(required_unless_present = "url")]
        files: Vec<PathBuf>,
    },
}

/// Threads for blocking work (file reads of served files, SQLite's file work, image
/// decoding): bounded, so hundreds of slow downloads cannot spawn hundreds of threads,
/// each with an allocator arena of its own.
const BLOCKING_THREADS: usize = 64;

fn main() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()
    {
        Ok(runtime) => runtime.block_on(run()),
        Err(e) => {
            eprintln!("cannot start the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    // The data folder always holds the published files; the database is there too
    // unless a PostgreSQL URL is given.
    let base = {
        let mut config = Config::new(cli.data_dir, PathBuf::new());
        config.database_url = cli.database_url;
        config.allow_private_fetch = cli.allow_private_fetch;
        config
    };
    let result = match cli.command {
        Command::Serve {
            addr,
            site_dir,
            demo,
            trusted_proxies,
            client_ip_header,
            feedback_retention,
            catalogue_refresh,
            catalogue,
        } => {
            let refresh = catalogue_refresh
                .map(|every| refresh_client(every, &catalogue).map(|client| (every, client)))
                .transpose();
            let proxies = TrustedProxies::parse(&trusted_proxies, Some(&client_ip_header))
                .map_err(|e| format!("--trusted-proxies: {e}"));
            match (refresh, proxies) {
                (Ok(refresh), Ok(proxies)) => {
                    let mut config = base;
                    config.site_dir = site_dir;
                    config.demo = demo;
                    config.proxies = proxies;
                    config.feedback_retention = feedback_retention;
                    serve(config, addr, refresh).await
                }
                (Err(e), _) | (_, Err(e)) => Err(e),
            }
        }
        Command::CreateAdmin { email, name } => create_admin(base, &email, &name).await,
        Command::Backup { file } => backup(base, &file).await,
        Command::Restore { file } => restore(&base, &file).await,
        Command::Import { kind } => import(base, kind).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The client of the scheduled refresh, after checking the interval.
fn refresh_client(every: Duration, catalogue: &CatalogueArgs) -> Result<LiveClient, String> {
    if every < MIN_INTERVAL {
        return Err(format!(
            "--catalogue-refresh must be at least {} minutes",
            MIN_INTERVAL.as_secs() / 60
        ));
    }
    catalogue.client()
}

async fn serve(
    config: Config,
    addr: SocketAddr,
    refresh: Option<(Duration, LiveClient)>,
) -> Result<(), String> {
    if !config.site_dir.join("index.html").is_file() {
        tracing::warn!(site = %config.site_dir.display(), "no built site found; run `cargo xtask serve` to build it");
    }
    let demo = config.demo;
    // Before anything is created in the data folder.
    demo::check_demo_address(demo, addr)?;
    // One server per data folder; `restore` waits for it to stop.
    let _serving =
        static_api::backup::ServeLock::try_acquire(&config.data_dir).map_err(|e| e.to_string())?;
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    demo::check_serve_mode(&state.db, demo, addr).await?;
    if demo {
        demo::seed(&state.db)
            .await
            .map_err(|e| format!("seeding demo data: {e}"))?;
        demo::seed_snapshots(&state.config.public_data_dir())
            .map_err(|e| format!("demo snapshots: {e}"))?;
        demo::seed_programmes(&state.db, &state.config.public_data_dir())
            .await
            .map_err(|e| format!("demo programmes: {e}"))?;
        demo::print_banner(addr);
    }
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    if let Some((every, client)) = refresh {
        tracing::info!(every = ?every, catalogue = %client.config().base_url, "catalogue refresh on for the active kiosks");
        Refresher::new(state.clone(), client).spawn(every);
    }
    static_api::spawn_housekeeping(state.clone());
    tracing::info!("serving on http://{addr}/");
    static_api::serve(listener, state)
        .await
        .map_err(|e| format!("server stopped: {e}"))
}

/// Reads `--database-url` (clap's message shows the reason).
fn parse_database_url(text: &str) -> Result<DatabaseUrl, String> {
    DatabaseUrl::parse(text).map_err(|e| e.to_string())
}

/// Backups and restores copy the SQLite file; PostgreSQL has its own tools.
fn sqlite_only(config: &Config, command: &str) -> Result<(), String> {
    if config.database_url.is_some() {
        return Err(format!(
            "`{command}` works on the SQLite database in the data folder only; with \
             --database-url (PostgreSQL) back up the database with pg_dump and restore it \
             with pg_restore, and copy {} yourself",
            config.public_data_dir().display()
        ));
    }
    Ok(())
}

async fn import(base: Config, kind: ImportKind) -> Result<(), String> {
    let (library, location, json, no_covers, live, profile, queries, catalogue, files) = match kind
    {
        ImportKind::Catalogue {
            library,
            location,
            json,
            no_covers,
            live,
            profile,
            queries,
            catalogue,
            files,
        } => (
            library, location, json, no_covers, live, profile, queries, catalogue, files,
        ),
        ImportKind::Events {
            centre,
            url,
            json,
            files,
        } => {
            return import_events(base, &centre, url.as_deref(), json, &files).await;
        }
    };
    // The library's own themes, as staff saved them in the back-office.
    let allow_private = base.allow_private_fetch;
    let public = base.public_data_dir();
    let state = AppState::open(base).await.map_err(|e| e.to_string())?;
    let themes = state
        .db
        .library_themes(&library)
        .await
        .map_err(|e| format!("reading the themes of {library}: {e}"))?;
    let now = import::now_rfc3339();
    let job = import::catalogue::CatalogueImport {
        library: &library,
        location: location.as_deref(),
        demo: false,
        now: &now,
        themes: &themes,
    };
    let covers = if no_covers {
        None
    } else {
        Some(
            CoverStore::new(
                &public,
                CoverSettings {
                    allow_private,
                    ..CoverSettings::default()
                },
            )
            .map_err(|e| format!("cannot set up cover downloads: {e}"))?,
        )
    };
    let report = if live {
        let client = catalogue.client()?;
        let queries = if queries.is_empty() {
            theme_queries(&themes)
        } else {
            queries
        };
        let live_job = LiveImport {
            import: job,
            profile: profile.as_deref().unwrap_or(&library),
            queries: &queries,
        };
        import_live(&client, &live_job, &public, covers.as_ref())
            .await
            .map_err(|e| e.to_string())?
    } else {
        match &covers {
            Some(covers) => {
                import::catalogue::import_files_with_covers(&public, &job, &files, covers).await
            }
            None => import::catalogue::import_files(&public, &job, &files),
        }
        .map_err(|e| e.to_string())?
    };
    print_report(&report, json, &library)
}

async fn import_events(
    config: Config,
    centre: &str,
    url: Option<&str>,
    json: bool,
    files: &[PathBuf],
) -> Result<(), String> {
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let public = state.config.public_data_dir();
    let report = match url {
        Some(url) => {
            import::events::import_url(
                &state.db,
                &public,
                centre,
                url,
                import::events::FETCH_TIMEOUT,
                state.config.allow_private_fetch,
            )
            .await
        }
        None => import::events::import_files(&state.db, &public, centre, files).await,
    }
    .map_err(|e| e.to_string())?;
    print_report(&report, json, centre)
}

/// Prints the report (or its JSON); an error when nothing was imported.
fn print_report(
    report: &suite_domain::import::ImportReport,
    json: bool,
    org: &str,
) -> Result<(), String> {
    let text = if json {
        serde_json::to_string_pretty(report).map_err(|e| e.to_string())?
    } else {
        report.to_string()
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").map_err(|e| e.to_string())?;
    if report.failed() {
        Err(format!("nothing imported for {org}"))
    } else {
        Ok(())
    }
}

async fn backup(config: Config, file: &std::path::Path) -> Result<(), String> {
    sqlite_only(&config, "backup")?;
    let data_dir = config.data_dir.clone();
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let report = static_api::backup::backup(&state.db, &data_dir, file)
        .await
        .map_err(|e| format!("backup failed: {e}"))?;
    tracing::info!(
        archive = %file.display(),
        files = report.files,
        bytes = report.bytes,
        "backup written"
    );
    Ok(())
}

async fn restore(config: &Config, file: &std::path::Path) -> Result<(), String> {
    sqlite_only(config, "restore")?;
    let report = static_api::backup::restore(file, &config.data_dir)
        .await
        .map_err(|e| format!("restore failed, nothing changed: {e}"))?;
    tracing::info!(
        archive = %file.display(),
        files = report.files,
        bytes = report.bytes,
        "restored; the previous data is in .before-restore-<time>/"
    );
    Ok(())
}

async fn create_admin(config: Config, email: &str, name: &str) -> Result<(), String> {
    check_email(email).map_err(|e| format!("email: {:?}", e.message))?;
    check_text("name", name, 120).map_err(|e| format!("name: {:?}", e.message))?;
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .map_err(|e| format!("reading password: {e}"))?;
    let password = password.trim_end_matches(['\r', '\n']).to_string();
    check_new_password(&password)
        .map_err(|_| "the password needs at least 8 characters".to_string())?;
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let hash = static_api::auth::hash_password(password)
        .await
        .map_err(|e| e.to_string())?;
    let email = normalise_email(email);
    state
        .db
        .insert_staff(&email, name.trim(), &hash, &Role::Admin)
        .await
        .map_err(|e| format!("cannot create admin {email}: {e}"))?;
    tracing::info!(%email, "admin created");
    Ok(())
}
