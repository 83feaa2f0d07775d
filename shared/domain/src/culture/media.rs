//! Pictures and trailers of shows that centre staff make: files they upload to our own
//! server (`POST /api/culture/<centre>/media`), recognised by their first bytes, and
//! trailers on YouTube or Vimeo, which the app frames only after a tap.

use serde::{Deserialize, Serialize};

use super::programme::{Show, Trailer};

/// Largest uploaded picture, in bytes.
pub const IMAGE_MAX_BYTES: usize = 2 * 1024 * 1024;
/// Largest uploaded trailer video, in bytes.
pub const VIDEO_MAX_BYTES: usize = 50 * 1024 * 1024;
/// Hex digits of the SHA-256 that name an uploaded file.
pub const MEDIA_HASH_HEX: usize = 16;

/// A kind of file staff may upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Png,
    Jpeg,
    Webp,
    Mp4,
    Webm,
}

impl MediaKind {
    pub const ALL: [MediaKind; 5] = [
        MediaKind::Png,
        MediaKind::Jpeg,
        MediaKind::Webp,
        MediaKind::Mp4,
        MediaKind::Webm,
    ];

    pub fn mime(self) -> &'static str {
        match self {
            MediaKind::Png => "image/png",
            MediaKind::Jpeg => "image/jpeg",
            MediaKind::Webp => "image/webp",
            MediaKind::Mp4 => "video/mp4",
            MediaKind::Webm => "video/webm",
        }
    }

    /// The file extension it is stored with.
    pub fn ext(self) -> &'static str {
        match self {
            MediaKind::Png => "png",
            MediaKind::Jpeg => "jpg",
            MediaKind::Webp => "webp",
            MediaKind::Mp4 => "mp4",
            MediaKind::Webm => "webm",
        }
    }

    /// A `Content-Type` (parameters and case ignored).
    pub fn from_mime(content_type: &str) -> Option<Self> {
        let mime = content_type.split(';').next()?.trim().to_ascii_lowercase();
        Self::ALL.into_iter().find(|k| k.mime() == mime)
    }

    pub fn from_ext(ext: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.ext() == ext)
    }

    pub fn is_video(self) -> bool {
        matches!(self, MediaKind::Mp4 | MediaKind::Webm)
    }

    /// The largest file of this kind.
    pub fn max_bytes(self) -> usize {
        if self.is_video() {
            VIDEO_MAX_BYTES
        } else {
            IMAGE_MAX_BYTES
        }
    }
}

/// The kind of a file by its first bytes; never SVG or HTML (which could carry script),
/// nor QuickTime (browsers do not all play it).
pub fn sniff_media(bytes: &[u8]) -> Option<MediaKind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(MediaKind::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(MediaKind::Jpeg)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(MediaKind::Webp)
    } else if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" && &bytes[8..12] != b"qt  " {
        Some(MediaKind::Mp4)
    } else if bytes.starts_with(&[0x1a, 0x45, 0xdf, 0xa3])
        && bytes[..bytes.len().min(64)]
            .windows(4)
            .any(|w| w == b"webm")
    {
        Some(MediaKind::Webm)
    } else {
        None
    }
}

/// Where `centre`'s uploads are served: `/data/culture-matcher/media/<centre>/`.
pub fn media_prefix(centre: &str) -> String {
    format!("/data/culture-matcher/media/{centre}/")
}

/// The kind of an uploaded file of `centre` at `url` (`<prefix><16 hex>.<ext>`), or
/// `None` when `url` is not such a file.
pub fn local_media(url: &str, centre: &str) -> Option<MediaKind> {
    let file = url.strip_prefix(&media_prefix(centre))?;
    let (stem, ext) = file.split_once('.')?;
    let hex = stem.len() == MEDIA_HASH_HEX
        && stem
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    hex.then(|| MediaKind::from_ext(ext)).flatten()
}

/// The file names of `centre`'s uploads that `show` uses (its picture, its trailer file).
pub fn uploads_of<'a>(show: &'a Show, centre: &str) -> Vec<&'a str> {
    let image = show.image.as_ref().and_then(|i| i.src.as_deref());
    let trailer = match &show.trailer {
        Some(Trailer::File { src, .. }) => Some(src.as_str()),
        _ => None,
    };
    let prefix = media_prefix(centre);
    image
        .into_iter()
        .chain(trailer)
        .filter(|url| local_media(url, centre).is_some())
        .filter_map(|url| url.strip_prefix(prefix.as_str()))
        .collect()
}

/// The uploads `before` used that none of `shows` (the centre's shows after a change)
/// uses any more: the files to remove after a show was changed or deleted. Only files
/// of that one show are candidates, never a fresh upload that no show uses yet.
pub fn unused_uploads<'a>(before: &'a Show, shows: &[Show], centre: &str) -> Vec<&'a str> {
    let mut unused = uploads_of(before, centre);
    unused.retain(|file| !shows.iter().any(|s| uploads_of(s, centre).contains(file)));
    unused.dedup();
    unused
}

