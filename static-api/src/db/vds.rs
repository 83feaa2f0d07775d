//! Queries of Voor de Show's back-office: the theatre companies a centre invited (and
//! their company accounts' pending links), the companies' shows and their uploads.

use suite_domain::show::ShowData;
use suite_domain::show::api::{CentreCompany, MediaUse, PendingInvitation, ShowMedia, ShowRecord};

use super::Db;

/// An upload as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaRow {
    pub company: String,
    pub id: String,
    pub media_use: MediaUse,
    pub content_type: String,
    /// The stored file's name in the media folder.
    pub file: String,
    pub bytes: i64,
    pub width: Option<i64>,
    pub height: Option<i64>,
}

impl MediaRow {
    /// As the API answers it.
    pub fn media(&self) -> ShowMedia {
        ShowMedia {
            id: self.id.clone(),
            media_use: self.media_use,
            content_type: self.content_type.clone(),
            bytes: self.bytes,
            width: self.width,
            height: self.height,
            url: format!("/api/voor-de-show/media/{}", self.id),
        }
    }
}

type ShowTuple = (i64, String, String, String);
type MediaTuple = (
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
);

fn show_of((id, company, data, updated_at): ShowTuple) -> Result<ShowRecord, sqlx::Error> {
    let data: ShowData =
        serde_json::from_str(&data).map_err(|e| sqlx::Error::Decode(Box::new(e)))?;
    Ok(ShowRecord {
        id,
        company,
        data,
        updated_at,
    })
}

fn media_of(t: MediaTuple) -> MediaRow {
    MediaRow {
        company: t.0,
        id: t.1,
        media_use: MediaUse::parse(&t.2).unwrap_or(MediaUse::Image),
        content_type: t.3,
        file: t.4,
        bytes: t.5,
        width: t.6,
        height: t.7,
    }
}

const SHOW_COLUMNS: &str = "id, company_id, data, updated_at";
const MEDIA_COLUMNS: &str = "company_id, id, media_use, content_type, file, bytes, width, height";

