//! Demo data: invented organisations and staff accounts, created only when the server
//! runs with `--demo`. Never use these accounts outside a demo.

use suite_domain::bieblo::kiosk::{DEFAULT_IDLE_SECONDS, KioskSettingsUpdate};
use suite_domain::org::{OrgKind, OrgRef, Organisation, Role};
use suite_domain::service::{Branch, SubscriptionState, apps_for};

pub mod bibster;
pub mod ereader;
pub mod vds;

use crate::auth::hash_password;
use crate::db::service::SubscriptionWrite;
use crate::db::{Db, is_unique_violation};
use crate::error::AppError;

/// A demo staff account; the README lists them.
#[derive(Debug, Clone, Copy)]
pub struct DemoAccount {
    pub email: &'static str,
    pub password: &'static str,
    pub display_name: &'static str,
    /// Stored role name and organisation id.
    pub role: &'static str,
    pub org: Option<&'static str>,
}

/// Invented organisations (marked "demo" in their names).
pub const DEMO_ORGS: &[(OrgKind, &str, &str, &str)] = &[
    (
        OrgKind::Library,
        "demo-wetteren",
        "Bibliotheek Wetteren (demo)",
        "Wetteren",
    ),
    (
        OrgKind::Library,
        "demo-gent",
        "Bibliotheek Gent (demo)",
        "Gent",
    ),
    (
        OrgKind::Centre,
        "demo-nova",
        "Cultuurcentrum Nova (demo)",
        "Wetteren",
    ),
    (
        OrgKind::Company,
        "demo-klein-verhaal",
        "Theater Klein Verhaal (demo)",
        "Gent",
    ),
];

pub const DEMO_ACCOUNTS: &[DemoAccount] = &[
    DemoAccount {
        email: "admin@demo.invalid",
        password: "demo-admin-2026",
        display_name: "Demo beheerder",
        role: "admin",
        org: None,
    },
    DemoAccount {
        email: "bib.wetteren@demo.invalid",
        password: "demo-wetteren-2026",
        display_name: "An Peeters (demo)",
        role: "library_staff",
        org: Some("demo-wetteren"),
    },
    DemoAccount {
        email: "bib.gent@demo.invalid",
        password: "demo-gent-2026",
        display_name: "Jan Claes (demo)",
        role: "library_staff",
        org: Some("demo-gent"),
    },
    DemoAccount {
        email: "cc.nova@demo.invalid",
        password: "demo-nova-2026",
        display_name: "Sara Maes (demo)",
        role: "centre_staff",
        org: Some("demo-nova"),
    },
    DemoAccount {
        email: "gezelschap@demo.invalid",
        password: "demo-theater-2026",
        display_name: "Theater Klein Verhaal (demo)",
        role: "company",
        org: Some("demo-klein-verhaal"),
    },
];

/// `--demo` only on a loopback address (checked before anything is created, and again by
/// [`check_serve_mode`]).
pub fn check_demo_address(demo: bool, addr: std::net::SocketAddr) -> Result<(), String> {
    if demo && !addr.ip().is_loopback() {
        return Err(format!(
            "--demo serves accounts whose passwords are published; it only listens on a \
             loopback address such as 127.0.0.1, not {}",
            addr.ip()
        ));
    }
    Ok(())
}

/// Whether the server may start: a demo database (see [`seed`]) only with `--demo`, and
/// `--demo` only on a loopback address, since its accounts' passwords are published.
/// The message says in English what to do instead.
pub async fn check_serve_mode(
    db: &Db,
    demo: bool,
    addr: std::net::SocketAddr,
) -> Result<(), String> {
    check_demo_address(demo, addr)?;
    let seeded = db
        .is_demo()
        .await
        .map_err(|e| format!("cannot read the database: {e}"))?;
    if seeded && !demo {
        return Err(
            "this data folder was seeded by `serve --demo` and holds demo accounts \
                    with published passwords: serve it with --demo on a loopback address, \
                    or start from an empty --data-dir"
                .into(),
        );
    }
    Ok(())
}

