//! A new installation from scratch, as an operator and a library start it: an empty
//! database with one admin made by `static-api create-admin`; the admin adds a library
//! with two branches and invites a staff member; the invitation link sets the password;
//! the staff member asks for Bieblo and the admin switches it on; the staff member turns
//! on the kiosk of one branch and imports a catalogue export; that kiosk gives books, the
//! other branch's kiosk says it is not on; disabling the account logs that browser out.

use e2e::{Browser, Result, TestServer};
use fantoccini::key::Key;
use serde_json::json;
use suite_import::catalogue::{DEMO_MARKER, generate_demo_catalogue};

use crate::beheer::{GOOD_PASSWORD, assert_axe_clean, log_in, log_out, state_of};
use crate::bieblo::count;

const ADMIN: (&str, &str) = ("beheer@dienst.example", "rood-tapijt-lantaarn-negen");
const STAFF: (&str, &str) = ("jan@aalst.example", GOOD_PASSWORD);
const BRANCHES: [(&str, &str); 2] = [("centrum", "Aalst Centrum"), ("erembodegem", "Erembodegem")];

/// A catalogue export of invented children's books with copies in both branches, as
/// files in `dir`: a search response and one availability response per book. The demo
/// generator's records carry the demo label, which a real library's import refuses;
/// without it they stand for the library's own export.
fn catalogue_files(dir: &std::path::Path) -> Result<Vec<String>> {
    let names: Vec<&str> = BRANCHES.iter().map(|(_, name)| *name).collect();
    let export = generate_demo_catalogue(11, 40, &names);
    let mut files = vec![("search.xml".to_string(), export.search_xml)];
    for (n, (_, xml)) in export.availability_xml.into_iter().enumerate() {
        files.push((format!("availability-{n}.xml"), xml));
    }
    files
        .into_iter()
        .map(|(name, xml)| {
            let path = dir.join(name);
            std::fs::write(&path, xml.replace(DEMO_MARKER, "Jeugdboek"))
                .map_err(|e| format!("write {}: {e}", path.display()))?;
            Ok(path.display().to_string())
        })
        .collect()
}

