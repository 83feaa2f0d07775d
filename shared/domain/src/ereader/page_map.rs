//! The whole book in pages before every document has been laid out: each document's
//! page count is known once the reader laid it out, and estimated for the others from
//! its text length at the characters per page measured in the documents laid out so
//! far (what epub.js's `locations` and foliate-js's progress do with text sizes). The
//! member sees "page 57 of about 640" from the first page on.

/// Documents with less text than this say little about a page's characters (a title
/// page, a picture): they do not set the measure.
pub const MIN_MEASURED_CHARS: u32 = 400;

/// What the reader knows of the book's documents, in spine order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMap {
    /// The visible text length of each document (`SpineEntry::chars`).
    chars: Vec<u32>,
    /// Which documents a page turn visits.
    linear: Vec<bool>,
    /// Fixed-layout documents: one page each.
    fixed: Vec<bool>,
    /// The page count of each document laid out at the current settings and size.
    laid_out: Vec<Option<u32>>,
}

/// Where the reader is in the whole book.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BookPage {
    /// 1-based page in the book; `None` in a document outside the reading order.
    pub page: Option<u32>,
    pub pages: u32,
    /// Every document's page count is known (none estimated).
    pub exact: bool,
}

impl PageMap {
    /// A map of documents with their text lengths, linear and fixed flags (one each).
    pub fn new(chars: Vec<u32>, linear: Vec<bool>, fixed: Vec<bool>) -> PageMap {
        let n = chars.len();
        PageMap {
            laid_out: vec![None; n],
            linear: pad(linear, n, true),
            fixed: pad(fixed, n, false),
            chars,
        }
    }

    /// Document `spine` has `pages` pages at the current settings and size.
    pub fn laid_out(&mut self, spine: usize, pages: u32) {
        if let Some(slot) = self.laid_out.get_mut(spine) {
            *slot = Some(pages.max(1));
        }
    }

    /// The settings or the size changed: every count is to be measured again.
    pub fn forget(&mut self) {
        self.laid_out.fill(None);
    }

    /// Characters per page measured in the documents laid out with enough text.
    pub fn chars_per_page(&self) -> Option<f64> {
        let (chars, pages) = self
            .laid_out
            .iter()
            .zip(&self.chars)
            .zip(&self.fixed)
            .filter_map(|((laid, &chars), &fixed)| match laid {
                Some(pages) if !fixed && chars >= MIN_MEASURED_CHARS => Some((chars, *pages)),
                _ => None,
            })
            .fold((0u64, 0u64), |(c, p), (chars, pages)| {
                (c + u64::from(chars), p + u64::from(pages))
            });
        (pages > 0).then(|| chars as f64 / pages as f64)
    }

    /// Pages of document `spine`: measured, or estimated at `per_page`.
    fn pages_of(&self, spine: usize, per_page: Option<f64>) -> u32 {
        if let Some(Some(pages)) = self.laid_out.get(spine) {
            return *pages;
        }
        if self.fixed.get(spine).copied().unwrap_or(false) {
            return 1;
        }
        let chars = f64::from(self.chars.get(spine).copied().unwrap_or(0));
        match per_page {
            Some(per_page) if per_page > 0.0 => ((chars / per_page).ceil() as u32).max(1),
            _ => 1,
        }
    }

    /// Page `page` (0-based) of document `spine`, in the whole book of linear documents.
    pub fn book_page(&self, spine: usize, page: u32) -> BookPage {
        let per_page = self.chars_per_page();
        let mut before = 0u32;
        let mut pages = 0u32;
        let mut exact = true;
        for i in 0..self.chars.len() {
            if !self.linear[i] {
                continue;
            }
            let count = self.pages_of(i, per_page);
            exact &= self.laid_out[i].is_some() || self.fixed[i];
            if i < spine {
                before += count;
            }
            pages += count;
        }
        let here = self.linear.get(spine).copied().unwrap_or(false);
        let page = here.then(|| before + page.min(self.pages_of(spine, per_page) - 1) + 1);
        BookPage {
            page,
            pages: pages.max(1),
            exact,
        }
    }
}