/// Creates the demo organisations and accounts that do not exist yet, and marks the
/// database as a demo.
pub async fn seed(db: &Db) -> Result<(), AppError> {
    db.mark_demo().await?;
    for (kind, id, name, town) in DEMO_ORGS {
        let org = Organisation {
            kind: *kind,
            id: (*id).into(),
            name: (*name).into(),
            town: (*town).into(),
            archived: false,
        };
        match db.insert_org(&org).await {
            Err(e) if !is_unique_violation(&e) => return Err(e.into()),
            _ => {}
        }
        // Every app its kind takes is switched on for a demo organisation.
        let org = OrgRef::new(*kind, *id);
        for app in apps_for(*kind) {
            if db.subscription(&org, app).await?.is_none() {
                let now = crate::import::now_rfc3339();
                db.write_subscription(SubscriptionWrite {
                    org: &org,
                    app,
                    state: SubscriptionState::Active,
                    by: "demo",
                    at: &now,
                    population: (app == "e-reader").then_some(DEMO_POPULATION),
                })
                .await?;
            }
        }
    }
    for (library, names) in DEMO_BRANCHES {
        if db.branches(library).await?.is_empty() {
            for name in *names {
                let branch = Branch {
                    id: branch_id(name),
                    name: (*name).into(),
                    location_id: String::new(),
                    address: String::new(),
                };
                db.put_branch(library, &branch).await?;
            }
        }
    }
    // The kiosk of each demo library's first branch is on (Wetteren's second is not).
    for (library, branches) in DEMO_BRANCHES {
        if let Some(first) = branches.first()
            && !db.has_kiosk_settings(library).await?
        {
            let settings = KioskSettingsUpdate {
                idle_seconds: DEFAULT_IDLE_SECONDS,
                active: true,
                lang: suite_domain::i18n::Lang::Nl,
            };
            db.save_kiosk(library, &branch_id(first), &settings).await?;
        }
    }
    for account in DEMO_ACCOUNTS {
        if db.find_staff_by_email(account.email).await?.is_some() {
            continue;
        }
        let role = Role::from_parts(account.role, account.org)
            .ok_or_else(|| AppError::Internal(format!("bad demo role for {}", account.email)))?;
        let hash = hash_password(account.password.into()).await?;
        // Each demo organisation's account manages its colleagues.
        db.insert_staff(account.email, account.display_name, &hash, &role, true)
            .await?;
    }
    Ok(())
}

/// Branch of each demo library whose copies the demo kiosk shows.
pub const DEMO_BRANCHES: &[(&str, &[&str])] = &[
    (
        "demo-wetteren",
        &[
            "Wetteren hoofdbibliotheek (demo)",
            "Uitleenpost Massemen (demo)",
        ],
    ),
    ("demo-gent", &["Gent De Krook (demo)"]),
];

/// Inhabitants a demo library serves, for the e-book service.
const DEMO_POPULATION: i64 = 25_000;

/// The id of a demo branch from its name: lowercase letters and digits, `-` between
/// words (`Gent De Krook (demo)` is `gent-de-krook-demo`).
pub fn branch_id(name: &str) -> String {
    let mut id = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    id.trim_end_matches('-').to_string()
}

/// Publishes a Bieblo snapshot built from a generated demo catalogue (invented titles)
/// for every demo library.
pub fn seed_snapshots(
    public_dir: &std::path::Path,
) -> Result<(), crate::import::catalogue::ImportError> {
    let now = crate::import::now_rfc3339();
    for (seed, (library, branches)) in DEMO_BRANCHES.iter().enumerate() {
        crate::import::catalogue::import_demo(
            public_dir,
            library,
            branches,
            seed as u64 + 1,
            &now,
        )?;
    }
    Ok(())
}

/// Everything `serve --demo` seeds (the end-to-end tests' demo server too): accounts and
/// organisations, Bieblo's snapshots, Culture Matcher's programmes, Bibster's games, the
/// e-reader's members and books, Voor de Show's published show with its class code (`data_dir` is the data folder, `public/` in it).
pub async fn seed_all(db: &Db, data_dir: &std::path::Path) -> Result<(), String> {
    let public_dir = &data_dir.join("public");
    seed(db)
        .await
        .map_err(|e| format!("seeding demo data: {e}"))?;
    seed_snapshots(public_dir).map_err(|e| format!("demo snapshots: {e}"))?;
    seed_programmes(db, public_dir)
        .await
        .map_err(|e| format!("demo programmes: {e}"))?;
    bibster::seed(db, public_dir)
        .await
        .map_err(|e| format!("demo games: {e}"))?;
    ereader::seed(db, data_dir)
        .await
        .map_err(|e| format!("demo books: {e}"))?;
    vds::seed(db)
        .await
        .map_err(|e| format!("demo Voor de Show: {e}"))
}

