//! Uploading a show's picture or trailer video (`POST /api/culture/<centre>/media`):
//! the file's first bytes are checked here with the server's own sniffing, so a wrong
//! file is refused before it travels; the file itself is sent as it is.

use js_sys::Uint8Array;
use suite_domain::culture::media::{MediaKind, StoredMedia, sniff_media};
use suite_domain::i18n::Msg;
use suite_ui::api::{self, ApiError};
use wasm_bindgen_futures::JsFuture;
use web_sys::File;

/// Why an upload did not give a URL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum UploadError {
    /// Not a file of the right kind or too large: the message for beside the field.
    Refused(Msg),
    Failed(ApiError),
}

/// How many first bytes tell the kind of a file.
const HEAD_BYTES: i32 = 64;

/// The messages for a file that is not of the expected kind, and one that is too large.
fn messages(video: bool) -> (Msg, Msg) {
    if video {
        (Msg::CmBoTrailerInvalid, Msg::CmBoVideoTooBig)
    } else {
        (Msg::CmBoImageInvalid, Msg::CmBoImageTooBig)
    }
}

/// The kind of an upload from its first bytes and its size, if it may be sent as a
/// picture (`video == false`) or a trailer video.
pub(crate) fn accepted_kind(head: &[u8], size: f64, video: bool) -> Result<MediaKind, Msg> {
    let (invalid, too_big) = messages(video);
    let kind = sniff_media(head)
        .filter(|k| k.is_video() == video)
        .ok_or(invalid)?;
    if size > kind.max_bytes() as f64 {
        return Err(too_big);
    }
    Ok(kind)
}

/// Uploads `file` for `centre`; the answer is the URL to put in the show.
pub(crate) async fn upload(centre: &str, file: File, video: bool) -> Result<String, UploadError> {
    let (invalid, too_big) = messages(video);
    let head = match file.slice_with_i32_and_i32(0, HEAD_BYTES) {
        Ok(blob) => JsFuture::from(blob.array_buffer())
            .await
            .map(|buffer| Uint8Array::new(&buffer).to_vec())
            .map_err(|_| UploadError::Refused(invalid))?,
        Err(_) => return Err(UploadError::Refused(invalid)),
    };
    let kind = accepted_kind(&head, file.size(), video).map_err(UploadError::Refused)?;
    let url = format!("/api/culture/{centre}/media");
    match api::post_body::<StoredMedia>(&url, kind.mime(), &file.into()).await {
        Ok(stored) => Ok(stored.url),
        Err(error) if error.status == 413 => Err(UploadError::Refused(too_big)),
        Err(error) if error.status == 422 => Err(UploadError::Refused(invalid)),
        Err(error) => Err(UploadError::Failed(error)),
    }
}
