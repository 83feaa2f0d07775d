//! The commands around the data: `backup`, `restore` (SQLite only; PostgreSQL has
//! `pg_dump` and `pg_restore`) and `create-admin`.

use std::io::BufRead;
use std::path::Path;

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
        .insert_staff(&email, name.trim(), &hash, &Role::Admin)
        .await
        .map_err(|e| format!("cannot create admin {email}: {e}"))?;
    tracing::info!(%email, "admin created");
    Ok(())
}
