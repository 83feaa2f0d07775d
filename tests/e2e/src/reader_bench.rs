//! The e-reader's bench beside foliate-js and epub.js in one run (the bench's
//! `--ereader-only` section): the same book, cold loads (a new profile, the cache
//! disabled, the page's requests not through a service worker), Fast 4G (or loopback) and 4x CPU slowdown, every reader driven through one contract
//! (`tests/e2e/bench/contract.js`; our reader's side is `ours.js`, put into its page by the
//! bench). Figures: time to the first page, page turns (p50 and p95 of 20), laying out every
//! spine document in turn, epub.js's own whole-book locations, and script sizes. Medians
//! over [`RUNS`] runs after one warm-up run of each reader (which fills the servers' caches).

mod drive;
pub mod peers;
mod report;

pub use report::markdown;

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

pub use drive::Run;
use drive::{Target, cold_run};
use peers::PeerServer;

use crate::interactions::percentile;
use crate::member::Member;
use crate::{Browser, TestServer};

pub const RUNS: usize = 3;
pub const TURNS: usize = 20;
pub const FIRST_PAGE_BUDGET_MS: f64 = 600.0;
pub const TURN_P95_BUDGET_MS: f64 = 100.0;
pub const WHOLE_BOOK_BUDGET_MS: f64 = 1000.0;
pub const SCRIPT_BUDGET_BROTLI: u64 = 220 * 1024;

/// The book: the largest real book of `tests/fixtures/epub/books` by its text.
pub const BOOK: &str = "moby-dick.epub";
pub const WHY_THIS_BOOK: &str = "the largest real book of `tests/fixtures/epub/books` by its \
    text: 1.2 million characters in 144 spine documents; `accessible_epub_3.epub` is the larger \
    file (4.1 MB against 1.6 MB) but that is its images and fonts: 0.2 million characters in 22 \
    documents";

/// The e2e crate's folder (at run time first: worktrees share one target folder).
pub fn e2e_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

/// The bench's contract pages and scripts, and the peers' npm folder.
pub fn scripts_dir() -> PathBuf {
    e2e_dir().join("bench")
}

/// Bytes of script: as sent, gzip (level 9) and brotli (quality 11).
#[derive(Debug, Default, Clone, Copy, Serialize)]
pub struct ScriptSize {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// One reader's figures: every run and the medians.
#[derive(Debug, Serialize)]
pub struct ReaderFigures {
    pub reader: String,
    pub runs: Vec<Run>,
    pub errors: Vec<String>,
    pub first_page_ms: Option<f64>,
    pub first_frame_ms: Option<f64>,
    pub turn_p50_ms: Option<f64>,
    pub turn_p95_ms: Option<f64>,
    pub turn_frame_p50_ms: Option<f64>,
    pub turn_frame_p95_ms: Option<f64>,
    /// Every spine document laid out in turn (the extra `sections`).
    pub sections_ms: Option<f64>,
    pub sections_detail: Option<Value>,
    /// epub.js's `locations.generate(1600)`.
    pub locations_ms: Option<f64>,
    /// From the navigation's start to the whole book in pages (estimated where not laid
    /// out): ours and foliate-js at opening, epub.js by `locations.generate`.
    pub book_paged_ms: Option<f64>,
    pub script: ScriptSize,
    /// What the script size counts.
    pub script_files: Vec<String>,
}

/// The section: the book, each reader's figures, or why nothing was measured.
#[derive(Debug, Serialize)]
pub struct ReaderBench {
    pub book: &'static str,
    /// Whether the network was slowed to Fast 4G (`SUITE_READER_BENCH_NETWORK=loopback`: not).
    pub fast_4g: bool,
    pub readers: Vec<ReaderFigures>,
    pub error: Option<String>,
}

fn median(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let values: Vec<f64> = values.into_iter().collect();
    percentile(&values, 0.5)
}

fn extra_ms(runs: &[Run], name: &str) -> Option<f64> {
    median(
        runs.iter()
            .filter_map(|r| r.extras.get(name)?["ms"].as_f64()),
    )
}

fn figures(
    reader: &str,
    runs: Vec<Run>,
    errors: Vec<String>,
    script: (ScriptSize, Vec<String>),
) -> ReaderFigures {
    let per_run = |pick: fn(&Run) -> &Vec<Option<f64>>, share: f64| {
        median(runs.iter().filter_map(|r| {
            let values: Vec<f64> = pick(r).iter().flatten().copied().collect();
            percentile(&values, share)
        }))
    };
    ReaderFigures {
        reader: reader.to_string(),
        first_page_ms: median(runs.iter().map(|r| r.first_done_ms)),
        first_frame_ms: median(runs.iter().map(|r| r.first_frame_ms)),
        turn_p50_ms: per_run(|r| &r.turns_done_ms, 0.5),
        turn_p95_ms: per_run(|r| &r.turns_done_ms, 0.95),
        turn_frame_p50_ms: per_run(|r| &r.turns_frame_ms, 0.5),
        turn_frame_p95_ms: per_run(|r| &r.turns_frame_ms, 0.95),
        sections_ms: extra_ms(&runs, "sections"),
        sections_detail: runs.first().and_then(|r| r.extras.get("sections").cloned()),
        locations_ms: extra_ms(&runs, "locations"),
        book_paged_ms: median(runs.iter().filter_map(|r| r.book_paged_ms)).or_else(|| {
            // epub.js: its first page, then its whole-book step.
            let first = median(runs.iter().map(|r| r.first_done_ms))?;
            Some(first + extra_ms(&runs, "locations")?)
        }),
        script: script.0,
        script_files: script.1,
        runs,
        errors,
    }
}

/// Our reader's script: the e-reader bundle's wasm, JS and CSS as the server sends them
/// (the precompressed `.gz` and `.br` files beside each).
fn our_script(site: &Path) -> (ScriptSize, Vec<String>) {
    let dir = site.join("e-reader");
    let len = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut size = ScriptSize::default();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let path = entry.path();
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if !["wasm", "js", "css"].contains(&ext) {
            continue;
        }
        let with = |suffix: &str| PathBuf::from(format!("{}{suffix}", path.display()));
        size.raw += len(&path);
        size.gzip += len(&with(".gz"));
        size.brotli += len(&with(".br"));
        files.push(format!("e-reader/{}", entry.file_name().to_string_lossy()));
    }
    files.sort();
    (size, files)
}

