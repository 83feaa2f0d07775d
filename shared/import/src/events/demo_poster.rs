//! Posters for the demo programme, drawn here (no picture from elsewhere): a two-colour
//! gradient and a motif per genre (spotlights, equaliser bars, film strip, balloons, …),
//! varied by the show's number, written as JPEG. Made for this project, so they carry
//! its licence; they say nothing about the invented show but its genre.

use image::{ImageEncoder, RgbImage, codecs::jpeg::JpegEncoder};

use crate::rng::Rng;

/// Width and height of a poster, in pixels (4:5, like a phone's card).
pub const POSTER_SIZE: (u32, u32) = (480, 600);

type Rgb = [f32; 3];

/// Background colours per genre (top, bottom) and the motif's colour, in the demo's
/// genre order: theatre, concert, dance, comedy, film, family, exhibition, circus, party.
const PALETTES: [(Rgb, Rgb, Rgb); 9] = [
    ([40., 10., 60.], [150., 20., 50.], [255., 220., 140.]),
    ([10., 20., 70.], [20., 120., 160.], [120., 255., 220.]),
    ([90., 20., 90.], [240., 110., 80.], [255., 240., 200.]),
    ([250., 190., 40.], [230., 90., 30.], [40., 20., 60.]),
    ([15., 15., 25.], [70., 70., 90.], [235., 235., 235.]),
    ([120., 200., 240.], [250., 240., 170.], [230., 60., 80.]),
    ([235., 230., 220.], [190., 180., 170.], [60., 70., 110.]),
    ([200., 30., 40.], [250., 200., 60.], [255., 255., 255.]),
    ([30., 0., 60.], [0., 90., 120.], [255., 80., 200.]),
];

/// A picture being drawn, in floating point so shapes blend softly.
struct Canvas {
    w: u32,
    h: u32,
    px: Vec<Rgb>,
}

impl Canvas {
    fn gradient(w: u32, h: u32, top: Rgb, bottom: Rgb) -> Self {
        let mut px = Vec::with_capacity((w * h) as usize);
        for y in 0..h {
            let t = y as f32 / (h - 1) as f32;
            let c = mix(top, bottom, t);
            px.extend(std::iter::repeat_n(c, w as usize));
        }
        Canvas { w, h, px }
    }

    /// Blends `color` at `alpha` where `inside(x, y)` holds, within the box.
    fn fill(
        &mut self,
        bounds: [f32; 4],
        color: Rgb,
        alpha: f32,
        inside: impl Fn(f32, f32) -> bool,
    ) {
        let [x0, y0, x1, y1] = bounds;
        let clamp = |v: f32, max: u32| (v.max(0.0) as u32).min(max);
        for y in clamp(y0, self.h)..clamp(y1.ceil(), self.h) {
            for x in clamp(x0, self.w)..clamp(x1.ceil(), self.w) {
                if inside(x as f32 + 0.5, y as f32 + 0.5) {
                    let p = &mut self.px[(y * self.w + x) as usize];
                    *p = mix(*p, color, alpha);
                }
            }
        }
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, color: Rgb, alpha: f32) {
        let bounds = [cx - r, cy - r, cx + r, cy + r];
        self.fill(bounds, color, alpha, |x, y| {
            (x - cx).powi(2) + (y - cy).powi(2) <= r * r
        });
    }

    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb, alpha: f32) {
        self.fill([x, y, x + w, y + h], color, alpha, |_, _| true);
    }

    fn triangle(&mut self, a: (f32, f32), b: (f32, f32), c: (f32, f32), color: Rgb, alpha: f32) {
        let bounds = [
            a.0.min(b.0).min(c.0),
            a.1.min(b.1).min(c.1),
            a.0.max(b.0).max(c.0),
            a.1.max(b.1).max(c.1),
        ];
        let side = |p: (f32, f32), q: (f32, f32), x: f32, y: f32| {
            (q.0 - p.0) * (y - p.1) - (q.1 - p.1) * (x - p.0)
        };
        self.fill(bounds, color, alpha, |x, y| {
            let (d1, d2, d3) = (side(a, b, x, y), side(b, c, x, y), side(c, a, x, y));
            let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
            let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
            !(neg && pos)
        });
    }

    fn jpeg(&self) -> Vec<u8> {
        let mut img = RgbImage::new(self.w, self.h);
        for (i, p) in img.pixels_mut().enumerate() {
            let c = self.px[i];
            p.0 = [c[0] as u8, c[1] as u8, c[2] as u8];
        }
        let mut out = Vec::new();
        let encoder = JpegEncoder::new_with_quality(&mut out, 82);
        // Encoding a well-formed buffer into memory does not fail; an empty poster would
        // only make the app draw its own.
        let _ = encoder.write_image(img.as_raw(), self.w, self.h, image::ExtendedColorType::Rgb8);
        out
    }
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}

