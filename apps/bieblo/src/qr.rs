//! QR codes for "take your list": the module matrix of a text (qrcodegen) and the SVG path
//! that draws its dark modules, one horizontal run per rectangle.

use qrcodegen::{QrCode, QrCodeEcc};

/// Light modules around the code, as the standard asks.
pub(crate) const QUIET_ZONE: usize = 4;

/// The modules of a QR code, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QrMatrix {
    /// Modules per side (without the quiet zone).
    pub(crate) size: usize,
    /// `true` for a dark module, `size * size` entries.
    pub(crate) dark: Vec<bool>,
}

impl QrMatrix {
    /// The code for `text`, or `None` when the text is too long for any QR code. Low
    /// error correction keeps the modules large (the library raises it when that costs
    /// no extra size).
    pub(crate) fn encode(text: &str) -> Option<QrMatrix> {
        let code = QrCode::encode_text(text, QrCodeEcc::Low).ok()?;
        let size = usize::try_from(code.size()).ok()?;
        let dark = (0..size * size)
            .map(|i| {
                let (x, y) = (i % size, i / size);
                code.get_module(x as i32, y as i32)
            })
            .collect();
        Some(QrMatrix { size, dark })
    }

    /// Width of the drawing in modules, quiet zone included.
    pub(crate) fn view_size(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// An SVG path (`d`) with a rectangle per horizontal run of dark modules, in a
    /// coordinate system of one unit per module, quiet zone included.
    pub(crate) fn svg_path(&self) -> String {
        let mut d = String::new();
        for y in 0..self.size {
            let row = &self.dark[y * self.size..(y + 1) * self.size];
            let mut x = 0;
            while x < self.size {
                if !row[x] {
                    x += 1;
                    continue;
                }
                let run = row[x..].iter().take_while(|&&dark| dark).count();
                d.push_str(&format!(
                    "M{} {}h{run}v1h-{run}z",
                    x + QUIET_ZONE,
                    y + QUIET_ZONE
                ));
                x += run;
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::list_url;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_list_url_becomes_a_non_empty_code() {
        let ids: Vec<String> = (0..24).map(|i| format!("demo-{i:06}")).collect();
        let url = list_url(
            "http://127.0.0.1:8091",
            "demo-wetteren",
            "wetteren-hoofdbibliotheek-demo",
            &ids,
        );
        assert!(url.contains("bib=demo-wetteren") && url.contains("demo-000023"));
        let qr = QrMatrix::encode(&url).expect("fits in a QR code");
        assert!(qr.size >= 21 && qr.dark.len() == qr.size * qr.size);
        assert!(qr.dark.iter().any(|&d| d) && qr.dark.iter().any(|&d| !d));
        // The finder pattern's top-left corner is dark, so the path starts there.
        assert!(
            qr.svg_path().starts_with("M4 4h7v1h-7z"),
            "{}",
            qr.svg_path()
        );
        assert_eq!(qr.view_size(), qr.size + 8);
    }

    #[wasm_bindgen_test]
    fn text_too_long_for_any_code_gives_none() {
        assert_eq!(QrMatrix::encode(&"x".repeat(5000)), None);
    }
}
