//! Scanning a "find the code" QR code: frames of the camera (RGBA, as a canvas gives
//! them) read by `rqrr`, and the code handed to the team app through the device's
//! storage. Only the scan page's bundle links this (`scan.html`).

mod page;

pub(crate) use page::ScanPage;

/// The first QR code readable in an RGBA frame of `width` x `height`, if any.
pub(crate) fn read_code(rgba: &[u8], width: usize, height: usize) -> Option<String> {
    if width == 0 || height == 0 || rgba.len() < width * height * 4 {
        return None;
    }
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| {
        let at = (y * width + x) * 4;
        // Luma of sRGB (integer Rec. 601 weights).
        let (r, g, b) = (
            u32::from(rgba[at]),
            u32::from(rgba[at + 1]),
            u32::from(rgba[at + 2]),
        );
        ((r * 299 + g * 587 + b * 114) / 1000) as u8
    });
    image
        .detect_grids()
        .into_iter()
        .find_map(|grid| grid.decode().ok().map(|(_, text)| text.trim().to_string()))
        .filter(|text| !text.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    /// A QR code of `text` as an RGBA frame: `scale` pixels a module, a quiet zone of
    /// four modules, grey paper (as a camera sees it).
    fn frame(text: &str, scale: usize) -> (Vec<u8>, usize) {
        let qr =
            qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).expect("encodes");
        let modules = qr.size() as usize;
        let side = (modules + 8) * scale;
        let mut rgba = vec![0u8; side * side * 4];
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = ((x / scale) as i32 - 4, (y / scale) as i32 - 4);
                let dark = qr.get_module(mx, my);
                let value = if dark { 30 } else { 210 };
                let at = (y * side + x) * 4;
                rgba[at..at + 4].copy_from_slice(&[value, value, value, 255]);
            }
        }
        (rgba, side)
    }

    #[wasm_bindgen_test]
    fn a_code_is_read_from_a_frame_and_noise_reads_nothing() {
        let (rgba, side) = frame("STRIP-7", 4);
        assert_eq!(read_code(&rgba, side, side), Some("STRIP-7".to_string()));
        let blank = vec![200u8; 64 * 64 * 4];
        assert_eq!(read_code(&blank, 64, 64), None);
        assert_eq!(read_code(&rgba, side + 1, side), None, "too few pixels");
    }
}
