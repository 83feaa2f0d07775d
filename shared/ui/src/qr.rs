//! QR codes (Bieblo's "take your list", Bibster's game codes and spot codes): the module
//! matrix of a text (qrcodegen) and an inline SVG with the dark modules in one path, one
//! horizontal run per rectangle, no style attributes. Feature `qr`.

use qrcodegen::{QrCode, QrCodeEcc};
use yew::prelude::*;

/// Light modules around the code, as the standard asks.
pub const QUIET_ZONE: usize = 4;

/// The modules of a QR code, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    /// Modules per side (without the quiet zone).
    pub size: usize,
    /// `true` for a dark module, `size * size` entries.
    pub dark: Vec<bool>,
}

impl QrMatrix {
    /// The code for `text`, or `None` when the text is too long for any QR code. Low
    /// error correction keeps the modules large (the library raises it when that costs
    /// no extra size).
    pub fn encode(text: &str) -> Option<QrMatrix> {
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
    pub fn view_size(&self) -> usize {
        self.size + 2 * QUIET_ZONE
    }

    /// An SVG path (`d`) with a rectangle per horizontal run of dark modules, in a
    /// coordinate system of one unit per module, quiet zone included.
    pub fn svg_path(&self) -> String {
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

/// The code for `text` as an inline SVG with `label` as the image's accessible name;
/// nothing when the text is too long for any QR code.
pub fn qr_code(text: &str, label: &str) -> Html {
    let Some(qr) = QrMatrix::encode(text) else {
        return Html::default();
    };
    let size = qr.view_size().to_string();
    html! {
        <svg class="qr" viewBox={format!("0 0 {size} {size}")} role="img" aria-label={label.to_string()}
             shape-rendering="crispEdges">
            <rect class="qr__light" width={size.clone()} height={size} fill="#ffffff" />
            <path class="qr__dark" d={qr.svg_path()} fill="#000000" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn a_long_address_becomes_a_non_empty_code() {
        let ids: Vec<String> = (0..24).map(|i| format!("demo-{i:06}")).collect();
        let url = format!(
            "http://127.0.0.1:8091/bieblo/lijst?bib=demo-wetteren&ids={}",
            ids.join(",")
        );
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
