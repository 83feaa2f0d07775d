//! Mixed traffic for the bench: one SQLite instance against two instances on one
//! PostgreSQL database, each a real server process, loaded by wrk with a Lua script that
//! mixes what the suite serves, per 100 requests: 45 static files (the portal page), 30
//! published snapshots (a centre's programme JSON), 8 staff reads (the centre's shows,
//! logged in), 2 staff writes (a show in or out of the swipe, which republishes the
//! programme) and 15 public counts (an anonymous swipe interaction, each from another
//! address behind the trusted proxy, as phones behind a provider's network are). The
//! public are many and staff few: a first run with 5 staff writes in 100 (290 a second,
//! far more than a back-office makes) had its p99 set by their queue alone.
//!
//! Three shapes: one SQLite instance on one core (the budget's shape: the server's
//! threads on CPU 1, wrk on CPU 0), the same on the whole machine (shared with wrk), and
//! two instances on one PostgreSQL database (sharing the machine with wrk and the
//! PostgreSQL server, a throwaway cluster with fsync off). The figures compare shapes on
//! this machine; they are not the capacity of a real deployment.

use std::path::Path;
use std::process::{Command, Stdio};

use serde::Serialize;

use crate::Result;
use crate::hardening::{ServerOptions, ServerProcess};
use crate::open_loop::{MixInput, OpenLoopResult};

/// Seconds of load per shape.
pub const SECONDS: u32 = 10;
/// Open connections in all, shared by the instances.
const CONNECTIONS: u32 = 32;
/// The budget of one SQLite instance (issue 11): requests/s and p99.
pub const BUDGET_RPS: f64 = 10_000.0;
pub const BUDGET_P99_MS: f64 = 10.0;

/// One instance's share of a run.
#[derive(Debug, Clone, Serialize)]
pub struct InstanceLoad {
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    /// Answers other than 2xx and 3xx.
    pub not_ok: u64,
    pub requests: u64,
}

/// One shape under mixed load.
#[derive(Debug, Clone, Serialize)]
pub struct ShapeLoad {
    pub shape: String,
    pub instances: Vec<InstanceLoad>,
    pub total_requests_per_second: f64,
    pub command: String,
    /// The one-core shape also runs at the budget's rate, open loop (see [`open_loop`]).
    pub at_budget_rate: Option<OpenLoopResult>,
}

/// wrk's figures: requests/s, p50 and p99 in ms, non-2xx/3xx answers, requests.
pub fn parse_wrk(output: &str) -> Option<(f64, f64, f64, u64, u64)> {
    let to_ms = |s: &str| -> Option<f64> {
        let s = s.trim();
        if let Some(v) = s.strip_suffix("us") {
            v.parse::<f64>().ok().map(|x| x / 1000.0)
        } else if let Some(v) = s.strip_suffix("ms") {
            v.parse().ok()
        } else if let Some(v) = s.strip_suffix('s') {
            v.parse::<f64>().ok().map(|x| x * 1000.0)
        } else {
            None
        }
    };
    let (mut rps, mut p50, mut p99, mut not_ok, mut requests) = (None, None, None, 0, None);
    for line in output.lines().map(str::trim) {
        if let Some(v) = line.strip_prefix("Requests/sec:") {
            rps = v.trim().parse().ok();
        } else if let Some(v) = line.strip_prefix("50%") {
            p50 = to_ms(v);
        } else if let Some(v) = line.strip_prefix("99%") {
            p99 = to_ms(v);
        } else if let Some(v) = line.strip_prefix("Non-2xx or 3xx responses:") {
            not_ok = v.trim().parse().unwrap_or(0);
        } else if let Some((n, _)) = line.split_once(" requests in ") {
            requests = n.trim().parse().ok();
        }
    }
    Some((rps?, p50?, p99?, not_ok, requests?))
}

