//! A server that carries its site (`cargo xtask dist`): the built portal and apps, with
//! their precompressed variants, as a tar archive appended to a copy of the executable,
//! followed by a footer that says where the archive starts. The system's loader ignores
//! what follows the program, so the copy runs like the original.
//!
//! On start, the carried site is unpacked once into `<data-dir>/.site/<id>/` and served
//! from there like any site folder: one way to serve files (streaming, byte ranges,
//! precompressed variants and cache rules, see `site.rs`). The id is a hash of the
//! archive, so a new binary unpacks its own site beside the previous one; older ones are
//! removed, except the one before (an instance of the previous version may still serve
//! it during an upgrade of several instances on a shared folder).

use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::backup::{BackupError, BackupReport, append_tree, io, unpack_from};

/// The last bytes of a binary that carries a site.
const MAGIC: &[u8; 16] = b"suite-site-tar-1";
/// Bytes of the archive's id: hex of the first 16 bytes of its SHA-256.
const ID_LEN: usize = 32;
/// The footer: the archive's length (u64, little-endian), its id, the magic.
const FOOTER_LEN: usize = 8 + ID_LEN + MAGIC.len();
/// The folder in the data folder that holds unpacked sites.
pub const SITES_DIR: &str = ".site";
/// The file that marks an unpacked site as complete.
const COMPLETE: &str = ".complete";

/// Where a binary's site is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Carried {
    /// Where the archive starts in the file.
    pub offset: u64,
    /// The archive's length.
    pub len: u64,
    /// A hash of the archive.
    pub id: String,
}

/// The site `exe` carries, if it carries one.
pub fn find(exe: &Path) -> std::io::Result<Option<Carried>> {
    let mut file = File::open(exe)?;
    let size = file.metadata()?.len();
    let Some(footer_at) = size.checked_sub(FOOTER_LEN as u64) else {
        return Ok(None);
    };
    file.seek(SeekFrom::Start(footer_at))?;
    let mut footer = [0u8; FOOTER_LEN];
    file.read_exact(&mut footer)?;
    if &footer[8 + ID_LEN..] != MAGIC {
        return Ok(None);
    }
    let mut len = [0u8; 8];
    len.copy_from_slice(&footer[..8]);
    let len = u64::from_le_bytes(len);
    let id = String::from_utf8_lossy(&footer[8..8 + ID_LEN]).into_owned();
    let bad = || std::io::Error::other(format!("{}: a damaged site footer", exe.display()));
    let offset = footer_at.checked_sub(len).ok_or_else(bad)?;
    if !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad());
    }
    Ok(Some(Carried { offset, len, id }))
}

/// Writes `output`: the program `binary` (without a site it may carry) followed by the
/// site in `site_dir`. `output` is replaced only when it is complete.
pub fn pack(binary: &Path, site_dir: &Path, output: &Path) -> Result<BackupReport, BackupError> {
    if !site_dir.join("index.html").is_file() {
        return Err(BackupError::Io(
            site_dir.display().to_string(),
            std::io::Error::other("no built site here (index.html is missing)"),
        ));
    }
    let program_len = match find(binary).map_err(io(binary.display()))? {
        Some(carried) => carried.offset,
        None => std::fs::metadata(binary)
            .map_err(io(binary.display()))?
            .len(),
    };
    let mut report = BackupReport::default();
    let mut archive = Vec::new();
    {
        let mut tar = tar::Builder::new(&mut archive);
        tar.mode(tar::HeaderMode::Deterministic);
        append_tree(&mut tar, site_dir, Path::new(""), &mut report)?;
        tar.finish().map_err(io("writing the archive"))?;
    }
    let digest = Sha256::digest(&archive);
    let id = crate::auth::hex(&digest[..ID_LEN / 2]);
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io(dir.display()))?;
    let mut out = tempfile::Builder::new()
        .prefix(".pack-")
        .tempfile_in(dir)
        .map_err(io(dir.display()))?;
    let mut program = File::open(binary)
        .map_err(io(binary.display()))?
        .take(program_len);
    std::io::copy(&mut program, out.as_file_mut()).map_err(io(binary.display()))?;
    let file = out.as_file_mut();
    file.write_all(&archive)
        .and_then(|()| file.write_all(&(archive.len() as u64).to_le_bytes()))
        .and_then(|()| file.write_all(id.as_bytes()))
        .and_then(|()| file.write_all(MAGIC))
        .and_then(|()| file.sync_all())
        .map_err(io(output.display()))?;
    set_executable(file).map_err(io(output.display()))?;
    out.persist(output)
        .map_err(|e| BackupError::Io(output.display().to_string(), e.error))?;
    report.bytes = archive.len() as u64;
    Ok(report)
}

