//! A borrowed book in the reader: what the reader needs to show it (reading order,
//! table of contents, direction, layout), each resource of the book, and where the
//! member is in it, and search in its whole text. Every request is authorised: only the member whose loan runs reads
//! the book. A book's pages come with a policy of their own: no scripts at all, framed
//! only by our own pages (the reader's sandboxed frame).

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use suite_domain::api::ErrorBody;
use suite_domain::ereader::{BookView, MAX_SEARCH_HITS, ReadingPosition, SearchHit, search_query};
use suite_domain::i18n::Msg;
use suite_epub::Book;

use crate::AppState;
use crate::auth::{self, member::CurrentMember};
use crate::ereader_books::{file_of, media_type, view};
use crate::error::{ApiJson, ApiPath, ApiQuery, AppError};

/// The policy of a book's resources: its own styles, pictures and fonts; no scripts,
/// no plugins, no forms, nothing fetched; framed only by our own pages.
pub(crate) const BOOK_POLICY: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; \
img-src 'self' data:; font-src 'self' data:; media-src 'self'; script-src 'none'; \
object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/// How resources are served (bump when what is served for the same bytes changes, as
/// the prefixed CSS did): part of their ETag.
const SERVED: &str = "b1";

/// The book of `member`'s running loan `loan`.
async fn book_of(state: &AppState, member: &CurrentMember, loan: i64) -> Result<Book, AppError> {
    Ok(book_and_sha(state, member, loan).await?.0)
}

/// [`book_of`] with the hash of its file.
async fn book_and_sha(
    state: &AppState,
    member: &CurrentMember,
    loan: i64,
) -> Result<(Book, String), AppError> {
    let (title, sha) = state
        .db
        .ereader_running_loan(member.id, loan, auth::now_unix())
        .await?
        .ok_or(AppError::NotFound)?;
    let path = file_of(&state.config.data_dir, &sha);
    let books = state.books.clone();
    let book = tokio::task::spawn_blocking(move || books.get(title, &path))
        .await
        .map_err(|e| AppError::Internal(format!("opening a book: {e}")))?
        .map_err(|e| AppError::Internal(format!("opening a book: {e}")))?;
    Ok((book, sha))
}

#[utoipa::path(get, path = "/api/ereader/loans/{loan_id}/book", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id")),
    responses(
        (status = 200, description = "The borrowed book's reading order, table of contents, direction and layout", body = BookView),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
    ))]
pub(super) async fn book(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
) -> Result<Json<BookView>, AppError> {
    let book = book_of(&state, &member, loan).await?;
    let view = tokio::task::spawn_blocking(move || view(&book))
        .await
        .map_err(|e| AppError::Internal(format!("a book's view: {e}")))?;
    Ok(Json(view))
}

/// `GET /api/ereader/loans/{loan_id}/content/{*path}`: one resource of the borrowed
/// book by its full path inside the EPUB, so that relative links between the book's
/// files resolve as they do inside the EPUB. 200 with the resource's media type and
/// [`BOOK_POLICY`]; 401 without a member; 404 for a loan that is not the member's
/// running loan, or a path the book does not have. Not in the OpenAPI document (its
/// path has slashes, which OpenAPI's path parameters cannot); the reader's tests cover it.
pub(super) async fn content(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath((loan, path)): ApiPath<(i64, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let (book, sha) = book_and_sha(&state, &member, loan).await?;
    // A book's file never changes (it is stored by its hash): a resource is named by the
    // book, its path and how we serve it, so a reader asks again (authorised each time)
    // and gets 304 without the bytes for what it holds, as the fonts of every chapter.
    let etag = format!(
        "\"{SERVED}-{}-{}\"",
        sha.get(..16).unwrap_or(&sha),
        auth::hex(&Sha256::digest(path.as_bytes()))
            .get(..16)
            .unwrap_or_default()
    );
    let policy = [
        (header::CONTENT_SECURITY_POLICY, BOOK_POLICY.to_string()),
        (header::CACHE_CONTROL, "private, no-cache".to_string()),
        (header::ETAG, etag.clone()),
    ];
    let kind = media_type(&book, &path);
    if crate::site::if_none_match(&headers, &etag) && book.item_at(&path).is_some() {
        return Ok((StatusCode::NOT_MODIFIED, policy).into_response());
    }
    let bytes = book.resource(&path).map_err(|_| AppError::NotFound)?;
    // EPUB's prefixed CSS (`-epub-writing-mode`...) as browsers know it.
    let bytes = suite_epub::unprefixed(&bytes, &kind).unwrap_or(bytes);
    Ok(([(header::CONTENT_TYPE, kind)], policy, Body::from(bytes)).into_response())
}

#[utoipa::path(get, path = "/api/ereader/loans/{loan_id}/position", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id")),
    responses(
        (status = 200, description = "Where the member is in the book", body = ReadingPosition),
        (status = 204, description = "No place saved yet: the book opens at its start"),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
    ))]
