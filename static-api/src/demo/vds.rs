//! Voor de Show's demo: Cultuurcentrum Nova (demo), whose `voor-de-show` subscription is
//! active as every demo organisation's, invited Theater Klein Verhaal (demo), whose show
//! (title, synopsis, themes; no images) Nova performs for schools, published with one
//! class code that the log names (and the centre's back-office shows).

use suite_domain::show::{CODE_DAYS_AFTER, Grade, ShowAssignment, ShowData};

use crate::db::Db;
use crate::error::AppError;

/// The demo centre and company.
pub const DEMO_CENTRE: &str = "demo-nova";
pub const DEMO_COMPANY: &str = "demo-klein-verhaal";
/// The demo's class code (fixed, so the README and the tests can name it).
pub const DEMO_CODE: &str = "KLAS24";

fn demo_show() -> ShowData {
    let mut assignments = std::collections::BTreeMap::new();
    assignments.insert(
        "wat-als".to_string(),
        ShowAssignment {
            prompt: Some("Wat als jouw schooltas een koffer vol verhalen was?".into()),
            image: None,
        },
    );
    ShowData {
        title: "De koffer van Kobe (demo)".into(),
        company: "Theater Klein Verhaal (demo)".into(),
        synopsis: "Kobe vindt op zolder een oude koffer. Telkens hij hem opent, springt er \
                   een ander verhaal uit: een zeemeermin, een reus, een verdwaalde trein."
            .into(),
        grades: vec![Grade::Ages6To8, Grade::Ages8To10],
        themes: vec!["verbeelding".into(), "vriendschap".into()],
        key_words: vec!["koffer".into(), "zolder".into()],
        images: Vec::new(),
        sounds: Vec::new(),
        assignments,
    }
}

/// Seeds the demo when the company has no show yet.
pub async fn seed(db: &Db) -> Result<(), AppError> {
    if !db.vds_company_shows(DEMO_COMPANY).await?.is_empty() {
        return Ok(());
    }
    let at = crate::import::now_rfc3339();
    db.vds_link_company(DEMO_CENTRE, DEMO_COMPANY, &at, "demo")
        .await?;
    let show = db
        .vds_insert_show(DEMO_COMPANY, &demo_show(), &at, "demo")
        .await?;
    let today = suite_domain::date::LocalDate::parse(&at[..10])
        .ok_or_else(|| AppError::Internal(format!("today {at}")))?;
    let day = |days: i64| {
        suite_domain::date::LocalDate::from_days(today.days_since_epoch() + days)
            .map(|d| d.to_string())
            .ok_or_else(|| AppError::Internal("no day".into()))
    };
    let performance = db
        .vds_insert_performance(
            DEMO_CENTRE,
            show,
            &day(14)?,
            "Grote zaal (demo)",
            &[Grade::Ages6To8, Grade::Ages8To10],
            &at,
        )
        .await?;
    db.vds_publish(performance).await?;
    db.vds_insert_code(DEMO_CODE, performance, &day(14 + CODE_DAYS_AFTER)?, &at)
        .await?;
    tracing::info!(
        code = DEMO_CODE,
        link = %suite_domain::show::class_link(DEMO_CODE),
        "Voor de Show demo: a published performance with a class code"
    );
    Ok(())
}