/// A peer's script: the package files its page loaded, compressed here as the suite's own.
fn peer_script(server: &PeerServer, paths: Vec<String>) -> (ScriptSize, Vec<String>) {
    let mut size = ScriptSize::default();
    for path in &paths {
        let Some(bytes) = server.file(path).and_then(|f| std::fs::read(f).ok()) else {
            continue;
        };
        size.raw += bytes.len() as u64;
        size.gzip += xtask_compress::gzip(&bytes).map_or(0, |b| b.len() as u64);
        size.brotli += xtask_compress::brotli(&bytes).map_or(0, |b| b.len() as u64);
    }
    (size, paths)
}

/// How many runs are measured: [`RUNS`], or `SUITE_READER_BENCH_RUNS` (more runs for a
/// steadier median while working on a reader).
fn run_count() -> usize {
    crate::run_count("SUITE_READER_BENCH_RUNS", RUNS)
}

/// The warm-up run and [`run_count`] measured runs of one reader.
async fn runs_of(label: &str, target: &Target) -> (Vec<Run>, Vec<String>) {
    let mut runs = Vec::new();
    let mut errors = Vec::new();
    for run in 0..=run_count() {
        match cold_run(target, TURNS).await {
            Ok(r) if run > 0 => {
                eprintln!("  {label} run {run}: first page {:.0} ms", r.first_done_ms);
                runs.push(r);
            }
            Ok(_) => {}
            Err(e) => {
                eprintln!("  {label} run {run}: {e}");
                errors.push(format!("run {run}: {e}"));
            }
        }
    }
    (runs, errors)
}

/// The peers: name and version, contract page, extras.
const PEERS: [(&str, &str, &[&str]); 2] = [
    ("foliate-js 1.0.1", "/foliate.html", &["sections"]),
    ("epub.js 0.3.93", "/epubjs.html", &["sections", "locations"]),
];

/// The demo member's loan of the book on `server` (the demo imported it with the server's
/// importer): logs in and borrows through the API.
async fn our_loan(server: &TestServer) -> crate::Result<i64> {
    let browser = Browser::start(&server.url(""), 800, 600).await?;
    let loan = async {
        let member = Member::log_in(&browser).await?;
        let title = member.title_named(&browser, "Moby").await?;
        member.loan_of(&browser, title).await
    }
    .await;
    browser.close().await;
    loan
}

/// Measures our reader on `server` (built site `site`) and both peers.
/// Fast 4G unless `SUITE_READER_BENCH_NETWORK=loopback` (the peers' own harness measures
/// without a network slowdown: this compares with its figures).
pub async fn run(server: &TestServer, site: &Path) -> ReaderBench {
    let fast_4g = std::env::var("SUITE_READER_BENCH_NETWORK").as_deref() != Ok("loopback");
    // While working on the reader: `SUITE_READER_BENCH_OURS_ONLY=1` measures it alone,
    // `=quick` also leaves out laying out every document.
    let ours_only = std::env::var("SUITE_READER_BENCH_OURS_ONLY").ok();
    let mut bench = ReaderBench {
        book: BOOK,
        fast_4g,
        readers: Vec::new(),
        error: None,
    };
    let setup = async {
        let dir = scripts_dir();
        peers::install(&dir)?;
        let ours = std::fs::read_to_string(dir.join("ours.js"))
            .map_err(|e| format!("cannot read ours.js: {e}"))?;
        let book = e2e_dir().join("../fixtures/epub/books").join(BOOK);
        let peers = PeerServer::start(dir, book).await?;
        let loan = our_loan(server).await?;
        Ok::<_, String>((ours, peers, loan))
    };
    let (ours, peers, loan) = match setup.await {
        Ok(ready) => ready,
        Err(e) => {
            bench.error = Some(e);
            return bench;
        }
    };
    let target = Target {
        base: server.url(""),
        path: format!("/e-reader/?boek={loan}"),
        inject: Some(ours),
        loan: Some(loan),
        extras: if ours_only.as_deref() == Some("quick") {
            &[]
        } else {
            &["sections"]
        },
        fast_4g,
    };
    eprintln!("the e-reader on {BOOK} …");
    let (runs, errors) = runs_of("e-reader", &target).await;
    bench
        .readers
        .push(figures("e-reader (ours)", runs, errors, our_script(site)));
    let peers_too = ours_only.is_none();
    for (reader, page, extras) in PEERS.iter().filter(|_| peers_too) {
        eprintln!("{reader} on {BOOK} …");
        let target = Target {
            base: peers.base.clone(),
            path: format!("{page}?book=/book.epub"),
            inject: None,
            loan: None,
            extras,
            fast_4g,
        };
        peers.take_scripts();
        let (runs, errors) = runs_of(reader, &target).await;
        let script = peer_script(&peers, peers.take_scripts());
        bench.readers.push(figures(reader, runs, errors, script));
    }
    bench
}