/// The Lua script of the mix, for a logged-in staff member and a show of the programme.
fn script(cookie: &str, csrf: &str, show: &str) -> String {
    let lua_text = |s: &str| format!("{s:?}");
    format!(
        r#"local cookie = {cookie}
local csrf = {csrf}
local show = {show}
local n = 0
local flip = false
request = function()
  n = n + 1
  local slot = n % 100
  if slot < 45 then
    return wrk.format("GET", "/")
  elseif slot < 75 then
    return wrk.format("GET", "/data/culture-matcher/demo-nova.json")
  elseif slot < 83 then
    return wrk.format("GET", "/api/culture/demo-nova/shows", {{["Cookie"] = cookie}})
  elseif slot < 85 then
    flip = not flip
    local body = flip and '{{"in_swipe":true}}' or '{{"in_swipe":false}}'
    return wrk.format("PUT", "/api/culture/demo-nova/shows/" .. show .. "/swipe",
      {{["Cookie"] = cookie, ["X-CSRF-Token"] = csrf, ["Content-Type"] = "application/json"}}, body)
  else
    local ip = "10." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
    return wrk.format("POST", "/api/culture/demo-nova/interactions",
      {{["Content-Type"] = "application/json", ["X-Forwarded-For"] = ip}},
      '{{"show":"' .. show .. '","interaction":"shown"}}')
  end
end
"#,
        cookie = lua_text(cookie),
        csrf = lua_text(csrf),
        show = lua_text(show),
    )
}

/// Logs the demo centre's staff in on `server`: the session cookie and the CSRF token.
async fn staff_session(server: &ServerProcess) -> Result<(String, String)> {
    let (status, head, body) = server
        .exchange(
            "POST",
            "/api/session",
            "",
            Some(r#"{"email":"cc.nova@demo.invalid","password":"demo-nova-2026"}"#),
        )
        .await?;
    if status != 200 {
        return Err(format!("staff login answered {status}: {body}"));
    }
    let cookie = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("set-cookie")
                .then(|| value.trim().split(';').next().unwrap_or("").to_string())
        })
        .ok_or("no session cookie")?;
    let info: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
    let csrf = info["csrf_token"]
        .as_str()
        .ok_or("no csrf_token")?
        .to_string();
    Ok((cookie, csrf))
}

/// The id of a show of the demo centre's published programme.
async fn a_show(server: &ServerProcess) -> Result<String> {
    let (status, body) = server
        .request("GET", "/data/culture-matcher/demo-nova.json", None)
        .await?;
    if status != 200 {
        return Err(format!("the demo programme answered {status}"));
    }
    let programme: serde_json::Value = serde_json::from_str(&body).map_err(|e| e.to_string())?;
    programme["shows"][0]["id"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| "the demo programme has no shows".to_string())
}

/// Where the processes of a run may run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cores {
    /// Anywhere: the servers and wrk share the machine.
    Shared,
    /// The server on CPU 1 from its start (see [`ServerOptions::cpus`]) and wrk on CPU 0.
    OneEach,
}

