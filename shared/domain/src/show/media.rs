//! What a company may upload for its show: images (PNG, JPEG, WebP within size and
//! dimension limits) and one short sound or video (MP3, OGG, WAV, MP4, WebM), each
//! recognised by its first bytes, never by its name or declared type.

/// Largest image, in bytes.
pub const IMAGE_MAX_BYTES: usize = 4 * 1024 * 1024;
/// Largest sound or video, in bytes.
pub const SOUND_MAX_BYTES: usize = 8 * 1024 * 1024;
/// Smallest image, in pixels (width, height): readable on a classroom's board.
pub const IMAGE_MIN_SIDES: (u32, u32) = (320, 240);
/// Largest image side, in pixels.
pub const IMAGE_MAX_SIDE: u32 = 4_096;

/// What an upload is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upload {
    /// A picture (PNG, JPEG or WebP): decoded and written anew by the server.
    Image,
    /// A sound or video, stored as it is with this type and extension.
    Sound {
        mime: &'static str,
        ext: &'static str,
    },
}

/// The kind of an upload by its first bytes; `None` for anything else (SVG, HTML,
/// text, QuickTime…).
pub fn sniff_upload(bytes: &[u8]) -> Option<Upload> {
    let sound = |mime, ext| Some(Upload::Sound { mime, ext });
    let at = |range: std::ops::Range<usize>| bytes.get(range);
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || bytes.starts_with(&[0xff, 0xd8, 0xff])
        || (at(0..4) == Some(b"RIFF") && at(8..12) == Some(b"WEBP"))
    {
        Some(Upload::Image)
    } else if at(0..4) == Some(b"RIFF") && at(8..12) == Some(b"WAVE") {
        sound("audio/wav", "wav")
    } else if bytes.starts_with(b"OggS") {
        sound("audio/ogg", "ogg")
    } else if bytes.starts_with(b"ID3")
        || (bytes.len() >= 2
            && bytes[0] == 0xff
            && (bytes[1] & 0xe0) == 0xe0
            && bytes[1] & 0x06 != 0)
    {
        sound("audio/mpeg", "mp3")
    } else if at(4..8) == Some(b"ftyp") && at(8..12).is_some_and(|b| b != b"qt  ") {
        sound("video/mp4", "mp4")
    } else if bytes.starts_with(&[0x1a, 0x45, 0xdf, 0xa3])
        && bytes[..bytes.len().min(64)]
            .windows(4)
            .any(|w| w == b"webm")
    {
        sound("video/webm", "webm")
    } else {
        None
    }
}

/// Whether an image of `width` by `height` pixels may be used.
pub fn image_sides_ok(width: u32, height: u32) -> bool {
    width >= IMAGE_MIN_SIDES.0
        && height >= IMAGE_MIN_SIDES.1
        && width <= IMAGE_MAX_SIDE
        && height <= IMAGE_MAX_SIDE
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn uploads_are_known_by_their_first_bytes() {
        let cases: [(&[u8], Option<Upload>); 10] = [
            (b"\x89PNG\r\n\x1a\n....", Some(Upload::Image)),
            (&[0xff, 0xd8, 0xff, 0xe0], Some(Upload::Image)),
            (b"RIFF\0\0\0\0WEBPVP8 ", Some(Upload::Image)),
            (
                b"RIFF\0\0\0\0WAVEfmt ",
                Some(Upload::Sound {
                    mime: "audio/wav",
                    ext: "wav",
                }),
            ),
            (
                b"OggS\0\x02",
                Some(Upload::Sound {
                    mime: "audio/ogg",
                    ext: "ogg",
                }),
            ),
            (
                b"ID3\x04\0",
                Some(Upload::Sound {
                    mime: "audio/mpeg",
                    ext: "mp3",
                }),
            ),
            (
                b"\0\0\0\x18ftypmp42",
                Some(Upload::Sound {
                    mime: "video/mp4",
                    ext: "mp4",
                }),
            ),
            (b"\0\0\0\x14ftypqt  ", None),
            (b"<svg xmlns=", None),
            (b"", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(sniff_upload(bytes), expected, "{bytes:?}");
        }
    }

    #[test]
    fn image_sides_have_a_minimum_and_a_maximum() {
        assert!(image_sides_ok(320, 240));
        assert!(image_sides_ok(4096, 4096));
        assert!(!image_sides_ok(319, 240));
        assert!(!image_sides_ok(320, 239));
        assert!(!image_sides_ok(4097, 1000));
    }

    proptest! {
        #[test]
        fn sniffing_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
            let _ = sniff_upload(&bytes);
        }
    }
}
