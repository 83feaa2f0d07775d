//! Bar charts as plain numbers: where each bar of a grouped bar chart stands and how tall
//! it is, so the drawing (`suite_ui::chart`) stays a thin loop and the scale is tested
//! here. A chart is never the only way to read its numbers: every back-office shows the
//! same numbers in a table beside it.

/// The height of the tallest bar, in SVG user units (the SVG stretches to its box).
pub const CHART_HEIGHT: u64 = 100;

/// The width of one group's slot and of each of its bars, in SVG user units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub slot: u64,
    pub bar_width: u64,
}

/// One bar: its group and series, its value, its left edge and its height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub group: usize,
    pub series: usize,
    pub value: u64,
    pub x: u64,
    pub height: u64,
}

/// The bars of a chart, its width and its highest value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bars {
    pub bars: Vec<Bar>,
    pub width: u64,
    pub most: u64,
}

/// Places the bars of `groups` (each group's values, one per series, side by side in its
/// slot, the slot's bars centred), scaled to the highest value and rounded up, so any
/// value above zero shows.
pub fn place(groups: &[Vec<u64>], layout: Layout) -> Bars {
    let most = groups.iter().flatten().copied().max().unwrap_or(0);
    let mut bars = Vec::new();
    for (group, values) in groups.iter().enumerate() {
        let used = layout.bar_width * values.len() as u64;
        let left = group as u64 * layout.slot + layout.slot.saturating_sub(used) / 2;
        for (series, &value) in values.iter().enumerate() {
            bars.push(Bar {
                group,
                series,
                value,
                x: left + series as u64 * layout.bar_width,
                height: match most {
                    0 => 0,
                    most => (value.min(most) * CHART_HEIGHT).div_ceil(most),
                },
            });
        }
    }
    Bars {
        bars,
        width: (groups.len() as u64).max(1) * layout.slot,
        most,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: Layout = Layout {
        slot: 10,
        bar_width: 7,
    };

    #[test]
    fn bars_scale_to_the_highest_and_small_ones_still_show() {
        let placed = place(&[vec![0], vec![1], vec![400], vec![200]], ONE);
        let heights: Vec<u64> = placed.bars.iter().map(|b| b.height).collect();
        assert_eq!(heights, [0, 1, CHART_HEIGHT, 50]);
        assert_eq!(placed.most, 400);
        assert_eq!(placed.width, 40);
        let xs: Vec<u64> = placed.bars.iter().map(|b| b.x).collect();
        assert_eq!(xs, [1, 11, 21, 31], "centred in their slots");
    }

    #[test]
    fn series_stand_side_by_side_in_their_group() {
        let two = Layout {
            slot: 20,
            bar_width: 8,
        };
        let placed = place(&[vec![3, 1], vec![0, 6]], two);
        let got: Vec<(usize, usize, u64, u64)> = placed
            .bars
            .iter()
            .map(|b| (b.group, b.series, b.x, b.height))
            .collect();
        assert_eq!(
            got,
            [
                (0, 0, 2, 50),
                (0, 1, 10, 17),
                (1, 0, 22, 0),
                (1, 1, 30, 100)
            ]
        );
    }

    #[test]
    fn an_empty_chart_has_no_bars_and_one_slot() {
        let placed = place(&[], ONE);
        assert!(placed.bars.is_empty());
        assert_eq!((placed.width, placed.most), (10, 0));
        let zeros = place(&[vec![0, 0]], ONE);
        assert!(zeros.bars.iter().all(|b| b.height == 0));
    }
}