/// The poster of demo show number `index` (0-based; its genre is `index % 9`, as in the
/// generator), as JPEG bytes.
pub fn demo_poster(index: usize) -> Vec<u8> {
    let (w, h) = POSTER_SIZE;
    let genre = index % PALETTES.len();
    let (top, bottom, ink) = PALETTES[genre];
    let mut d = Rng(0x5EED_0000 + index as u64);
    let mut c = Canvas::gradient(w, h, top, bottom);
    let (wf, hf) = (w as f32, h as f32);
    match genre {
        // Theatre: two spotlights on a stage floor, curtains at the sides.
        0 => {
            for side in [0.2_f32, 0.8] {
                let x = wf * (side + d.range(-0.08, 0.08));
                c.triangle(
                    (x, 0.0),
                    (x - 130.0, hf * 0.8),
                    (x + 130.0, hf * 0.8),
                    ink,
                    0.22,
                );
                c.circle(x, hf * 0.8, 120.0, ink, 0.18);
            }
            c.rect(0.0, hf * 0.8, wf, hf * 0.2, [20., 5., 20.], 0.7);
            for x in [0.0, wf - 60.0] {
                c.rect(x, 0.0, 60.0, hf, [120., 0., 20.], 0.85);
            }
        }
        // Concert: equaliser bars.
        1 => {
            let bars = 9;
            for i in 0..bars {
                let bh = hf * d.range(0.15, 0.7);
                let x = 30.0 + i as f32 * (wf - 60.0) / bars as f32;
                c.rect(x, hf * 0.9 - bh, 34.0, bh, ink, 0.85);
            }
            c.circle(wf * 0.75, hf * 0.2, 60.0, [255., 255., 255.], 0.25);
        }
        // Dance: rings moving out from a point.
        2 => {
            let (cx, cy) = (wf * d.range(0.3, 0.7), hf * d.range(0.35, 0.6));
            for r in (1..8).rev() {
                let alpha = if r % 2 == 0 { 0.35 } else { 0.15 };
                c.circle(cx, cy, r as f32 * 38.0, ink, alpha);
            }
        }
        // Comedy: a microphone under a spotlight.
        3 => {
            c.circle(wf * 0.5, hf * 0.35, 150.0, [255., 255., 255.], 0.35);
            c.circle(wf * 0.5, hf * 0.35, 48.0, ink, 0.95);
            c.rect(wf * 0.5 - 8.0, hf * 0.35 + 40.0, 16.0, hf * 0.45, ink, 0.95);
            c.rect(wf * 0.5 - 70.0, hf * 0.8, 140.0, 18.0, ink, 0.95);
        }
        // Film: a strip of frames across.
        4 => {
            let y = hf * d.range(0.3, 0.45);
            c.rect(0.0, y, wf, 200.0, [0., 0., 0.], 0.9);
            let mut x = 10.0;
            while x < wf {
                c.rect(x, y + 12.0, 18.0, 14.0, ink, 0.9);
                c.rect(x, y + 174.0, 18.0, 14.0, ink, 0.9);
                c.rect(x - 4.0, y + 40.0, 110.0, 120.0, ink, 0.18);
                x += 120.0;
            }
        }
        // Family: balloons on strings.
        5 => {
            for i in 0..5 {
                let x = wf * (0.15 + 0.17 * i as f32) + d.range(-15.0, 15.0);
                let y = hf * d.range(0.2, 0.45);
                let color = [
                    d.range(150.0, 255.0),
                    d.range(40.0, 200.0),
                    d.range(60.0, 220.0),
                ];
                c.rect(x - 1.5, y, 3.0, hf - y, [80., 80., 80.], 0.8);
                c.circle(x, y, 46.0, color, 0.95);
            }
        }
        // Exhibition: frames on a wall.
        6 => {
            for (fx, fy, fw, fh) in [
                (0.1, 0.15, 0.35, 0.3),
                (0.55, 0.1, 0.35, 0.4),
                (0.25, 0.58, 0.5, 0.28),
            ] {
                let (x, y, bw, bh) = (wf * fx, hf * fy, wf * fw, hf * fh);
                c.rect(x, y, bw, bh, ink, 0.95);
                let fill = [
                    d.range(120.0, 240.0),
                    d.range(100.0, 220.0),
                    d.range(80.0, 200.0),
                ];
                c.rect(x + 10.0, y + 10.0, bw - 20.0, bh - 20.0, fill, 0.95);
            }
        }
        // Circus: a striped tent.
        7 => {
            let top_y = hf * 0.2;
            let stripes = 8;
            for i in 0..stripes {
                let x0 = wf * 0.1 + i as f32 * wf * 0.8 / stripes as f32;
                let x1 = x0 + wf * 0.8 / stripes as f32;
                let color = if i % 2 == 0 { ink } else { [200., 30., 40.] };
                c.triangle(
                    (wf * 0.5, top_y),
                    (x0, hf * 0.85),
                    (x1, hf * 0.85),
                    color,
                    0.95,
                );
            }
            c.triangle(
                (wf * 0.5, top_y - 50.0),
                (wf * 0.5, top_y),
                (wf * 0.5 + 40.0, top_y - 30.0),
                ink,
                1.0,
            );
        }
        // Party: confetti around a mirror ball.
        _ => {
            for _ in 0..90 {
                let color = [
                    d.range(120.0, 255.0),
                    d.range(60.0, 255.0),
                    d.range(120.0, 255.0),
                ];
                c.rect(d.range(0.0, wf), d.range(0.0, hf), 10.0, 10.0, color, 0.85);
            }
            c.circle(wf * 0.5, hf * 0.3, 90.0, [220., 220., 235.], 0.95);
            c.circle(
                wf * 0.5 - 25.0,
                hf * 0.3 - 25.0,
                30.0,
                [255., 255., 255.],
                0.6,
            );
        }
    }
    c.jpeg()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_genre_gets_a_decodable_jpeg_of_the_poster_size() {
        for index in 0..PALETTES.len() {
            let bytes = demo_poster(index);
            assert!(bytes.starts_with(&[0xff, 0xd8, 0xff]), "genre {index}");
            assert!(bytes.len() < 80_000, "genre {index}: {} bytes", bytes.len());
            let img = image::load_from_memory(&bytes).expect("a JPEG");
            assert_eq!((img.width(), img.height()), POSTER_SIZE);
        }
    }

    #[test]
    fn the_same_show_gets_the_same_poster_and_genres_differ() {
        assert_eq!(demo_poster(3), demo_poster(3));
        assert_ne!(demo_poster(3), demo_poster(4));
        assert_ne!(demo_poster(1), demo_poster(10), "same genre, other show");
    }
}
