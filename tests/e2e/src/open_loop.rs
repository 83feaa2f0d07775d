//! An open-loop load at a fixed rate: requests are due at `start + i / rate` whether
//! or not earlier ones have been answered, and each one's latency counts from when it
//! was due (so a server that falls behind shows it in the tail, instead of slowing the
//! client down as wrk's closed loop does). This is how the budget "10,000 requests/s
//! with a p99 of 10 ms" is measured; wrk measures the most a server takes.
//!
//! A thread of its own hands each request out when it is due (within the operating
//! system's timer slack, some tens of microseconds); a latency includes the wait for a
//! free connection, so the figures err on the slow side.

use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, mpsc};

use crate::Result;

/// What the mix needs: a logged-in staff member and a show of the programme.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MixInput {
    pub cookie: String,
    pub csrf: String,
    pub show: String,
}

/// The request due as the `n`th: per 100, 45 portal pages, 30 programme JSON, 8 staff
/// reads, 2 staff writes, 15 anonymous counts from changing addresses (the mix of
/// [`crate::mixed_load`]).
pub fn mix_request(n: u64, input: &MixInput) -> Vec<u8> {
    let slot = n % 100;
    let get = |path: &str, extra: &str| {
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n").into_bytes()
    };
    let with_body = |method: &str, path: &str, extra: &str, body: &str| {
        format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .into_bytes()
    };
    match slot {
        0..45 => get("/", ""),
        45..75 => get("/data/culture-matcher/demo-nova.json", ""),
        75..83 => get(
            "/api/culture/demo-nova/shows",
            &format!("Cookie: {}\r\n", input.cookie),
        ),
        83..85 => with_body(
            "PUT",
            &format!("/api/culture/demo-nova/shows/{}/swipe", input.show),
            &format!(
                "Cookie: {}\r\nX-CSRF-Token: {}\r\n",
                input.cookie, input.csrf
            ),
            if n % 200 < 100 {
                r#"{"in_swipe":true}"#
            } else {
                r#"{"in_swipe":false}"#
            },
        ),
        _ => {
            // Another address each time (behind the trusted proxy), as phones are.
            let a = n.wrapping_mul(2_654_435_761) % (256 * 256 * 254);
            let address = format!("10.{}.{}.{}", a / (256 * 254), a / 254 % 256, a % 254 + 1);
            with_body(
                "POST",
                "/api/culture/demo-nova/interactions",
                &format!("X-Forwarded-For: {address}\r\n"),
                &format!(r#"{{"show":"{}","interaction":"shown"}}"#, input.show),
            )
        }
    }
}

/// The outcome of a run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct OpenLoopResult {
    pub target_rps: u32,
    /// Answers per second over the run (lower than the target when the server fell behind).
    pub achieved_rps: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Answers other than 2xx and 3xx.
    pub not_ok: u64,
    pub answered: u64,
    /// Requests never answered by the end (a connection failed, or still waiting).
    pub unanswered: u64,
}