impl Db {
    /// Records that `centre` invited `company` (once; the first time stays).
    pub async fn vds_link_company(
        &self,
        centre: &str,
        company: &str,
        at: &str,
        by: &str,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO vds_centre_companies (centre_id, company_id, invited_at, invited_by) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (centre_id, company_id) DO NOTHING",
        )
        .bind(centre)
        .bind(company)
        .bind(at)
        .bind(by)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The companies `centre` invited, by name.
    pub async fn vds_centre_companies(
        &self,
        centre: &str,
    ) -> Result<Vec<CentreCompany>, sqlx::Error> {
        let rows: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT o.id, o.name, o.town, l.invited_at FROM vds_centre_companies l \
             JOIN organisations o ON o.kind = 'company' AND o.id = l.company_id \
             WHERE l.centre_id = $1 ORDER BY o.name, o.id",
        )
        .bind(centre)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, town, invited_at)| CentreCompany {
                id,
                name,
                town,
                invited_at,
            })
            .collect())
    }

    /// Whether `centre` invited `company`.
    pub async fn vds_invited(&self, centre: &str, company: &str) -> Result<bool, sqlx::Error> {
        let row: Option<(i64,)> = sqlx::query_as(
            "SELECT 1 FROM vds_centre_companies WHERE centre_id = $1 AND company_id = $2",
        )
        .bind(centre)
        .bind(company)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.is_some())
    }

    /// The unused links, still running at `now`, of the accounts of `centre`'s companies.
    pub async fn vds_pending_invitations(
        &self,
        centre: &str,
        now: i64,
    ) -> Result<Vec<PendingInvitation>, sqlx::Error> {
        let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
            "SELECT s.org_id, s.email, s.display_name, i.expires_at FROM invitations i \
             JOIN staff s ON s.id = i.staff_id \
             JOIN vds_centre_companies l ON l.company_id = s.org_id AND l.centre_id = $1 \
             WHERE s.role = 'company' AND i.used_at IS NULL AND i.expires_at > $2 \
             ORDER BY i.expires_at, s.email",
        )
        .bind(centre)
        .bind(now)
        .fetch_all(self.pool())
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(company, email, display_name, expires_at)| PendingInvitation {
                    company,
                    email,
                    display_name,
                    expires_at,
                },
            )
            .collect())
    }

    /// Stores a new show of `company`; its id.
    pub async fn vds_insert_show(
        &self,
        company: &str,
        data: &ShowData,
        at: &str,
        by: &str,
    ) -> Result<i64, sqlx::Error> {
        let json = serde_json::to_string(data).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO vds_shows (company_id, title, data, created_at, updated_at, updated_by) \
             VALUES ($1, $2, $3, $4, $4, $5) RETURNING id",
        )
        .bind(company)
        .bind(data.title.trim())
        .bind(json)
        .bind(at)
        .bind(by)
        .fetch_one(self.pool())
        .await?;
        Ok(id)
    }

    /// Replaces show `id`'s data.
    pub async fn vds_update_show(
        &self,
        id: i64,
        data: &ShowData,
        at: &str,
        by: &str,
    ) -> Result<(), sqlx::Error> {
        let json = serde_json::to_string(data).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        sqlx::query(
            "UPDATE vds_shows SET title = $2, data = $3, updated_at = $4, updated_by = $5 \
             WHERE id = $1",
        )
        .bind(id)
        .bind(data.title.trim())
        .bind(json)
        .bind(at)
        .bind(by)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// Show `id`, of any company.
    pub async fn vds_show(&self, id: i64) -> Result<Option<ShowRecord>, sqlx::Error> {
        let sql = format!("SELECT {SHOW_COLUMNS} FROM vds_shows WHERE id = $1");
        let row: Option<ShowTuple> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        row.map(show_of).transpose()
    }

    /// The shows of `company`, newest first.
    pub async fn vds_company_shows(&self, company: &str) -> Result<Vec<ShowRecord>, sqlx::Error> {
        let sql =
            format!("SELECT {SHOW_COLUMNS} FROM vds_shows WHERE company_id = $1 ORDER BY id DESC");
        let rows: Vec<ShowTuple> = sqlx::query_as(&sql)
            .bind(company)
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(show_of).collect()
    }

    /// The shows of every company `centre` invited, newest first.
    pub async fn vds_centre_shows(&self, centre: &str) -> Result<Vec<ShowRecord>, sqlx::Error> {
        let sql = format!(
            "SELECT {SHOW_COLUMNS} FROM vds_shows WHERE company_id IN \
             (SELECT company_id FROM vds_centre_companies WHERE centre_id = $1) ORDER BY id DESC"
        );
        let rows: Vec<ShowTuple> = sqlx::query_as(&sql)
            .bind(centre)
            .fetch_all(self.pool())
            .await?;
        rows.into_iter().map(show_of).collect()
    }

    /// Records an upload of a company (once per company and file).
    pub async fn vds_insert_media(&self, m: &MediaRow, at: &str) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO vds_media (company_id, id, media_use, content_type, file, bytes, \
             width, height, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (company_id, id) DO NOTHING",
        )
        .bind(&m.company)
        .bind(&m.id)
        .bind(m.media_use.as_str())
        .bind(&m.content_type)
        .bind(&m.file)
        .bind(m.bytes)
        .bind(m.width)
        .bind(m.height)
        .bind(at)
        .execute(self.pool())
        .await
        .map(|_| ())
    }

    /// The uploads of `company`, oldest first.
    pub async fn vds_company_media(&self, company: &str) -> Result<Vec<MediaRow>, sqlx::Error> {
        let sql = format!(
            "SELECT {MEDIA_COLUMNS} FROM vds_media WHERE company_id = $1 ORDER BY created_at, id"
        );
        let rows: Vec<MediaTuple> = sqlx::query_as(&sql)
            .bind(company)
            .fetch_all(self.pool())
            .await?;
        Ok(rows.into_iter().map(media_of).collect())
    }

    /// The upload `id` (of whichever company: the same file has the same id).
    pub async fn vds_media(&self, id: &str) -> Result<Option<MediaRow>, sqlx::Error> {
        let sql = format!("SELECT {MEDIA_COLUMNS} FROM vds_media WHERE id = $1 LIMIT 1");
        let row: Option<MediaTuple> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(media_of))
    }

    /// Bytes of the uploads of `company`.
    pub async fn vds_media_bytes(&self, company: &str) -> Result<i64, sqlx::Error> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(bytes), 0) AS BIGINT) FROM vds_media WHERE company_id = $1",
        )
        .bind(company)
        .fetch_one(self.pool())
        .await?;
        Ok(n)
    }
}
