//! The reader bench's report in Markdown.

use super::drive::CPU_SLOWDOWN;
use super::{
    BOOK, FIRST_PAGE_BUDGET_MS, ReaderBench, SCRIPT_BUDGET_BROTLI, TURN_P95_BUDGET_MS,
    WHOLE_BOOK_BUDGET_MS, WHY_THIS_BOOK, run_count,
};
use crate::{kb, ms};

/// The report's section.
pub fn markdown(bench: &ReaderBench, commit: &str) -> String {
    let network = if bench.fast_4g {
        "Fast 4G (9 Mbit/s down, 1.5 up, 60 ms)"
    } else {
        "loopback without a network slowdown (`SUITE_READER_BENCH_NETWORK=loopback`)"
    };
    let runs = run_count();
    let mut md = format!(
        "\n## E-reader beside foliate-js and epub.js\n\nBook: `{BOOK}`, {WHY_THIS_BOOK}. Every \
         run a cold load (a new browser profile, cache disabled; turned on once the first page is \
         shown, as a reading session has it; the page's requests bypass our app's service \
         worker, whose own fetches the emulated network would not slow), {network} and \
         {CPU_SLOWDOWN}x CPU slowdown, 1280x800, from the book's start (our loan's saved \
         position is set back to it), one warm-up run then the median \
         of {runs}; commit `{commit}`. Each reader is driven through one contract \
         (`tests/e2e/bench/`): ours through its own page with `ours.js` put in by the bench \
         (the app has no hook), the peers (installed from npm, pinned, never shipped) on \
         adapter pages on a loopback server that sends brotli as ours does. Ours fetches the \
         shown document from the server; the peers fetch the whole EPUB first.\n\n\
         | reader | first page | next frame | turn p50 | turn p95 | turn p95 to frame | whole book in pages | every document laid out | script brotli | script gzip |\n\
         |---|---|---|---|---|---|---|---|---|---|\n"
    );
    if let Some(e) = &bench.error {
        md.push_str(&format!("\nNot measured: {e}\n"));
        return md;
    }
    for r in &bench.readers {
        md.push_str(&format!(
            "| {} | **{}** | {} | {} | **{}** | {} | **{}** | {} | **{}** | {} |\n",
            r.reader,
            ms(r.first_page_ms),
            ms(r.first_frame_ms),
            ms(r.turn_p50_ms),
            ms(r.turn_p95_ms),
            ms(r.turn_frame_p95_ms),
            ms(r.book_paged_ms),
            ms(r.sections_ms),
            kb(r.script.brotli),
            kb(r.script.gzip),
        ));
    }
    md.push_str(&format!(
        "| budget (ours) | {FIRST_PAGE_BUDGET_MS:.0} ms | | | {TURN_P95_BUDGET_MS:.0} ms | | {WHOLE_BOOK_BUDGET_MS:.0} ms | | {} | |\n",
        kb(SCRIPT_BUDGET_BROTLI)
    ));
    md.push_str(
        "\nFirst page: from the navigation's start to the first page shown (ours: the first \
         spine document laid out in the frame and scrolled to its page; foliate-js: its last \
         `relocate` of `renderer.next()`; epub.js: `rendition.display()` resolved); next frame: \
         after the frame drawn next. A turn: from the call (ours: a click on `#er-next`) to the \
         page shown, p50 and p95 of 20 per run from the book's first page, so crossings into \
         the next document are among them. \"Whole book in pages\": from the navigation's \
         start until the reader knows the whole book's pages: ours shows the book's page count \
         (`#er-bookpage`) from its first page on, each document not yet laid out estimated from \
         its text length (the server sends each document's characters) at the characters per \
         page measured in the documents laid out; foliate-js's first `relocate` carries its \
         locations' total (from the sections' sizes); epub.js: its first page and then \
         `locations.generate(1600)`, its whole-book step (1600 characters a location). \
         \"Every document laid out\": no reader here lays the \
         whole book out up front (ours lays out the document it opens and counts its pages \
         then), so this is each spine document opened and laid out in turn, which is what \
         knowing every document's page count costs: ours through its contents (a click on each \
         entry to that document laid out, its content fetched from the server), \
         foliate-js `view.goTo(i)` and epub.js `rendition.display(i)` over every section.\n",
    );
    for r in &bench.readers {
        if let Some(detail) = &r.sections_detail {
            md.push_str(&format!(
                "\n- {} — every document laid out: {detail}",
                r.reader
            ));
        }
        if let Some(l) = r.locations_ms {
            md.push_str(&format!(
                "\n- {} — its own whole-book step, `locations.generate(1600)`: **{}**",
                r.reader,
                ms(Some(l))
            ));
        }
        md.push_str(&format!(
            "\n- {} — script counted ({} raw): {}",
            r.reader,
            kb(r.script.raw),
            r.script_files.join(", ")
        ));
        for e in &r.errors {
            md.push_str(&format!("\n- {} — error: {e}", r.reader));
        }
        let firsts: Vec<String> = r
            .runs
            .iter()
            .map(|x| format!("{:.0}", x.first_done_ms))
            .collect();
        md.push_str(&format!(
            "\n- {} — first page per run (ms): {}",
            r.reader,
            firsts.join(", ")
        ));
    }
    md.push('\n');
    md
}
