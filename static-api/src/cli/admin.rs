//! The commands around the data: `backup`, `restore` (SQLite only; PostgreSQL has
//! `pg_dump` and `pg_restore`), `migrate-data` (SQLite to PostgreSQL), `export` (for a
//! static host) and `create-admin`.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use static_api::db::{DB_FILE, DatabaseUrl, Db, SQLITE_HEADER, migrate_data};

use static_api::{AppState, Config};
use suite_domain::org::Role;
use suite_domain::validation::{check_email, check_new_password, check_text, normalise_email};

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

pub(super) async fn backup(config: Config, file: &Path) -> Result<(), String> {
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

pub(super) async fn restore(config: &Config, file: &Path) -> Result<(), String> {
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

pub(super) async fn create_admin(config: Config, email: &str, name: &str) -> Result<(), String> {
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
        .insert_staff(&email, name.trim(), &hash, &Role::Admin, false)
        .await
        .map_err(|e| format!("cannot create admin {email}: {e}"))?;
    tracing::info!(%email, "admin created");
    Ok(())
}

/// The SQLite file of `migrate-data --from`: `sqlite:<file or data folder>` (the
/// `sqlite:` is optional). It must exist: opening a missing file would create an empty
/// database and copy nothing.
pub(super) fn sqlite_source(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text.strip_prefix("sqlite:").unwrap_or(text));
    let file = if path.is_dir() {
        path.join(DB_FILE)
    } else {
        path
    };
    let mut header = [0u8; 16];
    std::fs::File::open(&file)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut header))
        .map_err(|e| format!("cannot read the SQLite database {}: {e}", file.display()))?;
    if &header != SQLITE_HEADER {
        return Err(format!("{} is not a SQLite database", file.display()));
    }
    Ok(file)
}

/// Copies the SQLite database `from` into the empty PostgreSQL database `to` and prints
/// the rows of each table, checked on both sides.
#[allow(clippy::print_stdout)] // The report is the command's output.
pub(super) async fn migrate_data(from: &Path, to: &DatabaseUrl) -> Result<(), String> {
    let source = Db::open_file(from)
        .await
        .map_err(|e| format!("source {}: {e}", from.display()))?;
    let target = Db::open_postgres(to)
        .await
        .map_err(|e| format!("target: {e}"))?;
    let copied = migrate_data::copy_sqlite_to_postgres(&source, &target)
        .await
        .map_err(|e| format!("migrate-data stopped, the target is unchanged: {e}"))?;
    for table in &copied {
        println!("{:<28} {:>9} rows", table.table, table.rows);
    }
    let total: i64 = copied.iter().map(|t| t.rows).sum();
    println!(
        "copied {total} rows in {} tables from {} to PostgreSQL; the counts match",
        copied.len(),
        from.display()
    );
    for (table, why) in migrate_data::NOT_COPIED {
        println!("not copied: {table} ({why})");
    }
    source.close().await;
    target.close().await;
    Ok(())
}

/// `export`: the site and the published data as plain files (`static_api::export`).
pub(super) fn export(
    config: &Config,
    site_dir: &Path,
    output: &Path,
    api_base: &str,
) -> Result<(), String> {
    let api_base = match static_api::config::parse_origins(api_base)?.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        _ => return Err("--api-base takes one origin".into()),
    };
    let public = config.public_data_dir();
    if !public.is_dir() {
        tracing::warn!(
            data = %public.display(),
            "no published data here: the export holds the portal and the apps only"
        );
    }
    let report = static_api::export::export(site_dir, &public, output, &api_base)
        .map_err(|e| format!("export: {e}"))?;
    let api = if api_base.is_empty() {
        "the pages' own origin"
    } else {
        api_base.as_str()
    };
    tracing::info!(
        output = %output.display(),
        pages = report.pages,
        files = report.files,
        bytes = report.bytes,
        %api,
        "exported"
    );
    Ok(())
}
