//! Copies a single-machine suite's SQLite database into an empty PostgreSQL database
//! (`static-api migrate-data`): every table that holds the service's data, read in one
//! SQLite snapshot and written in one PostgreSQL transaction, which commits only when
//! the row counts of both sides agree. A failed copy leaves the target as it was.
//!
//! The columns come from the target's schema (both backends have the same migrations);
//! a column that exists on one side only stops the copy, so nothing is left behind
//! silently, and so does a table of the source that is in neither list below.

use std::collections::BTreeSet;

use futures_util::TryStreamExt;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{Backend, Db};

/// The tables copied, parents before children (foreign keys).
pub const COPIED: &[&str] = &[
    "organisations",
    "library_branches",
    "subscriptions",
    "subscription_changes",
    "staff",
    // Links in flight keep working on the new database.
    "invitations",
    "audit_log",
    "service_settings",
    "bieblo_branch_kiosks",
    "bieblo_themes",
    "bieblo_daily",
    "bieblo_kiosk_daily",
    "bieblo_theme_daily",
    "import_runs",
    "culture_venues",
    "culture_shows",
    "culture_interaction_daily",
    "culture_feedback_daily",
    "culture_feedback_words",
    "culture_programme_sources",
    "bibster_games",
    "bibster_sessions",
    "bibster_teams",
    "bibster_opens",
    "bibster_answers",
    "bibster_messages",
    "ereader_libraries",
    "ereader_titles",
    "ereader_members",
    "ereader_loans",
    "ereader_reservations",
    "ereader_annotations",
    "vds_centre_companies",
    "vds_shows",
    "vds_media",
    "vds_performances",
    "vds_class_codes",
    "vds_play_daily",
];

/// The tables left behind, and why.
pub const NOT_COPIED: &[(&str, &str)] = &[
    ("sessions", "staff log in again on the new database"),
    (
        "ereader_sessions",
        "members log in again on the new database",
    ),
    ("login_limits", "failed logins of the last minutes"),
    (
        "public_write_buckets",
        "rate limits that refill within minutes",
    ),
    (
        "public_write_words",
        "today's counts of feedback words per address",
    ),
];

/// The tables of a SQLite database (without SQLite's and sqlx's own).
const SOURCE_TABLES: &str = "SELECT name FROM sqlite_master WHERE type = 'table' \
     AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_sqlx_%' ORDER BY name";

/// Rows written by one INSERT (PostgreSQL takes at most 65,535 parameters).
const ROWS_PER_INSERT: usize = 500;

/// Why a copy stopped. Nothing was written to the target.
#[derive(Debug, thiserror::Error)]
pub enum MigrateDataError {
    #[error("the source must be SQLite and the target PostgreSQL")]
    Backends,
    #[error("the source database has a table `{0}` this version does not know; nothing was copied")]
    UnknownTable(String),
    #[error("the target database already holds data in {0}; migrate into an empty database")]
    TargetNotEmpty(String),
    #[error(
        "table `{table}` has different columns in the source ({source_columns}) and the target ({target_columns})"
    )]
    Columns {
        table: String,
        source_columns: String,
        target_columns: String,
    },
    #[error("column `{table}.{column}` has type {kind}, which migrate-data cannot copy")]
    ColumnType {
        table: String,
        column: String,
        kind: String,
    },
    #[error("table `{table}`: {source_rows} rows in the source but {target_rows} in the target")]
    Counts {
        table: String,
        source_rows: i64,
        target_rows: i64,
    },
    #[error("reading the source: {0}")]
    Source(sqlx::Error),
    #[error("writing the target: {0}")]
    Target(sqlx::Error),
}

/// One copied table and its rows (the same on both sides).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopiedTable {
    pub table: &'static str,
    pub rows: i64,
}

/// How a column's values travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Integer,
    Text,
}

struct Column {
    name: String,
    kind: Kind,
    identity: bool,
}

/// A value on its way from one database to the other.
enum Value {
    Integer(Option<i64>),
    Text(Option<String>),
}

fn quoted(identifier: &str) -> String {
    format!("\"{}\"", identifier.replace('"', "\"\""))
}

