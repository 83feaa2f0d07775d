//! `static-api import catalogue|events`: outside data into the published snapshots and
//! programmes, with a report on stdout.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Subcommand};
use static_api::config::parse_duration;
use static_api::import::covers::{CoverSettings, CoverStore};
use static_api::import::live::{
    ApiKey, DEFAULT_BASE_URL, LiveClient, LiveConfig, LiveImport, import_live,
};
use static_api::{AppState, Config, import};
use suite_import::catalogue::theme_queries;

/// Where the live catalogue API is. The key is never logged.
#[derive(Args)]
pub(super) struct CatalogueArgs {
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
    /// Whether a key is given (the live catalogue can be read).
    pub(super) fn has_key(&self) -> bool {
        self.catalogue_key
            .as_deref()
            .and_then(ApiKey::new)
            .is_some()
    }

    pub(super) fn client(&self) -> Result<LiveClient, String> {
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
pub(super) enum ImportKind {
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
    /// Bibster game files (the builder's export: JSON in the versioned format) into a
    /// library's games, each a draft; a file that is not a sound game is refused with
    /// every problem at its place, and nothing of it is stored.
    BibsterGame {
        /// Id of the library (an existing organisation with Bibster switched on).
        #[arg(long)]
        library: String,
        /// Publish each game at once (else a draft to check in the builder).
        #[arg(long)]
        publish: bool,
        /// Game files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// EPUB files into the e-reader's collection: each is checked (container, package,
    /// reading order, navigation, no DRM) and kept with its licences; a broken file is
    /// refused with the reason and the others still go in.
    Epub {
        /// Licences of each title (by hand); by default one per started 10,000
        /// inhabitants the participating libraries serve, at least one.
        #[arg(long)]
        licences: Option<u32>,
        /// EPUB files to add.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

pub(super) async fn run(base: Config, kind: ImportKind) -> Result<(), String> {
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
        ImportKind::BibsterGame {
            library,
            publish,
            files,
        } => return import_bibster_games(base, &library, publish, &files).await,
        ImportKind::Epub { licences, files } => return import_epubs(base, licences, &files).await,
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

/// Reads, checks and stores game files for `library`; stops at the first refused file
/// (the files before it are stored, each named with its new id).
#[allow(clippy::print_stdout)] // The command's output is for the operator.
async fn import_bibster_games(
    config: Config,
    library: &str,
    publish: bool,
    files: &[PathBuf],
) -> Result<(), String> {
    use suite_domain::bibster::api::GameState;
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let org = suite_domain::org::OrgRef::new(suite_domain::org::OrgKind::Library, library);
    if state
        .db
        .get_org(&org)
        .await
        .map_err(|e| e.to_string())?
        .is_none()
    {
        return Err(format!("no library {library:?}"));
    }
    let active = state
        .db
        .app_active(&org, "bibster")
        .await
        .map_err(|e| e.to_string())?;
    if !active {
        return Err(format!("{library} has no active Bibster subscription"));
    }
    for file in files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("{}: cannot read: {e}", file.display()))?;
        let game = suite_import::bibster::parse_game(&text)
            .map_err(|e| format!("{}: refused: {e}", file.display()))?;
        let at = import::now_rfc3339();
        let id = state
            .db
            .create_bibster_game(library, &game, None, "operator", &at)
            .await
            .map_err(|e| e.to_string())?;
        if publish {
            state
                .db
                .set_bibster_game_state(id, library, GameState::Published, "operator", &at)
                .await
                .map_err(|e| e.to_string())?;
        }
        let how = if publish { "published" } else { "a draft" };
        println!(
            "{}: game {id} \"{}\" ({} tasks), {how}",
            file.display(),
            game.title,
            game.tasks.len()
        );
    }
    Ok(())
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

#[allow(clippy::print_stdout, clippy::print_stderr)] // The command's report is for the operator.
async fn import_epubs(
    config: Config,
    licences: Option<u32>,
    files: &[PathBuf],
) -> Result<(), String> {
    let data_dir = config.data_dir.clone();
    let state = AppState::open(config).await.map_err(|e| e.to_string())?;
    let mut refused = 0;
    for file in files {
        let added = match std::fs::read(file) {
            Ok(bytes) => {
                let at = import::now_rfc3339();
                static_api::ereader_books::add_title(
                    &state.db, &data_dir, bytes, licences, "operator", &at,
                )
                .await
                .map_err(|e| match e.msg() {
                    // What is wrong and where, then the back-office's words for it.
                    Some(msg) => format!("{e} ({})", msg.text(suite_domain::i18n::Lang::Nl)),
                    None => e.to_string(),
                })
            }
            Err(e) => Err(format!("cannot read: {e}")),
        };
        match added {
            Ok(added) => println!(
                "{}: added {:?} (title {}, {} licences)",
                file.display(),
                added.title,
                added.id,
                added.licences
            ),
            Err(reason) => {
                refused += 1;
                eprintln!("{}: refused: {reason}", file.display());
            }
        }
    }
    match refused {
        0 => Ok(()),
        n => Err(format!("{n} of {} files refused", files.len())),
    }
}
