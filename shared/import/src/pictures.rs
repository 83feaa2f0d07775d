//! Pictures from outside (uploaded theme and show pictures, downloaded book covers) are
//! decoded with limits and written anew before they are stored: a file that only looks
//! like a picture by its first bytes, or declares a size that would take gigabytes to
//! decode, is refused; what is stored carries no metadata (camera, place) and no
//! trailing bytes. Pure functions (no IO), so they are fuzzed (`fuzz/`).

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, ImageReader, Limits, Rgb, RgbImage};

/// Widest and highest picture taken, in pixels.
pub const MAX_SIDE: u32 = 4_096;
/// Most memory one decode may take.
const MAX_ALLOC: u64 = 96 * 1024 * 1024;

/// A picture as it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    /// The encoded picture.
    pub bytes: Vec<u8>,
    /// `png` or `jpg`.
    pub ext: &'static str,
    /// `image/png` or `image/jpeg`.
    pub mime: &'static str,
    /// The picture's width in pixels.
    pub width: u32,
    /// The picture's height in pixels.
    pub height: u32,
}

/// Why an upload is not a picture we store; English, for the log.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    /// Not one of the formats taken.
    #[error("not a PNG, JPEG or WebP picture")]
    Format,
    /// Declares more pixels on a side than taken.
    #[error("{0} x {1} pixels, more than {MAX_SIDE} on a side")]
    TooLarge(u32, u32),
    /// Broken, or over the decoder's limits.
    #[error("cannot be decoded: {0}")]
    Decode(String),
}

/// Decodes `bytes` (PNG, JPEG or WebP) within the limits and encodes it again: a
/// picture with transparency as PNG, any other as JPEG (quality 88), a JPEG as JPEG.
pub fn reencode(bytes: &[u8]) -> Result<Stored, PictureError> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PictureError::Decode(e.to_string()))?;
    let format = reader.format().ok_or(PictureError::Format)?;
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP
    ) {
        return Err(PictureError::Format);
    }
    // The declared size first, before anything is allocated for the pixels.
    let (width, height) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| PictureError::Decode(e.to_string()))?;
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(PictureError::TooLarge(width, height));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|e| PictureError::Decode(e.to_string()))?;
    let keep_alpha = image.color().has_alpha() && format != ImageFormat::Jpeg;
    let mut out = Vec::new();
    if keep_alpha || (format == ImageFormat::Png && !is_photo_sized(&image)) {
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .map_err(|e| PictureError::Decode(e.to_string()))?;
        Ok(Stored {
            bytes: out,
            ext: "png",
            mime: "image/png",
            width: image.width(),
            height: image.height(),
        })
    } else {
        JpegEncoder::new_with_quality(&mut out, 88)
            .encode_image(&image.to_rgb8())
            .map_err(|e| PictureError::Decode(e.to_string()))?;
        Ok(Stored {
            bytes: out,
            ext: "jpg",
            mime: "image/jpeg",
            width: image.width(),
            height: image.height(),
        })
    }
}

/// A PNG without transparency stays PNG (drawings, logos) unless it is large enough
/// to be a photo, which JPEG stores far smaller.
fn is_photo_sized(image: &DynamicImage) -> bool {
    u64::from(image.width()) * u64::from(image.height()) > 1_000_000
}

/// Decodes an image (JPEG, PNG or WebP), shrinks it to at most `max_width` wide keeping
/// its proportions, lays any transparency on white, and encodes it as JPEG.
pub fn to_kiosk_jpeg(bytes: &[u8], max_width: u32) -> Result<Vec<u8>, PictureError> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| PictureError::Decode(e.to_string()))?;
    if reader.format().is_none() {
        return Err(PictureError::Format);
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(8_000);
    limits.max_image_height = Some(8_000);
    limits.max_alloc = Some(128 * 1024 * 1024);
    reader.limits(limits);
    let image = reader
        .decode()
        .map_err(|e| PictureError::Decode(e.to_string()))?;
    let max_width = max_width.max(1);
    let image = if image.width() > max_width {
        image.resize(max_width, max_width.saturating_mul(4), FilterType::Triangle)
    } else {
        image
    };
    let rgb = on_white(&image);
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 82)
        .encode_image(&rgb)
        .map_err(|e| PictureError::Decode(e.to_string()))?;
    Ok(out)
}