/// Copies `from` (SQLite) into `to` (PostgreSQL, migrated and empty).
pub async fn copy_sqlite_to_postgres(
    from: &Db,
    to: &Db,
) -> Result<Vec<CopiedTable>, MigrateDataError> {
    if from.backend() != Backend::Sqlite || to.backend() != Backend::Postgres {
        return Err(MigrateDataError::Backends);
    }
    let source_tables: Vec<(String,)> = sqlx::query_as(SOURCE_TABLES)
        .fetch_all(from.pool())
        .await
        .map_err(MigrateDataError::Source)?;
    let known =
        |name: &str| COPIED.contains(&name) || NOT_COPIED.iter().any(|(left, _)| *left == name);
    if let Some((unknown,)) = source_tables.iter().find(|(name,)| !known(name)) {
        return Err(MigrateDataError::UnknownTable(unknown.clone()));
    }

    // One snapshot of the source: SQLite's read transaction sees no later write.
    let mut source = from
        .pool()
        .begin()
        .await
        .map_err(MigrateDataError::Source)?;
    let mut target = to.pool().begin().await.map_err(MigrateDataError::Target)?;
    let mut filled = Vec::new();
    for table in COPIED {
        if count(&mut target, table)
            .await
            .map_err(MigrateDataError::Target)?
            > 0
        {
            filled.push(*table);
        }
    }
    if !filled.is_empty() {
        return Err(MigrateDataError::TargetNotEmpty(filled.join(", ")));
    }

    let mut copied = Vec::new();
    for table in COPIED {
        let columns = target_columns(&mut target, table).await?;
        check_source_columns(&mut source, table, &columns).await?;
        copy_rows(&mut source, &mut target, table, &columns).await?;
        for column in columns.iter().filter(|c| c.identity) {
            // The next generated id comes after the copied ones.
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence($1, $2), \
                 COALESCE((SELECT MAX({col}) FROM {table}), 0) + 1, false)",
                col = quoted(&column.name),
                table = quoted(table),
            ))
            .bind(*table)
            .bind(&column.name)
            .execute(&mut *target)
            .await
            .map_err(MigrateDataError::Target)?;
        }
        let source_rows = count(&mut source, table)
            .await
            .map_err(MigrateDataError::Source)?;
        let target_rows = count(&mut target, table)
            .await
            .map_err(MigrateDataError::Target)?;
        if source_rows != target_rows {
            return Err(MigrateDataError::Counts {
                table: (*table).into(),
                source_rows,
                target_rows,
            });
        }
        copied.push(CopiedTable {
            table,
            rows: target_rows,
        });
    }
    target.commit().await.map_err(MigrateDataError::Target)?;
    source.rollback().await.map_err(MigrateDataError::Source)?;
    Ok(copied)
}

impl Db {
    /// The rows of every table [`copy_sqlite_to_postgres`] copies, in its order.
    pub async fn copied_table_rows(&self) -> Result<Vec<CopiedTable>, sqlx::Error> {
        let mut conn = self.pool().begin().await?;
        let mut rows = Vec::new();
        for table in COPIED {
            rows.push(CopiedTable {
                table,
                rows: count(&mut conn, table).await?,
            });
        }
        Ok(rows)
    }
}

async fn count(conn: &mut Transaction<'_, Any>, table: &str) -> Result<i64, sqlx::Error> {
    let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {}", quoted(table)))
        .fetch_one(&mut **conn)
        .await?;
    Ok(n)
}

/// The columns of `table` in PostgreSQL, in their order.
async fn target_columns(
    target: &mut Transaction<'_, Any>,
    table: &str,
) -> Result<Vec<Column>, MigrateDataError> {
    let rows: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT column_name::text, data_type::text, is_identity::text \
         FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
    )
    .bind(table)
    .fetch_all(&mut **target)
    .await
    .map_err(MigrateDataError::Target)?;
    rows.into_iter()
        .map(|(name, data_type, identity)| {
            let kind = match data_type.as_str() {
                "bigint" | "integer" | "smallint" => Kind::Integer,
                "text" | "character varying" => Kind::Text,
                _ => {
                    return Err(MigrateDataError::ColumnType {
                        table: table.into(),
                        column: name,
                        kind: data_type,
                    });
                }
            };
            Ok(Column {
                name,
                kind,
                identity: identity == "YES",
            })
        })
        .collect()
}