/// `flags` as long as the documents, missing ones `default`.
fn pad(mut flags: Vec<bool>, n: usize, default: bool) -> Vec<bool> {
    flags.resize(n, default);
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn map() -> PageMap {
        // A cover outside the reading order, a title page, three chapters.
        PageMap::new(
            vec![0, 20, 3_000, 6_000, 1_500],
            vec![false, true, true, true, true],
            vec![false; 5],
        )
    }

    #[test]
    fn before_any_layout_every_document_counts_one_page() {
        let at = map().book_page(1, 0);
        assert_eq!(
            at,
            BookPage {
                page: Some(1),
                pages: 4,
                exact: false
            }
        );
        assert_eq!(map().chars_per_page(), None);
    }

    #[test]
    fn one_chapter_laid_out_sets_the_measure_for_the_others() {
        let mut map = map();
        map.laid_out(2, 3); // 3,000 characters on 3 pages: 1,000 a page.
        assert_eq!(map.chars_per_page(), Some(1_000.0));
        // Title page 1 (too little text to measure, estimated 1), chapter 3, then 6 and 2.
        assert_eq!(
            map.book_page(2, 1),
            BookPage {
                page: Some(3),
                pages: 12,
                exact: false
            }
        );
        assert_eq!(map.book_page(4, 0).page, Some(11));
    }

    #[test]
    fn a_title_page_does_not_set_the_measure() {
        let mut map = map();
        map.laid_out(1, 1);
        assert_eq!(map.chars_per_page(), None);
    }

    #[test]
    fn every_document_laid_out_is_exact_and_forgetting_estimates_again() {
        let mut map = map();
        for (spine, pages) in [(1, 1), (2, 4), (3, 7), (4, 2)] {
            map.laid_out(spine, pages);
        }
        let at = map.book_page(3, 6);
        assert_eq!(
            at,
            BookPage {
                page: Some(12),
                pages: 14,
                exact: true
            }
        );
        map.forget();
        assert!(!map.book_page(3, 0).exact);
    }

    #[test]
    fn outside_the_reading_order_there_is_no_page_in_the_book() {
        let at = map().book_page(0, 0);
        assert_eq!(at.page, None);
        assert_eq!(at.pages, 4);
    }

    #[test]
    fn fixed_layout_documents_are_one_page_each() {
        let map = PageMap::new(vec![0, 0, 0], vec![true; 3], vec![true; 3]);
        let at = map.book_page(2, 0);
        assert_eq!(
            at,
            BookPage {
                page: Some(3),
                pages: 3,
                exact: true
            }
        );
    }

    proptest! {
        /// Whatever is laid out, the page in the book lies within the book, and
        /// turning a page forward in a document never goes back in the book.
        #[test]
        fn the_page_lies_in_the_book(
            docs in proptest::collection::vec((0u32..50_000, any::<bool>(), 0u32..40, any::<bool>()), 1..30),
            spine in 0usize..30,
            page in 0u32..60,
        ) {
            let chars = docs.iter().map(|d| d.0).collect();
            let linear = docs.iter().map(|d| d.1).collect();
            let mut map = PageMap::new(chars, linear, vec![false; docs.len()]);
            for (i, d) in docs.iter().enumerate() {
                if d.3 {
                    map.laid_out(i, d.2);
                }
            }
            let spine = spine % docs.len();
            let at = map.book_page(spine, page);
            if let Some(p) = at.page {
                prop_assert!(p >= 1 && p <= at.pages);
                let next = map.book_page(spine, page + 1).page.expect("a linear document has pages");
                prop_assert!(next >= p);
            } else {
                prop_assert!(!docs[spine].1);
            }
        }
    }
}
