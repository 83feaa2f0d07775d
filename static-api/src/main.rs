//! Command line of the server: `serve`, `create-admin` and `import` (catalogue, events).

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use static_api::{AppState, Config, demo, import};
use suite_domain::org::Role;
use suite_domain::validation::{check_email, check_new_password, check_text, normalise_email};
use tracing_subscriber::EnvFilter;

#[derive(Parser)]
#[command(version, about = "Server of the Flemish culture suite")]
struct Cli {
    /// Folder of the database and of the JSON served under /data.
    #[arg(long, global = true, env = "SUITE_DATA_DIR", default_value = "data")]
    data_dir: PathBuf,
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
        /// Create demo organisations and staff accounts.
        #[arg(long)]
        demo: bool,
    },
    /// Import outside data; prints a report (or JSON with --json) and exits non-zero
    /// when nothing could be imported.
    Import {
        #[command(subcommand)]
        kind: ImportKind,
    },
    /// Create an admin account; the password is read from the first line of stdin.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

#[derive(Subcommand)]
enum ImportKind {
    /// Cultuurconnect catalogue responses (search, details, availability; XML or JSON)
    /// into the Bieblo snapshot /data/bieblo/<library>.json.
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
        /// Response files to import.
        #[arg(required = true)]
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

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve {
            addr,
            site_dir,
            demo,
        } => serve(cli.data_dir, site_dir, addr, demo).await,
        Command::CreateAdmin { email, name } => create_admin(cli.data_dir, &email, &name).await,
        Command::Import { kind } => import(cli.data_dir, kind).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            ExitCode::FAILURE
        }
    }
}

async fn serve(
    data_dir: PathBuf,
    site_dir: PathBuf,
    addr: SocketAddr,
    demo: bool,
) -> Result<(), String> {
    if !site_dir.join("index.html").is_file() {
        tracing::warn!(site = %site_dir.display(), "no built site found; run `cargo xtask serve` to build it");
    }
    let config = Config {
        data_dir,
        site_dir,
        demo,
    };
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
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
    tracing::info!("serving on http://{addr}/");
    static_api::serve(listener, state)
        .await
        .map_err(|e| format!("server stopped: {e}"))
}

async fn import(data_dir: PathBuf, kind: ImportKind) -> Result<(), String> {
    let (library, location, json, files) = match kind {
        ImportKind::Catalogue {
            library,
            location,
            json,
            files,
        } => (library, location, json, files),
        ImportKind::Events {
            centre,
            url,
            json,
            files,
        } => return import_events(data_dir, &centre, url.as_deref(), json, &files).await,
    };
    // The library's own themes, as staff saved them in the back-office.
    let config = Config {
        data_dir: data_dir.clone(),
        site_dir: PathBuf::new(),
        demo: false,
    };
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
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
    let report = import::catalogue::import_files(&data_dir.join("public"), &job, &files)
        .map_err(|e| e.to_string())?;
    print_report(&report, json, &library)
}

async fn import_events(
    data_dir: PathBuf,
    centre: &str,
    url: Option<&str>,
    json: bool,
    files: &[PathBuf],
) -> Result<(), String> {
    let config = Config {
        data_dir,
        site_dir: PathBuf::new(),
        demo: false,
    };
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

async fn create_admin(data_dir: PathBuf, email: &str, name: &str) -> Result<(), String> {
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
    let config = Config {
        data_dir,
        site_dir: PathBuf::new(),
        demo: false,
    };
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