#[cfg(unix)]
fn set_executable(file: &File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn set_executable(_: &File) -> std::io::Result<()> {
    Ok(())
}

/// The folder that serves the site `exe` carries: unpacked into `data_dir` on the first
/// start of this binary, reused afterwards.
pub fn unpack_once(exe: &Path, carried: &Carried, data_dir: &Path) -> Result<PathBuf, BackupError> {
    let sites = data_dir.join(SITES_DIR);
    let site = sites.join(&carried.id);
    if site.join(COMPLETE).is_file() {
        return Ok(site);
    }
    std::fs::create_dir_all(&sites).map_err(io(sites.display()))?;
    let work = tempfile::Builder::new()
        .prefix(".unpack-")
        .tempdir_in(&sites)
        .map_err(io(sites.display()))?;
    let mut file = File::open(exe).map_err(io(exe.display()))?;
    file.seek(SeekFrom::Start(carried.offset))
        .map_err(io(exe.display()))?;
    unpack_from(file.take(carried.len), &exe.display(), work.path())?;
    File::create(work.path().join(COMPLETE)).map_err(io(work.path().display()))?;
    let unpacked = work.keep();
    if let Err(e) = std::fs::rename(&unpacked, &site) {
        // Another instance on the same folder was quicker: use its copy.
        let _ = std::fs::remove_dir_all(&unpacked);
        if !site.join(COMPLETE).is_file() {
            return Err(BackupError::Io(site.display().to_string(), e));
        }
    }
    remove_older_sites(&sites, &carried.id);
    Ok(site)
}

/// Removes unpacked sites other than `current` and the newest one before it.
fn remove_older_sites(sites: &Path, current: &str) {
    let Ok(entries) = std::fs::read_dir(sites) else {
        return;
    };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_name() != current && !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let when = std::fs::metadata(e.path().join(COMPLETE))
                .and_then(|m| m.modified())
                .ok()?;
            Some((when, e.path()))
        })
        .collect();
    others.sort();
    others.pop();
    for (_, old) in others {
        if let Err(e) = std::fs::remove_dir_all(&old) {
            tracing::warn!(site = %old.display(), "cannot remove an older unpacked site: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(dir: &Path, body: &str) {
        std::fs::create_dir_all(dir.join("bieblo")).expect("dirs");
        std::fs::write(dir.join("index.html"), body).expect("index");
        std::fs::write(dir.join("bieblo/app.wasm"), vec![7u8; 70_000]).expect("wasm");
    }

    #[test]
    fn a_packed_binary_carries_its_site_and_runs_its_program_unchanged() {
        let dir = tempfile::tempdir().expect("temp dir");
        let program = dir.path().join("program");
        std::fs::write(&program, b"\x7fELF pretend program").expect("program");
        assert_eq!(find(&program).expect("read"), None);
        let site_dir = dir.path().join("site");
        site(&site_dir, "<h1>portaal</h1>");
        let packed = dir.path().join("out/suite");
        pack(&program, &site_dir, &packed).expect("pack");
        let bytes = std::fs::read(&packed).expect("packed");
        assert!(bytes.starts_with(b"\x7fELF pretend program"));
        let carried = find(&packed).expect("read").expect("a site");
        assert_eq!(carried.offset, 20);

        let data = dir.path().join("data");
        let served = unpack_once(&packed, &carried, &data).expect("unpack");
        assert_eq!(
            std::fs::read_to_string(served.join("index.html")).expect("index"),
            "<h1>portaal</h1>"
        );
        assert_eq!(
            std::fs::read(served.join("bieblo/app.wasm"))
                .expect("wasm")
                .len(),
            70_000
        );
        // The second start reuses it.
        std::fs::write(served.join("index.html"), "kept").expect("mark");
        assert_eq!(
            unpack_once(&packed, &carried, &data).expect("again"),
            served
        );
        assert_eq!(
            std::fs::read_to_string(served.join("index.html")).expect("index"),
            "kept"
        );

        // Packing a packed binary replaces its site; the new site unpacks beside.
        site(&site_dir, "<h1>nieuw</h1>");
        let newer = dir.path().join("out/suite-2");
        pack(&packed, &site_dir, &newer).expect("repack");
        let carried_2 = find(&newer).expect("read").expect("a site");
        assert_eq!(carried_2.offset, 20, "the old site is not carried along");
        assert_ne!(carried_2.id, carried.id);
        let served_2 = unpack_once(&newer, &carried_2, &data).expect("unpack");
        assert_eq!(
            std::fs::read_to_string(served_2.join("index.html")).expect("index"),
            "<h1>nieuw</h1>"
        );
        assert!(served.is_dir(), "the previous version is kept");
    }

    #[test]
    fn a_damaged_footer_or_a_missing_site_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let program = dir.path().join("program");
        let mut bytes = b"program".to_vec();
        bytes.extend_from_slice(&u64::MAX.to_le_bytes());
        bytes.extend_from_slice(&[b'a'; ID_LEN]);
        bytes.extend_from_slice(MAGIC);
        std::fs::write(&program, &bytes).expect("program");
        assert!(find(&program).is_err());
        let err = pack(
            &program,
            &dir.path().join("nothing"),
            &dir.path().join("out"),
        );
        assert!(err.is_err());
        assert!(!dir.path().join("out").exists());
    }
}