/// Loads `servers` at once for [`SECONDS`], the connections split between them.
async fn load(shape: &str, servers: &[&ServerProcess], cores: Cores) -> Result<ShapeLoad> {
    let first = servers.first().ok_or("no server")?;
    let (cookie, csrf) = staff_session(first).await?;
    let show = a_show(first).await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let lua = dir.path().join("mix.lua");
    std::fs::write(&lua, script(&cookie, &csrf, &show)).map_err(|e| e.to_string())?;
    let each = CONNECTIONS / servers.len() as u32;
    let threads = match cores {
        Cores::Shared => (2 / servers.len()).max(1),
        Cores::OneEach => 1,
    };
    let args = [
        format!("-t{threads}"),
        format!("-c{each}"),
        format!("-d{SECONDS}s"),
        "--latency".to_string(),
        "-s".to_string(),
    ];
    let mut children = Vec::new();
    for server in servers {
        let mut command = match cores {
            Cores::Shared => Command::new("wrk"),
            Cores::OneEach => {
                let mut taskset = Command::new("taskset");
                taskset.args(["-c", "0", "wrk"]);
                taskset
            }
        };
        let child = command
            .args(&args)
            .arg(&lua)
            .arg(format!("http://127.0.0.1:{}/", server.port))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                format!("cannot run wrk (apt-get install wrk; `cargo xtask bench` does): {e}")
            })?;
        children.push(child);
    }
    let mut instances = Vec::new();
    for child in children {
        let out = child.wait_with_output().map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&out.stdout);
        let (rps, p50, p99, not_ok, requests) = parse_wrk(&text).ok_or_else(|| {
            format!(
                "cannot read wrk output:\n{text}{}",
                String::from_utf8_lossy(&out.stderr)
            )
        })?;
        instances.push(InstanceLoad {
            requests_per_second: rps,
            p50_ms: p50,
            p99_ms: p99,
            not_ok,
            requests,
        });
    }
    Ok(ShapeLoad {
        shape: shape.to_string(),
        total_requests_per_second: instances.iter().map(|i| i.requests_per_second).sum(),
        instances,
        command: match cores {
            Cores::Shared => format!(
                "wrk {} -s mix.lua <instance> (one wrk per instance, at once)",
                args[..4].join(" ")
            ),
            Cores::OneEach => format!(
                "taskset -c 1 static-api serve …; taskset -c 0 wrk {} -s mix.lua <instance>",
                args[..4].join(" ")
            ),
        },
        at_budget_rate: None,
    })
}