/// Tells the person who ran `serve --demo` where everything is and how to log in.
#[allow(clippy::print_stdout)] // The banner is for the terminal.
pub fn print_banner(addr: std::net::SocketAddr) {
    println!("\nThe suite runs with demo data on http://{addr}/");
    for app in suite_domain::apps::APPS {
        println!(
            "  http://{addr}/{}/   {}",
            app.slug,
            app.name.text(suite_domain::i18n::Lang::Nl)
        );
    }
    println!("Staff back-offices: http://{addr}/<app>/beheer. Demo accounts (demo only):");
    for a in DEMO_ACCOUNTS {
        println!(
            "  {:<28} {:<20} {}{}",
            a.email,
            a.password,
            a.role,
            a.org.map(|o| format!(" of {o}")).unwrap_or_default()
        );
    }
    println!(
        "  Voor de Show class link: http://{addr}{}",
        suite_domain::show::class_link(vds::DEMO_CODE)
    );
    for (card, pin) in ereader::DEMO_MEMBERS {
        println!(
            "  e-reader member: card {card}, PIN {pin} ({})",
            ereader::DEMO_LIBRARY
        );
    }
    println!();
}

/// Demo centres whose Culture Matcher programme is generated (invented shows).
pub const DEMO_PROGRAMMES: &[&str] = &["demo-nova"];

/// How many invented shows a demo programme has.
pub const DEMO_SHOWS: usize = 40;

/// Stores and publishes a generated demo programme (invented shows over the next 90
/// days) for every demo centre, through the real parser and the same queries as an
/// import. Shows new to the database get the generator's swipe choice and venues new to
/// it the generator's notes; what staff changed in an earlier demo run is kept.
pub async fn seed_programmes(
    db: &Db,
    public_dir: &std::path::Path,
) -> Result<(), crate::import::events::EventsImportError> {
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    for (seed, centre) in DEMO_PROGRAMMES.iter().enumerate() {
        let generated =
            suite_import::events::generate_demo_programme(seed as u64 + 1, now, DEMO_SHOWS);
        let before: Vec<String> = db
            .culture_shows(centre)
            .await?
            .into_iter()
            .map(|s| s.show.id)
            .collect();
        let venues_before: Vec<String> = db
            .culture_venues(centre)
            .await?
            .into_iter()
            .map(|v| v.id)
            .collect();
        let inputs = vec![("demo-programme.json".to_string(), generated.document)];
        let report = crate::import::events::import_inputs(
            db,
            public_dir,
            centre,
            true,
            &inputs,
            suite_domain::import::ImportReport::new("events"),
        )
        .await?;
        if report.failed() {
            tracing::warn!(%centre, "the demo programme imported nothing:\n{report}");
            continue;
        }
        for id in generated.in_swipe.iter().filter(|id| !before.contains(id)) {
            db.set_in_swipe(centre, id, true).await?;
        }
        for (venue, transport, bike) in &generated.venue_notes {
            if !venues_before.contains(venue) {
                db.set_venue_notes(centre, venue, transport.as_deref(), bike.as_deref())
                    .await?;
            }
        }
        put_posters(db, public_dir, centre).await?;
        db.publish_programme(centre, public_dir).await?;
    }
    Ok(())
}

/// Where the demo's posters are published, beside (not among) the centres' uploads: they
/// count against no centre's quota and no tidying of uploads removes them.
pub const DEMO_POSTERS: &str = "culture-matcher/demo-posters";

/// Gives every demo show of `centre` its poster, drawn for the demo
/// (`suite_import::events::demo_poster`) and published under [`DEMO_POSTERS`]. A poster
/// that cannot be written is logged and left out: the app then draws its own.
async fn put_posters(
    db: &Db,
    public_dir: &std::path::Path,
    centre: &str,
) -> Result<(), crate::import::events::EventsImportError> {
    use suite_domain::culture::programme::Image;

    let dir = public_dir.join(DEMO_POSTERS);
    for index in 0..DEMO_SHOWS {
        let id = format!("demo-show-{:02}", index + 1);
        let Some(stored) = db.get_culture_show(centre, &id).await? else {
            continue;
        };
        let bytes = suite_import::events::demo_poster(index);
        let name = crate::routes::upload::stored_name(&bytes, "jpg");
        let path = dir.join(&name);
        if !path.is_file() {
            let written = tokio::task::spawn_blocking(move || {
                std::fs::create_dir_all(path.parent().unwrap_or(&path))?;
                crate::publish::write_atomically(&path, &bytes)
            })
            .await;
            if !matches!(written, Ok(Ok(()))) {
                tracing::warn!(%centre, show = %id, "cannot store the demo poster: {written:?}");
                continue;
            }
        }
        let title = stored
            .show
            .title
            .get(suite_domain::i18n::Lang::Nl)
            .to_string();
        let image = Image {
            src: Some(format!("/data/{DEMO_POSTERS}/{name}")),
            source: None,
            alt: Some(format!("Affiche van {title}, getekend voor de demo")),
            credit: Some("Demo".into()),
        };
        db.set_show_image(centre, &id, &image).await?;
    }
    Ok(())
}
