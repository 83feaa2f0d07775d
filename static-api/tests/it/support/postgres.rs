//! The test PostgreSQL (crate `test-postgres`), with the server's URL type.

use static_api::db::DatabaseUrl;

/// A new, empty database on this test binary's PostgreSQL server.
pub(crate) async fn fresh_database() -> DatabaseUrl {
    DatabaseUrl::parse(&test_postgres::fresh_database().await).expect("a PostgreSQL URL")
}

/// Cuts the database at `url` off, or lets connections in again (see the crate).
pub(crate) async fn allow_connections(url: &DatabaseUrl, allow: bool) {
    test_postgres::allow_connections(url.as_str(), allow).await;
}