/// Sends the mix to `addr` at `rate` requests/s for `seconds` over `connections`
/// keep-alive connections; a request waits for a free connection.
pub async fn run(
    addr: &str,
    input: &MixInput,
    rate: u32,
    seconds: u32,
    connections: usize,
) -> Result<OpenLoopResult> {
    let total = u64::from(rate) * u64::from(seconds);
    let (due_tx, due_rx) = mpsc::unbounded_channel::<(u64, Instant)>();
    let due_rx = Arc::new(Mutex::new(due_rx));
    let (done_tx, mut done_rx) = mpsc::unbounded_channel::<(Duration, u16)>();
    let input = Arc::new(input.clone());
    let mut workers: Vec<tokio::task::JoinHandle<Result<()>>> = Vec::new();
    for _ in 0..connections {
        let mut stream = TcpStream::connect(addr)
            .await
            .map_err(|e| format!("cannot connect to {addr}: {e}"))?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        let (due_rx, done_tx, input) = (Arc::clone(&due_rx), done_tx.clone(), Arc::clone(&input));
        workers.push(tokio::spawn(async move {
            let mut buffer = Vec::with_capacity(64 * 1024);
            loop {
                let next = due_rx.lock().await.recv().await;
                let Some((n, due)) = next else { return Ok(()) };
                stream
                    .write_all(&mix_request(n, &input))
                    .await
                    .map_err(|e| format!("write: {e}"))?;
                let status = read_response(&mut stream, &mut buffer).await?;
                let _ = done_tx.send((due.elapsed(), status));
            }
        }));
    }
    drop(done_tx);
    let start = Instant::now();
    // The requests are handed out by a thread of their own that sleeps until the next
    // one is due (tokio's timer counts in whole milliseconds: at 10,000/s that would send
    // bursts of ten and more).
    let pacer = std::thread::spawn(move || {
        let mut n = 0_u64;
        while n < total {
            let now = Instant::now();
            let mut due = start + Duration::from_secs_f64(n as f64 / f64::from(rate));
            while n < total && due <= now {
                if due_tx.send((n, due)).is_err() {
                    return Err("every connection failed".to_string());
                }
                n += 1;
                due = start + Duration::from_secs_f64(n as f64 / f64::from(rate));
            }
            if n < total {
                std::thread::sleep(due.saturating_duration_since(Instant::now()));
            }
        }
        Ok(())
    });
    let paced = tokio::task::spawn_blocking(move || pacer.join())
        .await
        .map_err(|e| e.to_string())?
        .map_err(|_| "the pacing thread failed".to_string())?;
    paced?;
    // Answers still on their way get a few seconds, then count as unanswered.
    let mut latencies = Vec::with_capacity(total as usize);
    let mut not_ok = 0;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while let Ok(Some((latency, status))) = tokio::time::timeout_at(deadline, done_rx.recv()).await
    {
        latencies.push(latency);
        if !(200..400).contains(&status) {
            not_ok += 1;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    for worker in workers {
        worker.abort();
    }
    latencies.sort_unstable();
    let at = |q: f64| {
        latencies
            .get(((latencies.len() as f64 * q) as usize).min(latencies.len().saturating_sub(1)))
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0)
    };
    Ok(OpenLoopResult {
        target_rps: rate,
        achieved_rps: latencies.len() as f64 / elapsed.max(f64::from(seconds)),
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        max_ms: latencies
            .last()
            .map_or(f64::NAN, |d| d.as_secs_f64() * 1000.0),
        not_ok,
        answered: latencies.len() as u64,
        unanswered: total - latencies.len() as u64,
    })
}

/// Reads one HTTP/1.1 response with a `Content-Length` (or none, for 204 and 304):
/// its status.
async fn read_response(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Result<u16> {
    buffer.clear();
    let mut chunk = [0_u8; 16 * 1024];
    let head_end = loop {
        if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let read = stream
            .read(&mut chunk)
            .await
            .map_err(|e| format!("read: {e}"))?;
        if read == 0 {
            return Err("the server closed the connection".into());
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = std::str::from_utf8(&buffer[..head_end]).map_err(|e| e.to_string())?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("no status line")?;
    let mut length = 0_usize;
    for line in head.lines() {
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().map_err(|_| "bad content-length")?;
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                return Err("a chunked answer: the open-loop client reads lengths only".into());
            }
        }
    }
    let mut have = buffer.len() - head_end;
    while have < length {
        let read = stream
            .read(&mut chunk)
            .await
            .map_err(|e| format!("read: {e}"))?;
        if read == 0 {
            return Err("the server closed the connection in a body".into());
        }
        have += read;
    }
    if have > length {
        return Err("more bytes than the answer's length (no pipelining here)".into());
    }
    Ok(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> MixInput {
        MixInput {
            cookie: "__Host-suite_session=abc".into(),
            csrf: "t0k".into(),
            show: "show-1".into(),
        }
    }

    #[test]
    fn the_mix_per_hundred() {
        let requests: Vec<String> = (0..100)
            .map(|n| String::from_utf8(mix_request(n, &input())).expect("text"))
            .collect();
        let count = |prefix: &str| requests.iter().filter(|r| r.starts_with(prefix)).count();
        assert_eq!(count("GET / "), 45);
        assert_eq!(count("GET /data/culture-matcher/demo-nova.json "), 30);
        assert_eq!(count("GET /api/culture/demo-nova/shows "), 8);
        assert_eq!(count("PUT /api/culture/demo-nova/shows/show-1/swipe "), 2);
        assert_eq!(count("POST /api/culture/demo-nova/interactions "), 15);
        let put = &requests[83];
        assert!(put.contains("X-CSRF-Token: t0k\r\n"));
        assert!(put.ends_with(r#"{"in_swipe":true}"#));
        let length = r#"{"in_swipe":true}"#.len();
        assert!(put.contains(&format!("Content-Length: {length}\r\n")));
        let addresses: std::collections::HashSet<_> = (0..1000)
            .filter(|n| n % 100 >= 85)
            .map(|n| {
                let r = String::from_utf8(mix_request(n, &input())).expect("text");
                r.lines()
                    .find(|l| l.starts_with("X-Forwarded-For"))
                    .map(str::to_string)
            })
            .collect();
        assert_eq!(addresses.len(), 150, "every count from another address");
    }
}
