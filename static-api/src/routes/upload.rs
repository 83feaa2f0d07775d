//! The one way an upload's body is read and named: a body refused with 413 when longer
//! than its kind allows (`read_body`), and the name a stored file gets from its content
//! (`stored_name`: the same file is stored once). Culture Matcher's media and Bibster's
//! pictures and photos use these.

use axum::body::Bytes;
use axum::extract::Request;
use axum::http::{StatusCode, header};
use sha2::{Digest, Sha256};
use suite_domain::api::ErrorCode;
use suite_domain::culture::media::MEDIA_HASH_HEX;

use crate::error::AppError;

pub(crate) fn too_large(detail: String) -> AppError {
    AppError::Rejected {
        status: StatusCode::PAYLOAD_TOO_LARGE,
        code: ErrorCode::BodyTooLarge,
        detail,
    }
}

/// Whether reading a body failed because it was longer than allowed.
pub(crate) fn is_length_limit(error: &(dyn std::error::Error + 'static)) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = cause {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = e.source();
    }
    false
}

/// The body of `request`, refused with 413 when longer than `max` bytes (or than the
/// route's body limit).
pub(crate) async fn read_body(request: Request, max: usize) -> Result<Bytes, AppError> {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large(format!(
            "declared {declared:?} bytes, at most {max}"
        )));
    }
    use axum::RequestExt;
    let body = request.with_limited_body().into_body();
    axum::body::to_bytes(body, max).await.map_err(|e| {
        let e = e.into_inner();
        if is_length_limit(e.as_ref()) {
            too_large(format!("more than {max} bytes"))
        } else {
            AppError::Rejected {
                status: StatusCode::BAD_REQUEST,
                code: ErrorCode::InvalidInput,
                detail: format!("cannot read the upload: {e}"),
            }
        }
    })
}

/// The name an upload is stored under: the start of its SHA-256 and its extension, so
/// the same file is stored once.
pub(crate) fn stored_name(bytes: &[u8], ext: &str) -> String {
    let hash: String = Sha256::digest(bytes)
        .iter()
        .take(MEDIA_HASH_HEX / 2)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{hash}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn length_limit_errors_are_found_among_the_causes() {
        let body = axum::body::Body::from(vec![0_u8; 10]);
        let error = axum::body::to_bytes(body, 5)
            .await
            .expect_err("longer than the limit");
        assert!(is_length_limit(&error));
        assert!(is_length_limit(error.into_inner().as_ref()));
        assert!(!is_length_limit(&std::io::Error::other("reset")));
        let request = Request::builder()
            .header(header::CONTENT_LENGTH, "11")
            .body(axum::body::Body::from(vec![0_u8; 11]))
            .expect("request");
        assert!(matches!(
            read_body(request, 10).await,
            Err(AppError::Rejected {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                ..
            })
        ));
        let request = Request::builder()
            .body(axum::body::Body::from(vec![7_u8; 10]))
            .expect("request");
        assert_eq!(
            read_body(request, 10).await.ok(),
            Some(Bytes::from(vec![7_u8; 10]))
        );
    }
}
