//! The one-program shape (`cargo xtask dist`): the server packed with the built site
//! (`static-api pack`, what dist runs), started with no options but a demo address in
//! an empty folder, serves the portal and every app in Chromium.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use e2e::{Browser, Result, server_program, site_dir};

use crate::browser::{check_every_app, check_portal};

/// A server process, killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

/// Waits (at most 30 s) until the server on `port` answers its health check with 200.
async fn wait_until_healthy(port: u16, server: &mut Running) -> Result<()> {
    let addr = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    for _ in 0..300 {
        if let Ok(Some(status)) = server.0.try_wait() {
            return Err(format!("the packed server stopped: {status}"));
        }
        if let Ok((200, ..)) = e2e::hardening::exchange(addr, "GET", "/api/health", "", None).await
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err("the packed server did not answer /api/health within 30 s".into())
}

#[tokio::test]
async fn a_packed_server_serves_every_app_from_an_empty_folder() -> Result<()> {
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    let packed = work.path().join("suite-server");
    let pack = Command::new(server_program()?)
        .env_remove("DATABASE_URL")
        .arg("pack")
        .arg("--site-dir")
        .arg(site_dir()?)
        .arg("--output")
        .arg(&packed)
        .output()
        .map_err(|e| e.to_string())?;
    assert!(
        pack.status.success(),
        "{}",
        String::from_utf8_lossy(&pack.stderr)
    );

    // An empty folder with nothing but the program; no site folder, no database.
    let folder = work.path().join("library");
    std::fs::create_dir(&folder).map_err(|e| e.to_string())?;
    let port = free_port()?;
    let mut server = Running(
        Command::new(&packed)
            .current_dir(&folder)
            .env_remove("DATABASE_URL")
            .env_remove("SUITE_SITE_DIR")
            .env_remove("SUITE_DATA_DIR")
            .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?,
    );
    let base = format!("http://127.0.0.1:{port}");
    wait_until_healthy(port, &mut server).await?;

    let browser = Browser::start(&base, 1280, 900).await?;
    check_portal(&browser).await?;
    check_every_app(&browser).await?;
    browser.close().await;

    // Everything it made is in its data folder: the database and the unpacked site.
    let made: Vec<String> = std::fs::read_dir(&folder)
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(made, ["data"]);
    let data = folder.join("data");
    assert!(data.join("suite.sqlite").is_file());
    let sites: Vec<PathBuf> = std::fs::read_dir(data.join(".site"))
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(sites.len(), 1, "{sites:?}");
    assert!(sites[0].join("index.html").is_file());
    Ok(())
}
