//! Headless Chromium through chromedriver: start, find, act, check, console logs, axe.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::process::{Child, Command};

use crate::Result;

/// How long to wait for a page or an element before failing.
pub const WAIT: Duration = Duration::from_secs(60);

/// One line of the browser console, as chromedriver reports it.
#[derive(Debug, Clone, Deserialize)]
pub struct LogEntry {
    pub level: String,
    pub message: String,
    #[serde(default)]
    pub source: String,
}

#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"type": "browser"}).to_string()),
        )
    }
}

/// A Chrome DevTools Protocol command sent through chromedriver.
#[derive(Debug)]
pub struct Cdp {
    pub cmd: &'static str,
    pub params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> std::result::Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({"cmd": self.cmd, "params": self.params}).to_string()),
        )
    }
}

/// A headless Chromium session; chromedriver is stopped when dropped.
pub struct Browser {
    pub client: Client,
    pub base: String,
    driver: Child,
    profile: tempfile::TempDir,
}

fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("port: {e}"))
}

fn chromium_binary() -> Option<PathBuf> {
    std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .iter()
            .map(PathBuf::from)
            .find(|p| p.is_file())
    })
}

impl Browser {
    /// Starts chromedriver and a headless Chromium of `width` x `height` pointed at `base`.
    pub async fn start(base: &str, width: u32, height: u32) -> Result<Browser> {
        Self::start_with(base, width, height, &[]).await
    }