pub(super) async fn position(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
) -> Result<Response, AppError> {
    let saved = state
        .db
        .ereader_position(member.id, loan, auth::now_unix())
        .await?
        .ok_or(AppError::NotFound)?;
    match saved.and_then(|text| serde_json::from_str::<ReadingPosition>(&text).ok()) {
        Some(place) => Ok(Json(place).into_response()),
        None => Ok(StatusCode::NO_CONTENT.into_response()),
    }
}

#[utoipa::path(put, path = "/api/ereader/loans/{loan_id}/position", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id")),
    request_body = ReadingPosition,
    responses(
        (status = 204, description = "Saved"),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "Missing or wrong CSRF token", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
        (status = 422, description = "A progress outside 0 to 1", body = ErrorBody),
    ))]
pub(super) async fn save_position(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
    ApiJson(place): ApiJson<ReadingPosition>,
) -> Result<StatusCode, AppError> {
    if !place.is_valid() {
        return Err(AppError::unprocessable("progress lies between 0 and 1"));
    }
    let text = serde_json::to_string(&place)
        .map_err(|e| AppError::Internal(format!("a position: {e}")))?;
    if state
        .db
        .set_ereader_position(member.id, loan, auth::now_unix(), &text)
        .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

#[utoipa::path(get, path = "/api/ereader/loans/{loan_id}/download", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id")),
    responses(
        (status = 200, description = "The book as an EPUB for an e-reader device, its first page saying until when the loan runs", content_type = "application/epub+zip"),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 403, description = "This title may only be read in the browser", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
    ))]
pub(super) async fn download(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
) -> Result<Response, AppError> {
    let (title, sha, name, allowed, until) = state
        .db
        .ereader_download_of(member.id, loan, auth::now_unix())
        .await?
        .ok_or(AppError::NotFound)?;
    if allowed == 0 {
        return Err(AppError::ForbiddenAt {
            field: "loan".into(),
            message: suite_domain::i18n::Msg::EreaderNoDownload,
            detail: format!("title {title} may not be downloaded"),
        });
    }
    let notice = suite_domain::ereader::download::loan_notice(&name, until)
        .ok_or_else(|| AppError::Internal(format!("loan {loan} ends outside the calendar")))?;
    let path = file_of(&state.config.data_dir, &sha);
    let books = state.books.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        let book = books.get(title, &path)?;
        book.with_notice_page(&suite_epub::NoticePage {
            lang: "nl-BE",
            heading: &notice.heading,
            lines: &notice.lines,
        })
        .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| AppError::Internal(format!("a book's copy: {e}")))?
    .map_err(|e| AppError::Internal(format!("a book's copy: {e}")))?;
    tracing::info!(title, "e-book downloaded for a device");
    let file: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let file = if file.is_empty() {
        "boek".to_string()
    } else {
        file
    };
    Ok((
        [
            (
                header::CONTENT_TYPE,
                suite_epub::EPUB_MEDIA_TYPE.to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}.epub\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        Body::from(bytes),
    )
        .into_response())
}

/// `GET .../search`'s query: the text to find.
#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
pub(super) struct SearchQuery {
    /// The text, 2 to 100 characters; case and accents do not matter.
    q: Option<String>,
}

#[utoipa::path(get, path = "/api/ereader/loans/{loan_id}/search", tag = "ereader",
    params(("loan_id" = i64, Path, description = "Loan id"), SearchQuery),
    responses(
        (status = 200, description = "Where the text occurs in the book, in reading order (at most 100 places)", body = [SearchHit]),
        (status = 401, description = "No member logged in", body = ErrorBody),
        (status = 404, description = "Not a running loan of this member", body = ErrorBody),
        (status = 422, description = "A text shorter than 2 or longer than 100 characters", body = ErrorBody),
    ))]
pub(super) async fn search(
    State(state): State<AppState>,
    member: CurrentMember,
    ApiPath(loan): ApiPath<i64>,
    ApiQuery(query): ApiQuery<SearchQuery>,
) -> Result<Json<Vec<SearchHit>>, AppError> {
    let q = query.q.unwrap_or_default();
    let Some(q) = search_query(&q).map(str::to_string) else {
        return Err(AppError::InvalidAt {
            field: "q".into(),
            message: Msg::EreaderSearchLength,
            detail: format!("a search of {} characters", q.trim().chars().count()),
        });
    };
    let book = book_of(&state, &member, loan).await?;
    let hits = tokio::task::spawn_blocking(move || {
        // The index in the reader's spine (`view` leaves out what cannot be shown).
        let mut shown = 0u32;
        let index: Vec<Option<u32>> = (0..book.package.spine.len())
            .map(|i| {
                book.displayed_item(i).map(|_| {
                    shown += 1;
                    shown - 1
                })
            })
            .collect();
        suite_epub::search(&book, &q)
            .into_iter()
            .take(MAX_SEARCH_HITS)
            .filter_map(|hit| {
                Some(SearchHit {
                    spine: (*index.get(hit.spine_index)?)?,
                    path: book.displayed_item(hit.spine_index)?.path.clone(),
                    offset: u32::try_from(hit.char_offset).ok()?,
                    snippet: hit.snippet,
                })
            })
            .collect()
    })
    .await
    .map_err(|e| AppError::Internal(format!("searching a book: {e}")))?;
    Ok(Json(hits))
}
