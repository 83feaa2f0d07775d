//! Command line of the server: `serve`, `import` (catalogue, events), `backup`, `restore`,
//! `migrate-data`, `pack`, `export`, `create-admin`, `org` and `subscription`; one module
//! per group of commands.

mod admin;
mod import;
mod logging;
mod serve;
mod service;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use static_api::Config;
use static_api::db::DatabaseUrl;

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
    /// How log lines on stderr look: text, or json (one JSON object a line, for a log
    /// collector).
    #[arg(long, global = true, env = "LOG_FORMAT", value_enum, default_value_t)]
    log_format: logging::LogFormat,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the site and the API.
    Serve(serve::ServeArgs),
    /// Import outside data; prints a report (or JSON with --json) and exits non-zero
    /// when nothing could be imported.
    Import {
        #[command(subcommand)]
        kind: import::ImportKind,
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
    /// Copy the SQLite database of a single-machine suite into an empty PostgreSQL
    /// database (it may go on serving meanwhile: the copy is one snapshot; writes after it
    /// are not copied). The published files stay in the data folder, which the
    /// PostgreSQL instances share.
    MigrateData {
        /// sqlite:<the data folder or its suite.sqlite>
        #[arg(long, value_parser = admin::sqlite_source)]
        from: PathBuf,
        /// postgres://user:password@host:port/database, migrated and empty.
        #[arg(long, value_parser = parse_database_url)]
        to: DatabaseUrl,
    },
    /// Write a copy of this program that carries the built site (what `cargo xtask
    /// dist` runs): `serve` without --site-dir then serves it.
    Pack {
        /// The built site (portal and apps), as `cargo xtask build` writes it.
        #[arg(long, default_value = "target/site")]
        site_dir: PathBuf,
        /// The program to write.
        #[arg(long)]
        output: PathBuf,
    },
    /// Write the built portal and public apps and the published data (--data-dir's
    /// public/) as plain files for a static host (what `cargo xtask export` runs).
    Export {
        /// The built site, as `cargo xtask build` writes it.
        #[arg(long, default_value = "target/site")]
        site_dir: PathBuf,
        /// A new or empty folder.
        #[arg(long)]
        output: PathBuf,
        /// The origin of the instances that answer /api (e.g. https://suite.example.org);
        /// they must name the static host with --allow-origin. Default: the same origin.
        #[arg(long, default_value = "")]
        api_base: String,
    },
    /// Organisations: create, list, archive, restore (for setting up from a script).
    Org {
        #[command(subcommand)]
        command: service::OrgCommand,
    },
    /// Subscriptions of organisations to the apps: list, request, activate, pause, end.
    Subscription {
        #[command(subcommand)]
        command: service::SubscriptionCommand,
    },
    /// Create an admin account; the password is read from the first line of stdin.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
}

pub(crate) async fn run() -> ExitCode {
    let cli = Cli::parse();
    logging::init(cli.log_format);
    // The data folder always holds the published files; the database is there too
    // unless a PostgreSQL URL is given.
    let base = {
        let mut config = Config::new(cli.data_dir, PathBuf::new());
        config.database_url = cli.database_url;
        config.allow_private_fetch = cli.allow_private_fetch;
        config
    };
    let result = match cli.command {
        Command::Serve(args) => serve::run(base, args).await,
        Command::CreateAdmin { email, name } => admin::create_admin(base, &email, &name).await,
        Command::Org { command } => service::org(base, command).await,
        Command::Subscription { command } => service::subscription(base, command).await,
        Command::Backup { file } => admin::backup(base, &file).await,
        Command::Restore { file } => admin::restore(&base, &file).await,
        Command::Import { kind } => import::run(base, kind).await,
        Command::MigrateData { from, to } => admin::migrate_data(&from, &to).await,
        Command::Pack { site_dir, output } => serve::pack(&site_dir, &output),
        Command::Export {
            site_dir,
            output,
            api_base,
        } => admin::export(&base, &site_dir, &output, &api_base),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `--database-url` (clap's message shows the reason).
fn parse_database_url(text: &str) -> Result<DatabaseUrl, String> {
    DatabaseUrl::parse(text).map_err(|e| e.to_string())
}