    /// [`Browser::start`] with more command-line switches for Chromium (a fake camera).
    pub async fn start_with(
        base: &str,
        width: u32,
        height: u32,
        extra: &[String],
    ) -> Result<Browser> {
        let driver_path = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let port = free_port()?;
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start {driver_path} (install chromium-driver; `cargo xtask test` does): {e}"))?;
        let profile = tempfile::tempdir().map_err(|e| format!("profile dir: {e}"))?;
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--enable-unsafe-swiftshader".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        // Headless Chromium ignores --lang; --accept-lang sets navigator.language.
        args.push("--lang=nl-BE".into());
        args.push("--accept-lang=nl-BE".into());
        args.extend_from_slice(extra);
        let mut options = json!({"args": args});
        if let Some(binary) = chromium_binary() {
            options["binary"] = json!(binary);
        }
        let mut caps = serde_json::Map::new();
        caps.insert("goog:chromeOptions".into(), options);
        caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
        let url = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(e) if started.elapsed() > Duration::from_secs(30) => {
                    return Err(format!(
                        "cannot start a Chromium session through {driver_path}: {e}"
                    ));
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Ok(Browser {
            client,
            base: base.trim_end_matches('/').to_string(),
            driver,
            profile,
        })
    }

    // ---- act ----

    /// Opens `path` on the server under test.
    pub async fn goto(&self, path: &str) -> Result<()> {
        self.client
            .goto(&format!("{}{path}", self.base))
            .await
            .map_err(|e| format!("goto {path}: {e}"))
    }

    pub async fn click(&self, css: &str) -> Result<()> {
        let el = self.find(css).await?;
        el.click().await.map_err(|e| format!("click {css}: {e}"))
    }

    /// Replaces the text of an input.
    pub async fn fill(&self, css: &str, text: &str) -> Result<()> {
        let el = self.find(css).await?;
        el.clear().await.map_err(|e| format!("clear {css}: {e}"))?;
        el.send_keys(text)
            .await
            .map_err(|e| format!("type into {css}: {e}"))
    }

    /// Sends one key (e.g. `fantoccini::key::Key::Right`) to the element.
    pub async fn press(&self, css: &str, key: fantoccini::key::Key) -> Result<()> {
        let el = self.find(css).await?;
        el.send_keys(&char::from(key).to_string())
            .await
            .map_err(|e| format!("press key on {css}: {e}"))
    }

    /// Decides the swipe deck's top card with an arrow key and waits until the deck has
    /// rendered the decision (it shows the card leave at once and renders after that
    /// paint): pressing again before would find a deck that may be gone.
    pub async fn decide(&self, key: fantoccini::key::Key) -> Result<()> {
        self.press(".swipe-deck", key).await?;
        self.deck_settled().await
    }

    /// Waits until no decided card of a swipe deck is still on screen.
    pub async fn deck_settled(&self) -> Result<()> {
        self.wait_until(
            "the decided card to leave",
            "!document.querySelector('.swipe-card.is-leaving-like, .swipe-card.is-leaving-dislike')",
        )
        .await
    }

    /// Drags the element by (`dx`, `dy`) pixels with the mouse, in small steps.
    pub async fn drag_by(&self, css: &str, dx: f64, dy: f64) -> Result<()> {
        use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
        let el = self.find(css).await?;
        let step = |x: f64, y: f64| PointerAction::MoveBy {
            duration: Some(Duration::from_millis(40)),
            x,
            y,
        };
        let mut mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: el,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
        for _ in 0..5 {
            mouse = mouse.then(step(dx / 5.0, dy / 5.0));
        }
        mouse = mouse.then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
        self.client
            .perform_actions(mouse)
            .await
            .map_err(|e| format!("drag {css}: {e}"))
    }

    /// Runs a script and returns its value.
    pub async fn eval(&self, script: &str) -> Result<Value> {
        self.client
            .execute(script, vec![])
            .await
            .map_err(|e| format!("script failed: {e}\n{script}"))
    }

    /// Runs an async script: it calls `done(value)` (the last argument) when finished.
    pub async fn eval_async(&self, script: &str) -> Result<Value> {
        let wrapped = format!("const done = arguments[arguments.length - 1];\n{script}");
        self.client
            .execute_async(&wrapped, vec![])
            .await
            .map_err(|e| format!("async script failed: {e}\n{script}"))
    }

    /// `fetch` from the page (same origin, with its cookies): `[status, body text]`.
    pub async fn fetch(
        &self,
        method: &str,
        path: &str,
        headers: Value,
        body: Option<&str>,
    ) -> Result<(u16, String)> {
        let script = format!(
            "fetch({path}, {{method: {method}, headers: {headers}, body: {body}}})\
             .then(r => r.text().then(t => done([r.status, t]))).catch(e => done([0, String(e)]));",
            path = json!(path),
            method = json!(method),
            body = body.map(|b| json!(b)).unwrap_or(Value::Null),
        );
        let v = self.eval_async(&script).await?;
        let status = v[0].as_u64().unwrap_or(0) as u16;
        Ok((status, v[1].as_str().unwrap_or_default().to_string()))
    }

    /// Sends a CDP command (network and CPU emulation in the benchmark).
    pub async fn cdp(&self, cmd: &'static str, params: Value) -> Result<Value> {
        self.client
            .issue_cmd(Cdp { cmd, params })
            .await
            .map_err(|e| format!("CDP {cmd}: {e}"))
    }

    // ---- find ----

    pub async fn find(&self, css: &str) -> Result<fantoccini::elements::Element> {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(el) => Ok(el),
            Err(e) => {
                let page = self.client.source().await.unwrap_or_default();
                let tail: String = page
                    .chars()
                    .rev()
                    .take(1500)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                Err(format!(
                    "no element {css} on {}: {e}\npage ends with: {tail}",
                    self.current_path().await
                ))
            }
        }
    }

