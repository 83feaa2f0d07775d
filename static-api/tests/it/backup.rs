//! Backup and restore: a backup taken while writes go on restores into a working
//! suite; a restore refuses while a server runs and changes nothing when it fails.

use crate::support;

use static_api::backup::{BackupError, ServeLock, backup, restore};
use static_api::{AppState, Config, demo};
use suite_domain::culture::insight::Interaction;
use support::{ADMIN, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_writes_go_on_restores_into_a_working_suite() {
    let app = TestApp::new().await;
    let public = app.state.config.public_data_dir();
    demo::seed_programmes(&app.state.db, &public)
        .await
        .expect("demo programme");
    let programme =
        std::fs::read(public.join("culture-matcher/demo-nova.json")).expect("published");
    // The e-reader's books are files of their own beside the database.
    demo::ereader::seed(&app.state.db, &app.state.config.data_dir)
        .await
        .expect("demo books");
    // Someone keeps counting while the backup is taken.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (db, stop) = (app.state.db.clone(), stop.clone());
        tokio::spawn(async move {
            let mut n = 0_u32;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                db.add_culture_interaction(
                    "demo-nova",
                    "s-x",
                    "2026-12-04",
                    Interaction::Shown,
                    i64::MAX,
                )
                .await
                .expect("a write");
                n += 1;
            }
            n
        })
    };
    let out = tempfile::tempdir().expect("temp dir");
    let archive = out.path().join("suite-backup.tar");
    let report = backup(&app.state.db, &app.state.config.data_dir, &archive)
        .await
        .expect("backup");
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(writer.await.expect("writer") > 0);
    assert!(report.files >= 1, "{report:?}");
    let left: Vec<_> = std::fs::read_dir(out.path())
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        left,
        [std::ffi::OsString::from("suite-backup.tar")],
        "no temporary files"
    );

    // Into an empty folder: a working suite with the same data.
    let fresh = tempfile::tempdir().expect("temp dir");
    restore(&archive, fresh.path()).await.expect("restore");
    let state = AppState::open(Config::new(fresh.path(), fresh.path().join("site")))
        .await
        .expect("open the restored data");
    assert_eq!(state.db.integrity_check().await.expect("check"), "ok");
    assert!(
        state
            .db
            .find_staff_by_email(ADMIN.0)
            .await
            .expect("query")
            .is_some()
    );
    assert!(
        state.db.is_demo().await.expect("query"),
        "still marked as a demo"
    );
    assert_eq!(
        std::fs::read(fresh.path().join("public/culture-matcher/demo-nova.json"))
            .expect("restored"),
        programme
    );
    // Every title's book is back, and opens.
    let titles = state.db.ereader_titles(0).await.expect("titles");
    assert_eq!(titles.len(), 2);
    for sha in state.db.ereader_files().await.expect("files") {
        let file = static_api::ereader_books::file_of(fresh.path(), &sha);
        let bytes = std::fs::read(&file).expect("a restored book");
        suite_epub::Book::reopen(bytes).expect("it opens");
    }
    state.db.close().await;

    // Over existing data: the current data is kept aside.
    restore(&archive, fresh.path())
        .await
        .expect("restore again");
    let aside = std::fs::read_dir(fresh.path())
        .expect("list")
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".before-restore-")
        })
        .count();
    // The first restore, into an empty folder, had nothing to set aside.
    assert_eq!(aside, 1);
    // Again at once (within the same second, as a script would): a folder of its own.
    restore(&archive, fresh.path())
        .await
        .expect("restore a third time");
    let asides = |dir: &std::path::Path| {
        std::fs::read_dir(dir)
            .expect("list")
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(".before-restore-")
            })
            .filter(|e| e.path().join(static_api::db::DB_FILE).is_file())
            .count()
    };
    assert_eq!(
        asides(fresh.path()),
        2,
        "each restore keeps what it replaced"
    );

    // Not while a server holds the folder.
    let serving = ServeLock::try_acquire(fresh.path()).expect("lock");
    assert!(matches!(
        restore(&archive, fresh.path()).await,
        Err(BackupError::InUse(_))
    ));
    drop(serving);

    // A broken archive changes nothing.
    let broken = out.path().join("broken.tar");
    std::fs::write(&broken, b"not a tar file at all, just some text").expect("write");
    let before = std::fs::read(fresh.path().join("suite.sqlite")).expect("db");
    assert!(restore(&broken, fresh.path()).await.is_err());
    assert_eq!(
        std::fs::read(fresh.path().join("suite.sqlite")).expect("db"),
        before
    );
}
