//! Hardening figures for the bench, against the real server binary in a process of its
//! own (so its memory can be read from `/proc`): a burst of wrong logins, slow
//! downloads of the largest built file, and kills under a write load (the crash test).
//!
//! Plain HTTP/1.1 over loopback sockets, written by hand: the figures measure the
//! server, not a client library.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::Result;

/// The server binary as `cargo xtask bench` built it (`SUITE_SERVER_BIN`).
pub fn server_binary() -> Result<PathBuf> {
    std::env::var_os("SUITE_SERVER_BIN")
        .map(PathBuf::from)
        .filter(|p| p.is_file())
        .ok_or_else(|| "SUITE_SERVER_BIN does not name the built static-api".to_string())
}

/// `serve --demo` of the binary on a free loopback port with a temporary data folder.
pub struct ServerProcess {
    child: Child,
    pub port: u16,
    _data: Option<tempfile::TempDir>,
}

/// How [`ServerProcess::start_with`] starts a server.
#[derive(Debug, Default, Clone, Copy)]
pub struct ServerOptions<'a> {
    /// A data folder to share (several instances); a temporary one otherwise.
    pub data_dir: Option<&'a Path>,
    /// PostgreSQL instead of SQLite.
    pub database_url: Option<&'a str>,
    /// More options of `serve`.
    pub args: &'a [&'a str],
    /// The CPUs the server may use (a `taskset` list such as `"1"`), from its start, so
    /// its runtime sizes its thread pool to them.
    pub cpus: Option<&'a str>,
}

impl ServerProcess {
    pub async fn start(binary: &Path, site: &Path) -> Result<Self> {
        Self::start_with(binary, site, ServerOptions::default()).await
    }

    pub async fn start_with(
        binary: &Path,
        site: &Path,
        options: ServerOptions<'_>,
    ) -> Result<Self> {
        let temporary = match options.data_dir {
            Some(_) => None,
            None => Some(tempfile::tempdir().map_err(|e| e.to_string())?),
        };
        let data = options
            .data_dir
            .map(Path::to_path_buf)
            .or_else(|| temporary.as_ref().map(|t| t.path().to_path_buf()))
            .ok_or("no data folder")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .map_err(|e| e.to_string())?;
        let mut command = match options.cpus {
            None => Command::new(binary),
            Some(cpus) => {
                let mut taskset = Command::new("taskset");
                taskset.args(["-c", cpus]).arg(binary);
                taskset
            }
        };
        command.env_remove("DATABASE_URL");
        if let Some(url) = options.database_url {
            command.env("DATABASE_URL", url);
        }
        let child = command
            .arg("--data-dir")
            .arg(&data)
            .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--site-dir")
            .arg(site)
            .args(options.args)
            .env("RUST_LOG", "error")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start {} (taskset is in util-linux): {e}",
                    binary.display()
                )
            })?;
        let mut server = ServerProcess {
            child,
            port,
            _data: temporary,
        };
        for _ in 0..300 {
            if let Ok((200, _)) = server.request("GET", "/api/health", None).await {
                return Ok(server);
            }
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!("the server stopped at start: {status}"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err("the server did not come up".into())
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory now and at its peak, in KiB (`VmRSS`, `VmHWM`).
    pub fn memory_kib(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    /// One request on a fresh connection: the status and the body.
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        json: Option<&str>,
    ) -> Result<(u16, String)> {
        let (status, _, body) = self.exchange(method, path, "", json).await?;
        Ok((status, body))
    }

    /// One request with more header lines (`extra_headers`, each ending in `\r\n`): the
    /// status, the header block and the body.
    pub async fn exchange(
        &self,
        method: &str,
        path: &str,
        extra_headers: &str,
        json: Option<&str>,
    ) -> Result<(u16, String, String)> {
        exchange(
            std::net::SocketAddr::from(([127, 0, 0, 1], self.port)),
            method,
            path,
            extra_headers,
            json,
        )
        .await
    }
}

/// One HTTP/1.1 request to `addr` on a fresh connection, with more header lines
/// (`extra_headers`, each ending in `\r\n`) and a JSON body: the status, the header
/// block and the body. Written by hand, so tests can send what a browser of another
/// site would (`Origin`, `Sec-Fetch-Site`).
pub async fn exchange(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    extra_headers: &str,
    json: Option<&str>,
) -> Result<(u16, String, String)> {
    let mut stream = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
    let body = json.unwrap_or("");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n{extra_headers}\r\n{body}",
        body.len()
    );
    stream
        .write_all(head.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .await
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| format!("no status in {text:?}"))?;
    let (head, body) = text
        .split_once("\r\n\r\n")
        .map(|(h, b)| (h.to_string(), b.to_string()))
        .unwrap_or_default();
    Ok((status, head, body))
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A burst of concurrent wrong logins.
#[derive(Debug, Serialize, Clone)]
pub struct BurstReport {
    pub attempts: usize,
    pub emails: usize,
    /// Answered 401: the password was verified.
    pub verified: usize,
    pub refused_429: usize,
    pub busy_503: usize,
    pub rss_before_mib: f64,
    pub peak_rss_mib: f64,
}

/// `attempts` concurrent wrong logins spread over `emails` accounts.
pub async fn login_burst(
    server: &ServerProcess,
    attempts: usize,
    emails: usize,
) -> Result<BurstReport> {
    let (before, _) = server.memory_kib();
    let mut set = tokio::task::JoinSet::new();
    for i in 0..attempts {
        let port = server.port;
        let email = if emails <= 1 {
            "admin@demo.invalid".to_string()
        } else {
            format!("user{}@demo.invalid", i % emails)
        };
        set.spawn(async move {
            let probe = ProbeClient { port };
            let body = format!(r#"{{"email":"{email}","password":"wrong-{i}"}}"#);
            probe.status("POST", "/api/session", &body).await
        });
    }
    let mut report = BurstReport {
        attempts,
        emails,
        verified: 0,
        refused_429: 0,
        busy_503: 0,
        rss_before_mib: before as f64 / 1024.0,
        peak_rss_mib: 0.0,
    };
    while let Some(done) = set.join_next().await {
        match done.map_err(|e| e.to_string())? {
            Some(401) => report.verified += 1,
            Some(429) => report.refused_429 += 1,
            Some(503) => report.busy_503 += 1,
            _ => {}
        }
    }
    report.peak_rss_mib = server.memory_kib().1 as f64 / 1024.0;
    Ok(report)
}

struct ProbeClient {
    port: u16,
}

impl ProbeClient {
    async fn status(&self, method: &str, path: &str, body: &str) -> Option<u16> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).await.ok()?;
        let head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(head.as_bytes()).await.ok()?;
        let mut first = [0_u8; 12];
        stream.read_exact(&mut first).await.ok()?;
        std::str::from_utf8(&first[9..12]).ok()?.parse().ok()
    }
}