    pub async fn find_all(&self, css: &str) -> Result<Vec<fantoccini::elements::Element>> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .map_err(|e| format!("find {css}: {e}"))
    }

    // ---- check ----

    pub async fn current_path(&self) -> String {
        self.client
            .current_url()
            .await
            .map(|u| u.path().to_string())
            .unwrap_or_default()
    }

    pub async fn text(&self, css: &str) -> Result<String> {
        let el = self.find(css).await?;
        el.text().await.map_err(|e| format!("text of {css}: {e}"))
    }

    /// Waits until `script` (an expression) is truthy.
    pub async fn wait_until(&self, what: &str, expression: &str) -> Result<()> {
        let started = Instant::now();
        loop {
            if self.eval(&format!("return !!({expression});")).await? == Value::Bool(true) {
                return Ok(());
            }
            if started.elapsed() > WAIT {
                return Err(format!(
                    "timed out waiting for {what} on {}",
                    self.current_path().await
                ));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits for the contract every app keeps: `data-ready="true"` on `<html>`.
    pub async fn wait_ready(&self) -> Result<()> {
        self.wait_until(
            "data-ready",
            "document.documentElement.dataset.ready === 'true'",
        )
        .await
    }

    /// Console entries since the last call (chromedriver empties its buffer).
    pub async fn console(&self) -> Result<Vec<LogEntry>> {
        let v = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .map_err(|e| format!("browser log: {e}"))?;
        serde_json::from_value(v).map_err(|e| format!("browser log shape: {e}"))
    }

    /// Console errors (level SEVERE) since the last call.
    pub async fn console_errors(&self) -> Result<Vec<LogEntry>> {
        Ok(self
            .console()
            .await?
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .collect())
    }

    /// Fails naming `what` and listing axe's serious or critical violations of the page.
    pub async fn assert_axe_clean(&self, what: &str) -> Result<()> {
        let violations = self.axe_serious_violations().await?;
        if violations.is_empty() {
            Ok(())
        } else {
            Err(format!("axe on {what}: {violations:#?}"))
        }
    }

    /// Logs a staff member in on the staff page at `path` (the suite's one login form)
    /// and waits for their name.
    pub async fn staff_log_in(&self, path: &str, (email, password): (&str, &str)) -> Result<()> {
        self.goto(path).await?;
        self.wait_ready().await?;
        self.fill("#login-email", email).await?;
        self.fill("#login-password", password).await?;
        self.click(".login-submit").await?;
        self.find(".staff-identity").await?;
        Ok(())
    }

    /// Runs axe-core (injected from the npm package; never shipped) on the current page
    /// and returns its serious and critical violations.
    pub async fn axe_serious_violations(&self) -> Result<Vec<Value>> {
        let path = std::env::var("AXE_CORE_JS").map_err(|_| {
            "AXE_CORE_JS is not set: run the tests with `cargo xtask test`".to_string()
        })?;
        let source = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read axe-core at {path}: {e}"))?;
        self.eval(&format!("{source}\nreturn true;")).await?;
        // Axe measures one frame: a card still fading in (opacity < 1) fails the contrast
        // check though its text is readable a fifth of a second later. Let every finite
        // animation and transition end first (endless ones, like a pulse, never do).
        self.eval_async(
            "const running = document.getAnimations()\
               .filter(a => a.effect && a.effect.getComputedTiming().iterations !== Infinity)\
               .map(a => a.finished.catch(() => null));\
             Promise.race([Promise.all(running), new Promise(r => setTimeout(r, 2000))])\
               .then(() => done(true));",
        )
        .await?;
        let v = self
            .eval_async(
                "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations\
                 .filter(v => v.impact === 'serious' || v.impact === 'critical')\
                 .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}))))\
                 .catch(e => done([{id: 'axe-error', help: String(e)}]));",
            )
            .await?;
        Ok(v.as_array().cloned().unwrap_or_default())
    }

    /// Ends the session and chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill().await;
    }
}

impl Drop for Browser {
    /// A test that fails before [`Browser::close`] would leave Chromium running (it
    /// outlives chromedriver): end every process of this session's profile.
    fn drop(&mut self) {
        let _ = std::process::Command::new("pkill")
            .args(["-f", "--"])
            .arg(format!("--user-data-dir={}", self.profile.path().display()))
            .status();
    }
}