/// The same mix at [`BUDGET_RPS`] for [`SECONDS`], open loop, from a process of its own
/// on CPU 0 (this program again, `--open-loop`), over [`CONNECTIONS`] connections.
async fn open_loop(server: &ServerProcess) -> Result<OpenLoopResult> {
    let (cookie, csrf) = staff_session(server).await?;
    let show = a_show(server).await?;
    let input =
        serde_json::to_string(&MixInput { cookie, csrf, show }).map_err(|e| e.to_string())?;
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = tokio::process::Command::new("taskset")
        .args(["-c", "0"])
        .arg(exe)
        .args([
            "--open-loop".to_string(),
            format!("127.0.0.1:{}", server.port),
            format!("{BUDGET_RPS:.0}"),
            SECONDS.to_string(),
            CONNECTIONS.to_string(),
            input,
        ])
        .output()
        .await
        .map_err(|e| format!("cannot start the open-loop client: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "the open-loop client failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| format!("open-loop output: {e}"))
}

/// `--open-loop <addr> <rate> <seconds> <connections> <mix input JSON>`: runs
/// [`crate::open_loop::run`] and prints its result as JSON.
pub async fn open_loop_command(args: &[String]) -> Result<String> {
    let [addr, rate, seconds, connections, input] = args else {
        return Err("--open-loop <addr> <rate> <seconds> <connections> <mix input JSON>".into());
    };
    let number = |s: &str| s.parse::<u32>().map_err(|e| format!("{s}: {e}"));
    let input: MixInput = serde_json::from_str(input).map_err(|e| e.to_string())?;
    let result = crate::open_loop::run(
        addr,
        &input,
        number(rate)?,
        number(seconds)?,
        number(connections)? as usize,
    )
    .await?;
    serde_json::to_string(&result).map_err(|e| e.to_string())
}

/// The shape the budget is for.
pub const ONE_CORE: &str = "1 instance, SQLite, one core";

/// One SQLite instance on one core and on the whole machine, then two instances on one
/// PostgreSQL database sharing a data folder; a shape that cannot run here is left out
/// with the reason (PostgreSQL missing, a machine of one core).
pub async fn compare(binary: &Path, site: &Path) -> (Vec<ShapeLoad>, Vec<String>) {
    let mut shapes = Vec::new();
    let mut errors = Vec::new();
    let proxied: &[&str] = &["--trusted-proxies", "127.0.0.1"];
    let options = ServerOptions {
        args: proxied,
        ..ServerOptions::default()
    };
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let singles = [
        (ONE_CORE, Cores::OneEach),
        ("1 instance, SQLite, whole machine", Cores::Shared),
    ];
    for (shape, cores) in singles {
        if cores == Cores::OneEach && cpus < 2 {
            errors.push(format!("{shape}: this machine has one CPU"));
            continue;
        }
        // A fresh server each: the counts of the first run do not weigh on the second.
        let options = ServerOptions {
            cpus: (cores == Cores::OneEach).then_some("1"),
            ..options
        };
        let measured = async {
            let server = ServerProcess::start_with(binary, site, options).await?;
            let mut load = load(shape, &[&server], cores).await?;
            if cores == Cores::OneEach {
                load.at_budget_rate = Some(open_loop(&server).await?);
            }
            Ok::<_, String>(load)
        };
        match measured.await {
            Ok(load) => shapes.push(load),
            Err(e) => errors.push(format!("{shape}: {e}")),
        }
    }
    let two = async {
        let url = test_postgres::try_fresh_database().await?;
        let shared = tempfile::tempdir().map_err(|e| e.to_string())?;
        let options = ServerOptions {
            data_dir: Some(shared.path()),
            database_url: Some(&url),
            args: proxied,
            cpus: None,
        };
        // One after the other: the first seeds the demo data.
        let a = ServerProcess::start_with(binary, site, options).await?;
        let b = ServerProcess::start_with(binary, site, options).await?;
        load("2 instances, PostgreSQL", &[&a, &b], Cores::Shared).await
    };
    match two.await {
        Ok(shape) => shapes.push(shape),
        Err(e) => errors.push(format!("PostgreSQL: {e}")),
    }
    (shapes, errors)
}

/// Whether the one-core shape meets the budget: wrk's most is at least [`BUDGET_RPS`],
/// and at that rate, open loop, every request was answered well with a p99 within
/// [`BUDGET_P99_MS`].
pub fn within_budget(one_core: &ShapeLoad) -> bool {
    one_core.total_requests_per_second >= BUDGET_RPS
        && one_core.at_budget_rate.as_ref().is_some_and(|at| {
            at.achieved_rps >= 0.99 * BUDGET_RPS
                && at.p99_ms <= BUDGET_P99_MS
                && at.not_ok == 0
                && at.unanswered == 0
        })
}

/// The report's section.
pub fn markdown(shapes: &[ShapeLoad], errors: &[String]) -> String {
    let mut md = format!(
        "\n## Mixed load: one SQLite instance and two PostgreSQL instances\n\n\
         Per 100 requests: 45 static (the portal page), 30 snapshot JSON (a programme), 8 staff \
         reads, 2 staff writes (each republishes the programme), 15 public counts (each from \
         another address). {SECONDS} s, {CONNECTIONS} connections in all, wrk keeps every \
         connection busy (the p99 is that of a saturated server). Server processes \
         (`--profile server`); on one core the server's threads run on CPU 1 and wrk on CPU 0, \
         otherwise the servers, wrk and the PostgreSQL server (fsync off) share the machine. \
         Budget for one SQLite instance on one core: >= {BUDGET_RPS:.0} requests/s, p99 <= \
         {BUDGET_P99_MS:.0} ms.\n\n\
         | shape | instance | requests/s | p50 | p99 | not 2xx/3xx | requests |\n|---|---|---|---|---|---|---|\n"
    );
    for shape in shapes {
        for (i, load) in shape.instances.iter().enumerate() {
            md.push_str(&format!(
                "| {} | {} | {:.0} | {:.2} ms | {:.2} ms | {} | {} |\n",
                shape.shape,
                i + 1,
                load.requests_per_second,
                load.p50_ms,
                load.p99_ms,
                load.not_ok,
                load.requests
            ));
        }
        md.push_str(&format!(
            "| {} | **all** | **{:.0}** | | | | |\n",
            shape.shape, shape.total_requests_per_second
        ));
    }
    if let Some(one_core) = shapes.iter().find(|s| s.shape == ONE_CORE) {
        let most = one_core.total_requests_per_second;
        if let Some(at) = &one_core.at_budget_rate {
            md.push_str(&format!(
                "\nThe same mix on one core at {} requests/s, open loop ({SECONDS} s, \
                 {CONNECTIONS} connections, each latency from when the request was due; \
                 the client on CPU 0): {:.0} answered/s, p50 {:.2} ms, p99 {:.2} ms, max \
                 {:.1} ms, {} not 2xx/3xx, {} unanswered.\n",
                at.target_rps,
                at.achieved_rps,
                at.p50_ms,
                at.p99_ms,
                at.max_ms,
                at.not_ok,
                at.unanswered
            ));
        }
        let verdict = within_budget(one_core);
        md.push_str(&format!(
            "\nOne SQLite instance on one core within the budget (takes >= {BUDGET_RPS:.0} \
             requests/s at most: {most:.0}; at {BUDGET_RPS:.0} requests/s a p99 <= \
             {BUDGET_P99_MS:.0} ms): {}.\n",
            if verdict { "yes" } else { "NO" }
        ));
    }
    for shape in shapes {
        md.push_str(&format!("\n{}: `{}`.\n", shape.shape, shape.command));
    }
    for e in errors {
        md.push_str(&format!("\nNot measured: {e}\n"));
    }
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_wrk_output_with_a_script() {
        let out = "Running 10s test @ http://127.0.0.1:1/\n  2 threads and 32 connections\n\
                   Latency Distribution\n     50%  412.00us\n     75%  1.00ms\n     90%  2.00ms\n     99%    1.20ms\n\
                   123456 requests in 10.00s, 1.00GB read\n  Non-2xx or 3xx responses: 17\n\
                   Requests/sec:  12345.67\nTransfer/sec:    100.00MB\n";
        assert_eq!(parse_wrk(out), Some((12345.67, 0.412, 1.2, 17, 123456)));
        assert_eq!(parse_wrk("garbage"), None);
        let seconds = "     50%  412.00us\n     99%    1.20s\n  100 requests in 10s\nRequests/sec:  12345.67\n";
        assert_eq!(parse_wrk(seconds), Some((12345.67, 0.412, 1200.0, 0, 100)));
    }

    #[test]
    fn the_budget_needs_the_rate_and_the_p99_at_that_rate() {
        let at = |rps: f64, p99: f64, unanswered: u64| OpenLoopResult {
            target_rps: 10_000,
            achieved_rps: rps,
            p50_ms: 1.0,
            p99_ms: p99,
            max_ms: p99,
            not_ok: 0,
            answered: 100_000 - unanswered,
            unanswered,
        };
        let shape = |most: f64, at_rate: Option<OpenLoopResult>| ShapeLoad {
            shape: ONE_CORE.into(),
            instances: Vec::new(),
            total_requests_per_second: most,
            command: String::new(),
            at_budget_rate: at_rate,
        };
        assert!(within_budget(&shape(12_000.0, Some(at(9_995.0, 9.5, 0)))));
        assert!(!within_budget(&shape(12_000.0, Some(at(9_995.0, 12.3, 0)))));
        assert!(!within_budget(&shape(9_000.0, Some(at(9_995.0, 9.5, 0)))));
        assert!(!within_budget(&shape(12_000.0, Some(at(8_000.0, 9.5, 0)))));
        assert!(!within_budget(&shape(12_000.0, Some(at(9_995.0, 9.5, 3)))));
        assert!(!within_budget(&shape(12_000.0, None)));
    }

    #[test]
    fn the_script_quotes_what_it_is_given() {
        let lua = script("__Host-session=abc\"def", "t0k", "show-1");
        assert!(lua.contains(r#"local cookie = "__Host-session=abc\"def""#));
        assert!(lua.contains(r#"local show = "show-1""#));
        assert!(lua.contains("X-Forwarded-For"));
    }
}