/// Many clients downloading one large file slowly at once.
#[derive(Debug, Serialize, Clone)]
pub struct DownloadReport {
    pub clients: usize,
    pub file: String,
    pub file_mib: f64,
    pub seconds: u64,
    pub bytes_read_mib: f64,
    pub rss_before_mib: f64,
    pub peak_rss_mib: f64,
}

/// `clients` connections each read `path` 16 KiB at a time with a pause, for `seconds`.
pub async fn slow_downloads(
    server: &ServerProcess,
    path: &str,
    file_len: u64,
    clients: usize,
    seconds: u64,
) -> Result<DownloadReport> {
    let (before, _) = server.memory_kib();
    let until = Instant::now() + Duration::from_secs(seconds);
    let mut set = tokio::task::JoinSet::new();
    for _ in 0..clients {
        let (port, path) = (server.port, path.to_string());
        set.spawn(async move {
            let mut read = 0_u64;
            let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)).await else {
                return 0;
            };
            let head = format!(
                "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
            );
            if stream.write_all(head.as_bytes()).await.is_err() {
                return 0;
            }
            let mut buf = vec![0_u8; 16 * 1024];
            while Instant::now() < until {
                match stream.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => read += n as u64,
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            read
        });
    }
    let mut peak = 0;
    let mut bytes = 0_u64;
    let sampler = async {
        while Instant::now() < until {
            peak = peak.max(server.memory_kib().0);
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    };
    let readers = async {
        while let Some(done) = set.join_next().await {
            bytes += done.unwrap_or(0);
        }
    };
    tokio::join!(sampler, readers);
    Ok(DownloadReport {
        clients,
        file: path.to_string(),
        file_mib: file_len as f64 / (1024.0 * 1024.0),
        seconds,
        bytes_read_mib: bytes as f64 / (1024.0 * 1024.0),
        rss_before_mib: before as f64 / 1024.0,
        peak_rss_mib: peak.max(server.memory_kib().0) as f64 / 1024.0,
    })
}

/// The largest file of the built site (the game's wasm), as a URL path, and its size.
pub fn largest_file(site: &Path) -> Option<(String, u64)> {
    fn walk(dir: &Path, best: &mut Option<(PathBuf, u64)>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, best);
            } else if let Ok(meta) = entry.metadata() {
                let name = path.to_string_lossy();
                let plain = !(name.ends_with(".br") || name.ends_with(".gz"));
                if plain && best.as_ref().is_none_or(|(_, len)| meta.len() > *len) {
                    *best = Some((path, meta.len()));
                }
            }
        }
    }
    let mut best = None;
    walk(site, &mut best);
    let (path, len) = best?;
    let rel = path
        .strip_prefix(site)
        .ok()?
        .to_string_lossy()
        .replace('\\', "/");
    Some((format!("/{rel}"), len))
}