/// The image without alpha: transparent parts become white, not black.
fn on_white(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let a = u32::from(a);
        let blend = |c: u8| ((u32::from(c) * a + 255 * (255 - a)) / 255) as u8;
        Rgb([blend(r), blend(g), blend(b)])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(image: DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), format)
            .expect("encode");
        out
    }

    #[test]
    fn pictures_are_written_anew_in_a_plain_format() {
        let rgba = DynamicImage::ImageRgba8(image::RgbaImage::from_pixel(
            40,
            30,
            image::Rgba([10, 200, 30, 128]),
        ));
        let png = reencode(&encoded(rgba.clone(), ImageFormat::Png)).expect("a png");
        assert_eq!((png.ext, png.mime), ("png", "image/png"));
        let back = image::load_from_memory(&png.bytes).expect("decodes");
        assert_eq!((back.width(), back.height()), (40, 30));
        let rgb = DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
            40,
            30,
            image::Rgb([10, 200, 30]),
        ));
        let jpeg = reencode(&encoded(rgb.clone(), ImageFormat::Jpeg)).expect("a jpeg");
        assert_eq!(jpeg.ext, "jpg");
        let webp = reencode(&encoded(rgba, ImageFormat::WebP)).expect("a webp");
        assert_eq!(webp.ext, "png", "transparency kept");
        // Bytes after the picture do not survive.
        let mut trailing = encoded(rgb, ImageFormat::Png);
        trailing.extend_from_slice(b"<script>alert(1)</script>");
        let clean = reencode(&trailing).expect("a png");
        assert!(!clean.bytes.windows(8).any(|w| w == b"<script>"));
    }

    #[test]
    fn a_huge_declared_size_is_refused_before_decoding() {
        // A real 16 x 16 PNG whose header is changed to declare 30,000 x 30,000
        // pixels (with the header's checksum made right again).
        let small = DynamicImage::ImageRgba8(image::RgbaImage::new(16, 16));
        let mut png = encoded(small, ImageFormat::Png);
        png[16..20].copy_from_slice(&30_000_u32.to_be_bytes());
        png[20..24].copy_from_slice(&30_000_u32.to_be_bytes());
        let crc = crc32(&png[12..29]);
        png[29..33].copy_from_slice(&crc.to_be_bytes());
        assert_eq!(reencode(&png), Err(PictureError::TooLarge(30_000, 30_000)));
    }

    #[test]
    fn what_is_not_a_picture_is_refused() {
        for bad in [
            &b""[..],
            b"<svg onload=alert(1)>",
            b"GIF89a....",
            b"\x89PNG\r\n\x1a\nbroken",
            &[0xff, 0xd8, 0xff, 0xe0, 0, 0],
        ] {
            assert!(reencode(bad).is_err(), "{bad:?}");
        }
    }

    fn png(width: u32, height: u32, alpha: u8) -> Vec<u8> {
        let image = image::RgbaImage::from_pixel(width, height, image::Rgba([200, 40, 40, alpha]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
            .expect("encode png");
        out
    }

    #[test]
    fn wide_images_shrink_to_kiosk_width_and_transparency_turns_white() {
        let jpeg = to_kiosk_jpeg(&png(600, 900, 255), 300).expect("converts");
        let out = image::load_from_memory(&jpeg).expect("a jpeg");
        assert_eq!((out.width(), out.height()), (300, 450));
        let small = image::load_from_memory(&to_kiosk_jpeg(&png(120, 160, 0), 300).expect("ok"))
            .expect("a jpeg");
        assert_eq!(
            (small.width(), small.height()),
            (120, 160),
            "never enlarged"
        );
        let pixel = small.to_rgb8().get_pixel(60, 80).0;
        assert!(
            pixel.iter().all(|c| *c > 240),
            "transparent is white: {pixel:?}"
        );
    }

    #[test]
    fn garbage_is_refused_not_panicked_on() {
        for bad in [&b""[..], b"not an image", &png(10, 10, 255)[..40]] {
            assert!(matches!(
                to_kiosk_jpeg(bad, 300),
                Err(PictureError::Decode(_) | PictureError::Format)
            ));
        }
    }

    /// CRC-32 of a PNG chunk (type and data), as the format wants it.
    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = 0xffff_ffff_u32;
        for &b in bytes {
            crc ^= u32::from(b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 {
                    (crc >> 1) ^ 0xedb8_8320
                } else {
                    crc >> 1
                };
            }
        }
        !crc
    }
}