/// Stops when the source table's columns are not the target's.
async fn check_source_columns(
    source: &mut Transaction<'_, Any>,
    table: &str,
    columns: &[Column],
) -> Result<(), MigrateDataError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT name FROM pragma_table_info($1)")
        .bind(table)
        .fetch_all(&mut **source)
        .await
        .map_err(MigrateDataError::Source)?;
    let in_source: BTreeSet<String> = rows.into_iter().map(|(name,)| name).collect();
    let in_target: BTreeSet<String> = columns.iter().map(|c| c.name.clone()).collect();
    if in_source != in_target {
        let list = |set: &BTreeSet<String>| set.iter().cloned().collect::<Vec<_>>().join(", ");
        return Err(MigrateDataError::Columns {
            table: table.into(),
            source_columns: list(&in_source),
            target_columns: list(&in_target),
        });
    }
    Ok(())
}

fn value_of(row: &AnyRow, index: usize, kind: Kind) -> Result<Value, sqlx::Error> {
    Ok(match kind {
        Kind::Integer => Value::Integer(row.try_get(index)?),
        Kind::Text => Value::Text(row.try_get(index)?),
    })
}

/// Streams the rows of `table` from the source into the target, in batches.
async fn copy_rows(
    source: &mut Transaction<'_, Any>,
    target: &mut Transaction<'_, Any>,
    table: &str,
    columns: &[Column],
) -> Result<(), MigrateDataError> {
    let names = columns
        .iter()
        .map(|c| quoted(&c.name))
        .collect::<Vec<_>>()
        .join(", ");
    let select = format!("SELECT {names} FROM {}", quoted(table));
    let mut rows = sqlx::query(&select).fetch(&mut **source);
    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(ROWS_PER_INSERT);
    loop {
        let next = rows.try_next().await.map_err(MigrateDataError::Source)?;
        if let Some(row) = &next {
            let values = columns
                .iter()
                .enumerate()
                .map(|(i, c)| value_of(row, i, c.kind))
                .collect::<Result<Vec<_>, _>>()
                .map_err(MigrateDataError::Source)?;
            batch.push(values);
        }
        if batch.len() == ROWS_PER_INSERT || (next.is_none() && !batch.is_empty()) {
            insert_batch(target, table, &names, columns.len(), &batch).await?;
            batch.clear();
        }
        if next.is_none() {
            return Ok(());
        }
    }
}

async fn insert_batch(
    target: &mut Transaction<'_, Any>,
    table: &str,
    names: &str,
    width: usize,
    batch: &[Vec<Value>],
) -> Result<(), MigrateDataError> {
    let tuples = (0..batch.len())
        .map(|row| {
            let params = (1..=width)
                .map(|col| format!("${}", row * width + col))
                .collect::<Vec<_>>()
                .join(", ");
            format!("({params})")
        })
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!("INSERT INTO {} ({names}) VALUES {tuples}", quoted(table));
    let mut query = sqlx::query(&sql);
    for value in batch.iter().flatten() {
        query = match value {
            Value::Integer(n) => query.bind(*n),
            Value::Text(text) => query.bind(text.clone()),
        };
    }
    query
        .execute(&mut **target)
        .await
        .map_err(MigrateDataError::Target)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table of the migrated schema is either copied or left behind with a
    /// reason: a new table makes this fail until it is placed in one of the lists.
    #[tokio::test]
    async fn every_table_is_placed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open(dir.path()).await.expect("open");
        let tables: Vec<(String,)> = sqlx::query_as(SOURCE_TABLES)
            .fetch_all(db.pool())
            .await
            .expect("tables");
        let in_schema: BTreeSet<&str> = tables.iter().map(|(t,)| t.as_str()).collect();
        let placed: BTreeSet<&str> = COPIED
            .iter()
            .copied()
            .chain(NOT_COPIED.iter().map(|(t, _)| *t))
            .collect();
        assert_eq!(in_schema, placed);
        assert_eq!(
            placed.len(),
            COPIED.len() + NOT_COPIED.len(),
            "no table twice"
        );
    }

    #[tokio::test]
    async fn refuses_the_wrong_backends() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open(dir.path()).await.expect("open");
        let result = copy_sqlite_to_postgres(&db, &db).await;
        assert!(
            matches!(result, Err(MigrateDataError::Backends)),
            "{result:?}"
        );
    }
}
