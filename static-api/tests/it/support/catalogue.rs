//! A stand-in for the Cultuurconnect catalogue on loopback that replays the real sample
//! responses of `tests/fixtures/catalogue/` (see PROVENANCE.md there): the search sample
//! as pages of `pagesize`, details, availability, and the 401 error sample for a wrong
//! key; plus cover images. It records every request and can be told to fail.
//!
//! The samples hold only adult books, so one children's record is made from the
//! details sample by changing its audience to `vanaf 9-11 jaar` and its genre to
//! `Detectives` (the adventure theme); it is the last search result and the only one
//! whose details are served.

use std::collections::HashMap;
use std::io::Cursor;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::extract::{Query, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use static_api::import::live::{ApiKey, LiveClient, LiveConfig};

/// The key the stand-in accepts.
pub(crate) const KEY: &str = "loopback-test-key-0042";
/// The children's record made from the details sample.
pub(crate) const KID_ID: &str = "|library/marc/vlacc|10438540";
/// Ids of the two (adult) results of the search sample.
pub(crate) const ADULT_IDS: [&str; 2] =
    ["|library/marc/vlacc|6967964", "|library/marc/vlacc|7482417"];

pub(crate) fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/catalogue")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn replaced(text: String, old: &str, new: &str) -> String {
    assert!(text.contains(old), "the sample no longer holds {old:?}");
    text.replacen(old, new, 1)
}

/// The details sample made a children's adventure book, with `cover` as its cover URL.
pub(crate) fn kid_details(cover: Option<&str>) -> String {
    let xml = replaced(
        fixture("details.xml"),
        r#"raw="ageAdults">Volwassenen</target-audience>"#,
        r#"raw="">vanaf 9-11 jaar</target-audience>"#,
    );
    let xml = replaced(
        xml,
        r#"search-type="searcher">Romans</genre>"#,
        r#"search-type="searcher">Detectives</genre>"#,
    );
    match cover {
        Some(url) => replaced(
            xml,
            "  <subjects>",
            &format!(
                "  <coverimages><coverimage><url>{url}</url></coverimage></coverimages>\n  <subjects>"
            ),
        ),
        None => xml,
    }
}

/// The same record as a `<result>` of a search (a details body holds every element a
/// search result has).
fn kid_result(cover: Option<&str>) -> String {
    let xml = kid_details(cover);
    let start = xml
        .find("</meta>")
        .map(|i| i + "</meta>".len())
        .expect("meta");
    let end = xml.rfind("</aquabrowser>").expect("root end");
    format!("<result>{}</result>", &xml[start..end])
}

/// Page `page` (from 1) of `size` results: the search sample's two results, then the
/// children's record; `<count>` and `<page>` set to match.
pub(crate) fn search_page(page: usize, size: usize, cover: Option<&str>) -> String {
    let sample = fixture("search.xml");
    let open = sample.find("<results>").expect("<results>");
    let close = sample.find("</results>").expect("</results>");
    let mut results: Vec<String> = sample[open + "<results>".len()..close]
        .split_inclusive("</result>")
        .filter(|r| r.contains("<result>"))
        .map(|r| r.trim().to_string())
        .collect();
    assert_eq!(results.len(), 2, "the search sample has two results");
    results.push(kid_result(cover));
    let head = replaced(
        sample[..open].to_string(),
        "<count>33</count>",
        &format!("<count>{}</count>", results.len()),
    );
    let head = replaced(head, "<page>1</page>", &format!("<page>{page}</page>"));
    let on_page: String = results
        .iter()
        .skip((page.max(1) - 1) * size)
        .take(size)
        .cloned()
        .collect();
    format!(
        "{head}<results>{on_page}</results>{}",
        &sample[close + "</results>".len()..]
    )
}

/// A PNG of `width` x `height`.
pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([20, 90, 160]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .expect("encode png");
    out
}

/// How the stand-in misbehaves; endpoints are `search`, `details`, `availability`, `covers`.
#[derive(Default)]
pub(crate) struct Plan {
    /// Answer every request to the endpoint with this status and body.
    pub(crate) reply: HashMap<&'static str, (StatusCode, String)>,
    /// Answer this many first requests to the endpoint with a 503.
    pub(crate) fail_first: HashMap<&'static str, u32>,
    /// Wait this long before answering the endpoint.
    pub(crate) delay: HashMap<&'static str, Duration>,
    /// The children's record's cover, a path on the stand-in such as `/covers/good.png`.
    pub(crate) cover_path: Option<String>,
}

/// One request the stand-in received.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub(crate) profile: String,
    pub(crate) endpoint: String,
    pub(crate) query: HashMap<String, String>,
}

