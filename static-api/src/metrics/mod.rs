//! What operators measure, at `GET /metrics` in Prometheus' text format: requests per
//! route (method, status class) with latency histograms, import runs by kind and outcome,
//! and the database pool. Also the one log line per request.
//!
//! Routes are labelled by the router's pattern (`MatchedPath`, e.g.
//! `/api/orgs/{kind}/{id}`), never by the requested path, so the number of series stays
//! bounded whatever clients ask; requests no route matched (the built apps' files, pages
//! and unknown paths, which the site's fallback answers) count under one label,
//! [`UNMATCHED`]. `/metrics` answers only clients from `--metrics-from` (loopback by
//! default), read behind trusted proxies as every client address is; everyone else gets
//! the site's usual 404.

mod text;

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use suite_domain::import::ImportReport;

use crate::AppState;
use crate::db::PoolStats;
use crate::net::ClientIp;

/// The route label of requests no route matched.
pub const UNMATCHED: &str = "unmatched";

/// Upper bounds of the latency histogram's buckets, in seconds (`+Inf` is the count).
pub const LATENCY_BUCKETS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The methods with a label of their own; any other counts as `other`.
const METHODS: [&str; 8] = [
    "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "other",
];

fn method_index(method: &Method) -> usize {
    METHODS
        .iter()
        .position(|m| *m == method.as_str())
        .unwrap_or(METHODS.len() - 1)
}

/// The counters of one method on one route.
#[derive(Debug, Default)]
struct MethodStats {
    /// Answers by status class: 1xx to 5xx.
    by_class: [AtomicU64; 5],
    /// Requests per latency bucket (not cumulative; the last is above every bound).
    buckets: [AtomicU64; LATENCY_BUCKETS.len() + 1],
    /// The sum of the latencies, in microseconds.
    sum_micros: AtomicU64,
}

impl MethodStats {
    fn record(&self, status: StatusCode, latency: Duration) {
        let class = usize::from(status.as_u16() / 100).clamp(1, 5) - 1;
        self.by_class[class].fetch_add(1, Ordering::Relaxed);
        let seconds = latency.as_secs_f64();
        let bucket = LATENCY_BUCKETS
            .iter()
            .position(|bound| seconds <= *bound)
            .unwrap_or(LATENCY_BUCKETS.len());
        self.buckets[bucket].fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(latency.as_micros()).unwrap_or(u64::MAX);
        self.sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    fn count(&self) -> u64 {
        self.buckets.iter().map(|b| b.load(Ordering::Relaxed)).sum()
    }
}

/// The counters of one route, per method.
#[derive(Debug, Default)]
struct RouteStats {
    methods: [MethodStats; METHODS.len()],
}

/// Every counter of this process; shared by the router's layers and `/metrics`.
#[derive(Debug)]
pub struct Metrics {
    started: Instant,
    routes: RwLock<HashMap<String, Arc<RouteStats>>>,
    /// Import runs by (kind, outcome).
    imports: Mutex<BTreeMap<(String, &'static str), u64>>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self {
            started: Instant::now(),
            routes: RwLock::default(),
            imports: Mutex::default(),
        }
    }
}

impl Metrics {
    /// Counts one answered request of `route` (a router pattern or [`UNMATCHED`]).
    pub fn record_request(
        &self,
        method: &Method,
        route: &str,
        status: StatusCode,
        latency: Duration,
    ) {
        let known = self
            .routes
            .read()
            .ok()
            .and_then(|routes| routes.get(route).cloned());
        let stats = match known {
            Some(stats) => stats,
            None => match self.routes.write() {
                Ok(mut routes) => Arc::clone(routes.entry(route.to_string()).or_default()),
                // A thread panicked while holding the lock: counting stops, serving goes on.
                Err(_) => return,
            },
        };
        stats.methods[method_index(method)].record(status, latency);
    }

