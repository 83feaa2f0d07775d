//! How a document is laid out in the frame (pages across, pages down for vertical
//! writing, one scroll, or a fixed-layout page scaled to fit), the size a fixed-layout
//! page asks for (its viewport), and which documents a page turn visits (the linear
//! ones: a non-linear document is reached by links only).

/// How the frame shows the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Flow {
    /// Pages side by side (CSS columns); `rtl` when the document's own direction is
    /// right to left, so its columns run to the left.
    #[default]
    Across,
    AcrossRtl,
    /// Vertical writing: its pages are columns one below the other.
    Down,
    /// The scroll view: one long document.
    Scroll,
    /// A fixed-layout page: one page, scaled to fit the frame.
    Fixed,
}

impl Flow {
    /// The flow of a document: fixed layout first, then vertical writing (always in
    /// pages), then the reader's choice of scrolling, then pages in the text's direction.
    pub(crate) fn of(fixed: bool, vertical: bool, scroll: bool, rtl: bool) -> Flow {
        match (fixed, vertical, scroll, rtl) {
            (true, ..) => Flow::Fixed,
            (false, true, ..) => Flow::Down,
            (false, false, true, _) => Flow::Scroll,
            (false, false, false, true) => Flow::AcrossRtl,
            (false, false, false, false) => Flow::Across,
        }
    }
}

/// Whether a computed `writing-mode` is vertical (`vertical-rl`, `vertical-lr`,
/// `sideways-*`, and the old `tb-rl`).
pub(crate) fn is_vertical(writing_mode: &str) -> bool {
    let mode = writing_mode.trim();
    mode.starts_with("vertical") || mode.starts_with("sideways") || mode.starts_with("tb")
}

/// The size a fixed-layout page declares in `<meta name="viewport" content="width=1200,
/// height=1600">` (separators `,` or `;`, spaces allowed); `None` without both.
pub(crate) fn viewport(content: &str) -> Option<(f64, f64)> {
    let mut size = (None, None);
    for part in content.split([',', ';']) {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_end_matches("px").parse::<f64>().ok();
        let value = value.filter(|v| v.is_finite() && *v >= 1.0 && *v <= 100_000.0);
        match key.trim().to_ascii_lowercase().as_str() {
            "width" => size.0 = value,
            "height" => size.1 = value,
            _ => {}
        }
    }
    Some((size.0?, size.1?))
}

/// How a page of `page` size fits a frame of `frame` size whole: its scale and where its
/// top left corner goes to be centred.
pub(crate) fn fit(page: (f64, f64), frame: (f64, f64)) -> (f64, f64, f64) {
    if page.0 <= 0.0 || page.1 <= 0.0 || frame.0 <= 0.0 || frame.1 <= 0.0 {
        return (1.0, 0.0, 0.0);
    }
    let scale = (frame.0 / page.0).min(frame.1 / page.1);
    (
        scale,
        (frame.0 - page.0 * scale) / 2.0,
        (frame.1 - page.1 * scale) / 2.0,
    )
}

/// The next document a page turn reaches after `spine`: the next linear one.
pub(crate) fn next_linear(spine: usize, linear: &[bool]) -> Option<usize> {
    (spine + 1..linear.len()).find(|&i| linear[i])
}

/// The document a page turn back reaches before `spine`: the previous linear one.
pub(crate) fn previous_linear(spine: usize, linear: &[bool]) -> Option<usize> {
    (0..spine.min(linear.len())).rev().find(|&i| linear[i])
}

/// The document to load ahead while `spine` is shown: the one a turn reaches next the way
/// the reader last crossed into another document (`back`: toward the book's start), else
/// the one the other way.
pub(crate) fn ahead_of(spine: usize, linear: &[bool], back: bool) -> Option<usize> {
    if back {
        previous_linear(spine, linear).or_else(|| next_linear(spine, linear))
    } else {
        next_linear(spine, linear).or_else(|| previous_linear(spine, linear))
    }
}

/// The documents to load ahead while `spine` is shown, the first most wanted: the one a
/// turn reaches next ([`ahead_of`]) and the one after it the same way, so that turning
/// on through short documents finds the next one there too.
pub(crate) fn ahead_of_two(spine: usize, linear: &[bool], back: bool) -> Vec<usize> {
    let Some(first) = ahead_of(spine, linear, back) else {
        return Vec::new();
    };
    // The way the first lies from `spine` (the other way at an end of the book).
    let after = if first < spine {
        previous_linear(first, linear)
    } else {
        next_linear(first, linear)
    };
    std::iter::once(first).chain(after).collect()
}

/// Where a book opens without a saved place: its first linear document (a cover or
/// notes marked non-linear are skipped), else the first.
pub(crate) fn first_linear(linear: &[bool]) -> usize {
    linear.iter().position(|&l| l).unwrap_or(0)
}