struct Shared {
    addr: SocketAddr,
    plan: Mutex<Plan>,
    hits: Mutex<Vec<Hit>>,
}

/// The stand-in, serving until dropped.
pub(crate) struct FakeCatalogue {
    pub(crate) addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeCatalogue {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn xml(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/xml")], body).into_response()
}

async fn answer(
    State(shared): State<Arc<Shared>>,
    Query(query): Query<HashMap<String, String>>,
    request: Request,
) -> Response {
    let segments: Vec<String> = request
        .uri()
        .path()
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let (profile, endpoint) = match segments.as_slice() {
        [covers, _] if covers == "covers" => (String::new(), "covers".to_string()),
        [profile, endpoint] => (profile.clone(), endpoint.clone()),
        _ => return xml(StatusCode::NOT_FOUND, String::new()),
    };
    shared.hits.lock().expect("hits").push(Hit {
        profile,
        endpoint: endpoint.clone(),
        query: query.clone(),
    });
    let (delay, fail, reply, cover) = {
        let mut plan = shared.plan.lock().expect("plan");
        let delay = plan.delay.get(endpoint.as_str()).copied();
        let fail = match plan.fail_first.get_mut(endpoint.as_str()) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        };
        let reply = plan.reply.get(endpoint.as_str()).cloned();
        let cover = plan
            .cover_path
            .as_ref()
            .map(|p| format!("http://{}{p}", shared.addr));
        (delay, fail, reply, cover)
    };
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
    }
    if fail {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::CONTENT_TYPE, "text/html")],
            "<html><body>Service Unavailable</body></html>",
        )
            .into_response();
    }
    if let Some((status, body)) = reply {
        return xml(status, body);
    }
    if endpoint == "covers" {
        let name = segments.last().map(String::as_str).unwrap_or_default();
        return match name {
            "good.png" => ([(header::CONTENT_TYPE, "image/png")], png(600, 800)).into_response(),
            "broken.png" => (
                [(header::CONTENT_TYPE, "image/png")],
                b"\x89PNG not really".to_vec(),
            )
                .into_response(),
            _ => StatusCode::NOT_FOUND.into_response(),
        };
    }
    if query.get("authorization").map(String::as_str) != Some(KEY) {
        return xml(StatusCode::UNAUTHORIZED, fixture("error-401.xml"));
    }
    let number = |name: &str, default: usize| {
        query
            .get(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    match endpoint.as_str() {
        "search" => xml(
            StatusCode::OK,
            search_page(number("page", 1), number("pagesize", 20), cover.as_deref()),
        ),
        "details" if query.get("id").map(String::as_str) == Some(KID_ID) => {
            xml(StatusCode::OK, kid_details(cover.as_deref()))
        }
        "details" => xml(
            StatusCode::NOT_FOUND,
            "<aquabrowser><error><code>NotFound</code><reason>No such record</reason></error></aquabrowser>".into(),
        ),
        "availability" => xml(StatusCode::OK, fixture("availability.xml")),
        _ => xml(StatusCode::NOT_FOUND, String::new()),
    }
}

impl FakeCatalogue {
    pub(crate) async fn start(plan: Plan) -> FakeCatalogue {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let addr = listener.local_addr().expect("addr");
        let shared = Arc::new(Shared {
            addr,
            plan: Mutex::new(plan),
            hits: Mutex::new(Vec::new()),
        });
        let app = Router::new()
            .fallback(answer)
            .with_state(Arc::clone(&shared));
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeCatalogue { addr, shared, task }
    }

    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The requests to `endpoint` so far.
    pub(crate) fn hits(&self, endpoint: &str) -> Vec<Hit> {
        self.shared
            .hits
            .lock()
            .expect("hits")
            .iter()
            .filter(|h| h.endpoint == endpoint)
            .cloned()
            .collect()
    }

    pub(crate) fn set_plan(&self, plan: Plan) {
        *self.shared.plan.lock().expect("plan") = plan;
    }

    /// A client config for the stand-in: the right key, pages of 2, quick retries.
    pub(crate) fn config(&self) -> LiveConfig {
        self.config_with_key(KEY)
    }

    pub(crate) fn config_with_key(&self, key: &str) -> LiveConfig {
        let mut config =
            LiveConfig::new(&self.url(), ApiKey::new(key).expect("key")).expect("config");
        config.page_size = 2;
        config.timeout = Duration::from_secs(5);
        config.retries = 2;
        config.backoff = Duration::from_millis(10);
        config.max_backoff = Duration::from_millis(50);
        config
    }

    pub(crate) fn client(&self) -> LiveClient {
        LiveClient::new(self.config()).expect("client")
    }
}