/// Opens the office of the library Aalst in the admin's back-office.
async fn open_aalst(browser: &Browser) -> Result<()> {
    browser
        .click("tr[data-org=aalst] button[aria-label='Organisatie: Bibliotheek Aalst']")
        .await?;
    browser
        .find("[data-org-office=aalst] tr[data-app=bieblo]")
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_library_starts_from_an_empty_installation() -> Result<()> {
    let (email, password) = ADMIN;
    let server = TestServer::start_empty_with_admin(email, "Beheerder", password).await?;
    let admin = Browser::start(&server.url(""), 1280, 900).await?;
    log_in(&admin, ADMIN).await?;

    // The library and its two branches.
    admin.fill("#adm-org-id", "aalst").await?;
    admin.fill("#adm-org-name", "Bibliotheek Aalst").await?;
    admin.fill("#adm-org-town", "Aalst").await?;
    admin
        .click("form[aria-labelledby=adm-new-org] button[type=submit]")
        .await?;
    admin.find("tr[data-org=aalst]").await?;
    open_aalst(&admin).await?;
    for (id, name) in BRANCHES {
        admin.fill("#adm-branch-id", id).await?;
        admin.fill("#adm-branch-name", name).await?;
        admin
            .click("form[aria-labelledby=adm-branch-title] button[type=submit]")
            .await?;
        admin.find(&format!("tr[data-branch={id}]")).await?;
    }

    // A staff member (not a manager), by invitation.
    admin.fill("#adm-invite-email", STAFF.0).await?;
    admin.fill("#adm-invite-name", "Jan Aalst").await?;
    admin
        .click("form[aria-labelledby=adm-invite-title] button[type=submit]")
        .await?;
    let link = admin.text("[data-invitation-link]").await?;
    let invitation = link
        .split_once("/beheer/uitnodiging#")
        .map(|(_, token)| format!("/beheer/uitnodiging#{token}"))
        .ok_or_else(|| format!("no invitation link: {link}"))?;
    log_out(&admin).await?;

    // The link sets the password; the staff member asks for Bieblo.
    let staff = Browser::start(&server.url(""), 1280, 900).await?;
    staff.goto(&invitation).await?;
    staff.wait_ready().await?;
    staff.fill("#adm-invite-password", STAFF.1).await?;
    staff.click("button[type=submit]").await?;
    staff
        .wait_until(
            "the password set",
            "document.body.textContent.includes('Je wachtwoord is ingesteld')",
        )
        .await?;
    log_in(&staff, STAFF).await?;
    staff
        .click("[data-org-office=aalst] button[aria-label='Aanvragen: Bieblo']")
        .await?;
    staff
        .wait_until(
            "Bieblo asked for",
            &format!("{} === 'aangevraagd'", state_of("aalst", "bieblo")),
        )
        .await?;

    // The admin switches it on.
    log_in(&admin, ADMIN).await?;
    open_aalst(&admin).await?;
    admin
        .click("[data-org-office=aalst] button[aria-label='Aanzetten: Bieblo']")
        .await?;
    admin
        .wait_until(
            "Bieblo on",
            &format!("{} === 'actief'", state_of("aalst", "bieblo")),
        )
        .await?;

    // In Bieblo's back-office: a kiosk per branch, both off; the first one goes on.
    staff.goto("/bieblo/beheer/").await?;
    staff.wait_ready().await?;
    staff
        .find("form.kiosk-branch[aria-labelledby=kiosk-title-erembodegem]")
        .await?;
    if count(&staff, "form.kiosk-branch").await? != 2 || count(&staff, "a.kiosk-open").await? != 0 {
        return Err("expected two kiosks, both off".into());
    }
    staff.click("#kiosk-active-centrum").await?;
    staff
        .click("form[aria-labelledby=kiosk-title-centrum] .kiosk-save")
        .await?;
    staff
        .find("form[aria-labelledby=kiosk-title-centrum] a.kiosk-open")
        .await?;

    // The catalogue export, in the view of imports.
    staff.click(".bo-views a[data-view=import]").await?;
    let export = tempfile::tempdir().map_err(|e| e.to_string())?;
    let files = catalogue_files(export.path())?;
    staff
        .find("#import-files")
        .await?
        .send_keys(&files.join("\n"))
        .await
        .map_err(|e| format!("choose the files: {e}"))?;
    staff.click(".import-send").await?;
    staff
        .wait_until(
            "the import report",
            "document.querySelector('.import-report')?.textContent.includes('Boeken ingelezen: 40')",
        )
        .await?;
    staff.goto("/bieblo/beheer/").await?;
    staff.wait_ready().await?;
    staff.find("form.kiosk-branch").await?;
    assert_axe_clean(&staff, "the kiosks of two branches").await?;

    // That branch's kiosk gives books from its own shelves.
    staff.goto("/bieblo/kiosk/aalst/centrum").await?;
    staff.wait_ready().await?;
    staff.click(".kiosk-start").await?;
    staff.click(".age-8-9").await?;
    // Every theme liked with the arrow key (the whole visit by touch and mouse is
    // bieblo.rs's).
    staff.find(".swipe-card").await?;
    for _ in 0..20 {
        if count(&staff, ".shelf-book").await? > 0 || count(&staff, ".swipe-card").await? == 0 {
            break;
        }
        staff.decide(Key::Right).await?;
    }
    staff
        .wait_until(
            "books on the shelf",
            "document.querySelectorAll('.shelf-book').length > 0",
        )
        .await?;
    // "8 other tips": the second shelf's tips count too, the visit once.
    let first_shelf = count(&staff, ".shelf-book").await?;
    staff.click(".more-tips").await?;
    staff
        .wait_until(
            "the second shelf",
            "document.querySelectorAll('.shelf-book').length > 0",
        )
        .await?;
    let tips = first_shelf + count(&staff, ".shelf-book").await?;
    // The other branch's kiosk is not on.
    staff.goto("/bieblo/kiosk/aalst/erembodegem").await?;
    staff.wait_ready().await?;
    let said = staff.text(".kiosk-off h1").await?;
    if said != "Deze kiosk staat niet aan." {
        return Err(format!("the other kiosk says: {said}"));
    }

    // The statistics: this kiosk's visit and both shelves' tips, a chart per theme, and
    // a period of one's choice, every day of it; the view has an address of its own.
    staff.goto("/bieblo/beheer/?onderdeel=statistieken").await?;
    staff.wait_ready().await?;
    staff.find(".staff-identity").await?;
    staff
        .wait_until(
            "the kiosk's counts",
            &format!(
                "[...document.querySelectorAll('.stats-kiosks tbody tr')].some(r => \
                 [...r.cells].map(c => c.textContent.trim()).join('|') === 'Aalst Centrum|1|{tips}')"
            ),
        )
        .await?;
    staff
        .find(".stats-themes-chart svg rect.stats-bar--likes")
        .await?;
    // The three days up to today (the server's today, as the form shows it).
    let from = staff
        .eval(
            "const to = document.querySelector('#stats-to').value; \
             const day = new Date(to + 'T00:00:00Z'); day.setUTCDate(day.getUTCDate() - 2); \
             const from = day.toISOString().slice(0, 10); \
             document.querySelector('#stats-from').value = from; return from;",
        )
        .await?;
    staff.click(".stats-show").await?;
    staff
        .wait_until(
            "three days, every one of them",
            &format!(
                "document.querySelector('#stats-from')?.value === {from} && \
                 document.querySelectorAll('.stats-days tbody tr').length === 3"
            ),
        )
        .await?;
    assert_axe_clean(&staff, "the statistics").await?;

    // Disabled by the admin: the staff member's browser is logged out.
    admin
        .click("button[aria-label='Uitschakelen: Jan Aalst']")
        .await?;
    admin
        .find("button[aria-label='Inschakelen: Jan Aalst']")
        .await?;
    let (status, _) = staff
        .fetch("GET", "/api/bieblo/aalst/stats", json!({}), None)
        .await?;
    if status != 401 {
        return Err(format!(
            "a disabled account's next request answered {status}"
        ));
    }
    staff.goto("/bieblo/beheer/").await?;
    staff.wait_ready().await?;
    staff.find("#login-email").await?;
    if count(&staff, ".staff-identity").await? != 0 {
        return Err("the disabled account is still logged in".into());
    }
    staff.close().await;
    admin.close().await;
    Ok(())
}