/// What `POST /api/culture/<centre>/media` answers: where the file is served.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoredMedia {
    /// `/data/culture-matcher/media/<centre>/<hash>.<ext>`.
    pub url: String,
    pub mime: String,
    pub bytes: u64,
}

/// The host of an `http(s)` URL, lower case, without `www.` or `m.`; `None` for other
/// schemes or a missing host.
fn web_host(url: &str) -> Option<(String, &str)> {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(end);
    if authority.contains('@') {
        return None;
    }
    let host = authority.split(':').next()?.to_ascii_lowercase();
    let host = host
        .strip_prefix("www.")
        .or_else(|| host.strip_prefix("m."))
        .unwrap_or(&host)
        .to_string();
    (!host.is_empty()).then_some((host, path))
}

fn video_id(id: &str, digits_only: bool) -> Option<&str> {
    let ok = (1..=32).contains(&id.len())
        && id.bytes().all(|b| {
            if digits_only {
                b.is_ascii_digit()
            } else {
                b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
            }
        });
    ok.then_some(id)
}

/// A trailer link to YouTube or Vimeo as a platform trailer: the page of the video and
/// its player (YouTube's no-cookie host, Vimeo's player; the only frames the pages'
/// security policy allows). `None` for anything else.
pub fn platform_trailer(url: &str) -> Option<Trailer> {
    let url = url.trim();
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let (host, path_and_query) = web_host(url)?;
    let (path, query) = path_and_query
        .split('#')
        .next()
        .map(|p| p.split_once('?').unwrap_or((p, "")))?;
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    match host.as_str() {
        "youtube.com" | "youtube-nocookie.com" | "youtu.be" => {
            let id = match (host.as_str(), segments.as_slice()) {
                ("youtu.be", [id]) => *id,
                (_, ["watch"]) => query.split('&').find_map(|pair| pair.strip_prefix("v="))?,
                (_, ["embed" | "shorts" | "live", id]) => *id,
                _ => return None,
            };
            let id = video_id(id, false)?;
            Some(Trailer::Platform {
                platform: "youtube".into(),
                url: format!("https://www.youtube.com/watch?v={id}"),
                embed_url: Some(format!("https://www.youtube-nocookie.com/embed/{id}")),
            })
        }
        "vimeo.com" | "player.vimeo.com" => {
            let id = match (host.as_str(), segments.as_slice()) {
                ("player.vimeo.com", ["video", id]) => *id,
                ("vimeo.com", [.., id]) => *id,
                _ => return None,
            };
            let id = video_id(id, true)?;
            Some(Trailer::Platform {
                platform: "vimeo".into(),
                url: format!("https://vimeo.com/{id}"),
                embed_url: Some(format!("https://player.vimeo.com/video/{id}")),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_their_first_bytes() {
        let cases: [(&[u8], Option<MediaKind>); 10] = [
            (b"\x89PNG\r\n\x1a\n....", Some(MediaKind::Png)),
            (&[0xff, 0xd8, 0xff, 0xe0, 0, 0], Some(MediaKind::Jpeg)),
            (b"RIFF\x10\0\0\0WEBPVP8 ", Some(MediaKind::Webp)),
            (b"\0\0\0\x18ftypmp42\0\0\0\0", Some(MediaKind::Mp4)),
            (b"\0\0\0\x14ftypqt  \0\0\0\0", None),
            (
                b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm",
                Some(MediaKind::Webm),
            ),
            (
                b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska",
                None,
            ),
            (
                b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>",
                None,
            ),
            (b"<!doctype html><script>alert(1)</script>", None),
            (b"", None),
        ];
        for (bytes, kind) in cases {
            assert_eq!(
                sniff_media(bytes),
                kind,
                "{:?}",
                String::from_utf8_lossy(bytes)
            );
        }
        assert_eq!(sniff_media(b"RIFF"), None, "short bodies do not panic");
        assert_eq!(sniff_media(b"\0\0\0\x18ftyp"), None);
    }

    #[test]
    fn kinds_have_a_type_an_extension_and_a_limit() {
        for kind in MediaKind::ALL {
            assert_eq!(MediaKind::from_mime(kind.mime()), Some(kind));
            assert_eq!(MediaKind::from_ext(kind.ext()), Some(kind));
        }
        assert_eq!(
            MediaKind::from_mime("Image/JPEG; charset=binary"),
            Some(MediaKind::Jpeg)
        );
        assert_eq!(MediaKind::from_mime("image/svg+xml"), None);
        assert_eq!(MediaKind::from_mime("text/html"), None);
        assert_eq!(MediaKind::Png.max_bytes(), IMAGE_MAX_BYTES);
        assert_eq!(MediaKind::Webm.max_bytes(), VIDEO_MAX_BYTES);
    }

    #[test]
    fn only_the_centres_own_uploads_are_local_media() {
        let ok = "/data/culture-matcher/media/demo-nova/0123456789abcdef.jpg";
        assert_eq!(local_media(ok, "demo-nova"), Some(MediaKind::Jpeg));
        assert_eq!(
            local_media(&ok.replace(".jpg", ".mp4"), "demo-nova"),
            Some(MediaKind::Mp4)
        );
        for bad in [
            "/data/culture-matcher/media/demo-elders/0123456789abcdef.jpg",
            "/data/culture-matcher/media/demo-nova/0123456789ABCDEF.jpg",
            "/data/culture-matcher/media/demo-nova/0123456789abcde.jpg",
            "/data/culture-matcher/media/demo-nova/0123456789abcdef.svg",
            "/data/culture-matcher/media/demo-nova/0123456789abcdef.jpg.html",
            "/data/culture-matcher/media/demo-nova/../x/0123456789abcdef.jpg",
            "https://example.org/data/culture-matcher/media/demo-nova/0123456789abcdef.jpg",
            "",
        ] {
            assert_eq!(local_media(bad, "demo-nova"), None, "{bad}");
        }
    }

    #[test]
    fn a_changed_or_deleted_show_frees_only_the_uploads_no_other_show_uses() {
        use crate::culture::programme::Image;
        use crate::culture::testkit::show;
        let prefix = media_prefix("demo-nova");
        let file = |name: &str| format!("{prefix}{name}");
        let with = |id: &str, image: Option<String>, trailer: Option<String>| {
            let mut s = show(id, None, &[], 0);
            s.image = image.map(|src| Image {
                src: Some(src),
                source: None,
                alt: None,
                credit: None,
            });
            s.trailer = trailer.map(|src| Trailer::File {
                src,
                mime: "video/mp4".into(),
            });
            s
        };
        let before = with(
            "a",
            Some(file("0123456789abcdef.jpg")),
            Some(file("fedcba9876543210.mp4")),
        );
        assert_eq!(
            uploads_of(&before, "demo-nova"),
            ["0123456789abcdef.jpg", "fedcba9876543210.mp4"]
        );
        // Deleted, while show b uses the same picture: only the trailer goes.
        let b = with("b", Some(file("0123456789abcdef.jpg")), None);
        assert_eq!(
            unused_uploads(&before, std::slice::from_ref(&b), "demo-nova"),
            ["fedcba9876543210.mp4"]
        );
        // Changed to another picture, same trailer: the old picture goes.
        let after = with(
            "a",
            Some(file("aaaaaaaaaaaaaaaa.png")),
            Some(file("fedcba9876543210.mp4")),
        );
        assert_eq!(
            unused_uploads(&before, &[after], "demo-nova"),
            ["0123456789abcdef.jpg"]
        );
        // Pictures elsewhere (an import's, another centre's) are never ours to remove.
        let foreign = with(
            "c",
            Some("https://media.example.org/0123456789abcdef.jpg".into()),
            Some(format!(
                "{}0123456789abcdef.mp4",
                media_prefix("demo-elders")
            )),
        );
        assert!(uploads_of(&foreign, "demo-nova").is_empty());
        assert!(unused_uploads(&foreign, &[], "demo-nova").is_empty());
    }

    fn embed(url: &str) -> Option<(String, String, String)> {
        match platform_trailer(url)? {
            Trailer::Platform {
                platform,
                url,
                embed_url,
            } => Some((platform, url, embed_url.unwrap_or_default())),
            Trailer::File { .. } => None,
        }
    }

    #[test]
    fn youtube_and_vimeo_links_become_players_on_allowed_hosts() {
        let youtube = Some((
            "youtube".to_string(),
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ".to_string(),
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ".to_string(),
        ));
        for url in [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            " https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ#t=3 ",
            "http://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ?t=12",
            "https://www.youtube.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
        ] {
            assert_eq!(embed(url), youtube, "{url}");
        }
        let vimeo = Some((
            "vimeo".to_string(),
            "https://vimeo.com/76979871".to_string(),
            "https://player.vimeo.com/video/76979871".to_string(),
        ));
        for url in [
            "https://vimeo.com/76979871",
            "https://vimeo.com/channels/staffpicks/76979871",
            "https://player.vimeo.com/video/76979871?h=abc",
        ] {
            assert_eq!(embed(url), vimeo, "{url}");
        }
        for bad in [
            "https://www.youtube.com/watch?v=<script>",
            "https://www.youtube.com/watch",
            "https://www.youtube.com/channel/abc",
            "https://vimeo.com/channels/staffpicks",
            "https://evil.example/watch?v=dQw4w9WgXcQ",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
            "https://user@youtube.com/watch?v=dQw4w9WgXcQ",
            "javascript:alert(1)//youtube.com/watch?v=x",
            "https://youtu.be/dQw4 w9WgXcQ",
            "youtube.com/watch?v=dQw4w9WgXcQ",
            "",
        ] {
            assert_eq!(embed(bad), None, "{bad}");
        }
    }
}