    /// Counts one import run of `kind` by its report: `failed` when nothing was
    /// imported, `partial` when records were skipped, otherwise `ok`.
    pub fn record_import(&self, kind: &str, report: &ImportReport) {
        let outcome = if report.failed() {
            "failed"
        } else if report.skipped.is_empty() {
            "ok"
        } else {
            "partial"
        };
        if let Ok(mut imports) = self.imports.lock() {
            *imports.entry((kind.to_string(), outcome)).or_default() += 1;
        }
    }

    /// The counters in Prometheus' text format, with the pool's figures of now.
    pub fn render(&self, pool: PoolStats) -> String {
        let mut out = text::Writer::default();
        out.gauge(
            "suite_build_info",
            "The server's version (always 1).",
            &[(&[("version", env!("CARGO_PKG_VERSION"))], 1.0)],
        );
        out.gauge(
            "suite_uptime_seconds",
            "Seconds since this process started.",
            &[(&[], self.started.elapsed().as_secs_f64())],
        );
        self.render_requests(&mut out);
        let imports: Vec<((String, &'static str), u64)> = self
            .imports
            .lock()
            .map(|i| i.iter().map(|(k, v)| (k.clone(), *v)).collect())
            .unwrap_or_default();
        out.header(
            "suite_import_runs_total",
            "counter",
            "Import runs recorded by this process, by kind and outcome (ok, partial: records skipped, failed: nothing imported).",
        );
        for ((kind, outcome), n) in &imports {
            out.sample(
                "suite_import_runs_total",
                &[("kind", kind), ("outcome", outcome)],
                *n as f64,
            );
        }
        out.gauge(
            "suite_db_pool_connections",
            "Connections the database pool holds open now.",
            &[(&[], f64::from(pool.size))],
        );
        out.gauge(
            "suite_db_pool_idle_connections",
            "Open connections of the pool that no request uses now.",
            &[(&[], pool.idle as f64)],
        );
        out.gauge(
            "suite_db_pool_max_connections",
            "The most connections the pool opens.",
            &[(&[], f64::from(pool.max))],
        );
        out.finish()
    }

    fn render_requests(&self, out: &mut text::Writer) {
        let mut routes: Vec<(String, Arc<RouteStats>)> = self
            .routes
            .read()
            .map(|r| r.iter().map(|(k, v)| (k.clone(), Arc::clone(v))).collect())
            .unwrap_or_default();
        routes.sort_by(|a, b| a.0.cmp(&b.0));
        let answered = || {
            routes.iter().flat_map(|(route, stats)| {
                METHODS
                    .iter()
                    .zip(&stats.methods)
                    .filter(|(_, m)| m.count() > 0)
                    .map(move |(method, m)| (route.as_str(), *method, m))
            })
        };
        let name = "suite_http_requests_total";
        out.header(
            name,
            "counter",
            "Answered requests by route pattern, method and status class.",
        );
        const CLASSES: [&str; 5] = ["1xx", "2xx", "3xx", "4xx", "5xx"];
        for (route, method, stats) in answered() {
            for (class, n) in CLASSES.iter().zip(&stats.by_class) {
                let n = n.load(Ordering::Relaxed);
                if n > 0 {
                    let labels = [("route", route), ("method", method), ("status", class)];
                    out.sample(name, &labels, n as f64);
                }
            }
        }
        let name = "suite_http_request_duration_seconds";
        out.header(
            name,
            "histogram",
            "Time from a request's arrival until its answer's headers, by route pattern and method.",
        );
        for (route, method, stats) in answered() {
            let labels = [("route", route), ("method", method)];
            let counts: Vec<u64> = stats
                .buckets
                .iter()
                .map(|b| b.load(Ordering::Relaxed))
                .collect();
            let sum = stats.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
            out.histogram(name, &labels, &LATENCY_BUCKETS, &counts, sum);
        }
    }
}

/// Counts every request by its route pattern and logs one line for it: method, route,
/// status and latency; never the path with its query, nor the client's address.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let response = next.run(request).await;
    let latency = started.elapsed();
    let route = route.as_ref().map_or(UNMATCHED, MatchedPath::as_str);
    let status = response.status();
    state
        .metrics
        .record_request(&method, route, status, latency);
    let latency_ms = (latency.as_secs_f64() * 1e6).round() / 1e3;
    tracing::info!(
        target: "static_api::request",
        method = METHODS[method_index(&method)],
        route,
        status = status.as_u16(),
        latency_ms,
        "request"
    );
    response
}

/// `GET /metrics`: the counters, for clients from `--metrics-from` only; everyone else
/// gets the site's 404, as if there were nothing here.
pub async fn serve_metrics(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    method: Method,
) -> Response {
    let allowed = client.is_some_and(|ip| state.config.metrics_from.contains(ip));
    if !allowed {
        return crate::site::not_found();
    }
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let body = state.metrics.render(state.db.pool_stats());
    (
        [
            (
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            ),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_counted_per_route_method_and_class_with_cumulative_buckets() {
        let metrics = Metrics::default();
        let ms = Duration::from_millis;
        metrics.record_request(&Method::GET, "/api/health", StatusCode::OK, ms(3));
        metrics.record_request(&Method::GET, "/api/health", StatusCode::OK, ms(30));
        metrics.record_request(
            &Method::GET,
            "/api/health",
            StatusCode::SERVICE_UNAVAILABLE,
            ms(2_000),
        );
        metrics.record_request(
            &Method::from_bytes(b"FOO").expect("a method"),
            UNMATCHED,
            StatusCode::METHOD_NOT_ALLOWED,
            Duration::from_secs(60),
        );
        let text = metrics.render(PoolStats {
            size: 2,
            idle: 1,
            max: 8,
        });
        for line in [
            r#"suite_http_requests_total{route="/api/health",method="GET",status="2xx"} 2"#,
            r#"suite_http_requests_total{route="/api/health",method="GET",status="5xx"} 1"#,
            r#"suite_http_requests_total{route="unmatched",method="other",status="4xx"} 1"#,
            r#"suite_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="0.001"} 0"#,
            r#"suite_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="0.005"} 1"#,
            r#"suite_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="0.05"} 2"#,
            r#"suite_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="2.5"} 3"#,
            r#"suite_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="+Inf"} 3"#,
            r#"suite_http_request_duration_seconds_sum{route="/api/health",method="GET"} 2.033"#,
            r#"suite_http_request_duration_seconds_count{route="/api/health",method="GET"} 3"#,
            r#"suite_http_request_duration_seconds_bucket{route="unmatched",method="other",le="10"} 0"#,
            r#"suite_http_request_duration_seconds_bucket{route="unmatched",method="other",le="+Inf"} 1"#,
            "suite_db_pool_connections 2",
            "suite_db_pool_idle_connections 1",
            "suite_db_pool_max_connections 8",
            "# TYPE suite_http_request_duration_seconds histogram",
        ] {
            assert!(text.lines().any(|l| l == line), "{line} missing in\n{text}");
        }
        assert!(!text.contains("method=\"POST\""), "no empty series");
    }

    #[test]
    fn imports_are_counted_by_kind_and_outcome() {
        let metrics = Metrics::default();
        let mut ok = ImportReport::new("catalogue");
        ok.imported = 3;
        let mut partial = ok.clone();
        partial.skip("record 7", "no title");
        let failed = ImportReport::new("catalogue");
        for report in [&ok, &ok, &partial, &failed] {
            metrics.record_import("catalogue", report);
        }
        metrics.record_import("events", &ok);
        let text = metrics.render(PoolStats::default());
        for line in [
            r#"suite_import_runs_total{kind="catalogue",outcome="ok"} 2"#,
            r#"suite_import_runs_total{kind="catalogue",outcome="partial"} 1"#,
            r#"suite_import_runs_total{kind="catalogue",outcome="failed"} 1"#,
            r#"suite_import_runs_total{kind="events",outcome="ok"} 1"#,
        ] {
            assert!(text.lines().any(|l| l == line), "{line} missing in\n{text}");
        }
    }
}
