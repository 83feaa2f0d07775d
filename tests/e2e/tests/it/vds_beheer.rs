//! Voor de Show's back-office end to end (`/voor-de-show/beheer/`): the demo centre
//! invites a theatre company and copies its link; the company sets its password through
//! that link's token, logs in, uploads an image, enters its show data with it, and the
//! preview shows its own title and image and marks a general text; another company can
//! neither read nor change that show; the centre links the
//! show to a performance and publishes it; the class code's play API answers the show.

use e2e::{Browser, Result, TestServer};
use serde_json::{Value, json};

const NOVA: (&str, &str) = ("cc.nova@demo.invalid", "demo-nova-2026");
/// The demo's own theatre company, which must not reach another company's show.
const OTHER_COMPANY: (&str, &str) = ("gezelschap@demo.invalid", "demo-theater-2026");
const EMAIL: &str = "spelers@gezelschap.example";
const PASSWORD: &str = "een-koffer-vol-verhalen-2026";

/// A PNG of 400 x 300 pixels (the smallest size taken is 320 x 240).
fn picture() -> Result<Vec<u8>> {
    let image = image::RgbaImage::from_pixel(400, 300, image::Rgba([200, 60, 30, 255]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgba8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

#[tokio::test]
async fn a_company_invited_by_a_centre_enters_its_show_and_the_centre_publishes_it() -> Result<()> {
    let server = TestServer::start().await?;
    let centre = Browser::start(&server.url(""), 1280, 900).await?;
    centre.staff_log_in("/voor-de-show/beheer/", NOVA).await?;
    centre.find("#vds-bo-companies-title").await?;
    centre.fill("#vds-bo-company-name", "De Spelers").await?;
    centre.fill("#vds-bo-town", "Aalst").await?;
    centre.fill("#vds-bo-email", EMAIL).await?;
    centre.fill("#vds-bo-contact", "Lien").await?;
    // A new company is the choice until the centre picks one of its own.
    let choice = centre
        .eval("return document.querySelector('#vds-bo-company').value;")
        .await?;
    if choice != json!("") {
        return Err(format!("the form's company is {choice}, not a new one"));
    }
    centre.click(".vds-bo-form button[type=submit]").await?;
    let link = centre.text("#vds-bo-invitation-link").await?;
    let token = link
        .split_once("/beheer/uitnodiging#")
        .map(|(_, token)| token.to_string())
        .ok_or_else(|| format!("no invitation link: {link}"))?;
    centre.assert_axe_clean("the companies").await?;

    // The company: its password through the link's token, then its back-office.
    let company = Browser::start(&server.url(""), 1280, 900).await?;
    company.goto("/voor-de-show/beheer/").await?;
    company.wait_ready().await?;
    let body = json!({"password": PASSWORD}).to_string();
    let (status, answer) = company
        .fetch(
            "POST",
            &format!("/api/invitations/{token}"),
            json!({"content-type": "application/json"}),
            Some(&body),
        )
        .await?;
    if status != 204 {
        return Err(format!("the link's password: {status} {answer}"));
    }
    company
        .staff_log_in("/voor-de-show/beheer/", (EMAIL, PASSWORD))
        .await?;
    company.click("a[href*='onderdeel=bestanden']").await?;
    company.find("#vds-bo-uploads-title").await?;
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let file = dir.path().join("affiche.png");
    std::fs::write(&file, picture()?).map_err(|e| e.to_string())?;
    company
        .find("#vds-bo-file")
        .await?
        .send_keys(&file.display().to_string())
        .await
        .map_err(|e| format!("choose the file: {e}"))?;
    company.click(".vds-bo-form button[type=submit]").await?;
    company
        .wait_until(
            "the upload listed",
            "document.querySelectorAll('.vds-bo-uploads li').length === 1",
        )
        .await?;

    // The show data: a missing field is named at its place, then the whole show.
    company.click("a[href*='onderdeel=voorstellingen']").await?;
    company.click("#vds-bo-new-show").await?;
    company.find("#vds-f-title").await?;
    company.click("#vds-bo-save").await?;
    company
        .wait_until(
            "the title's problem at its field",
            "document.querySelector('#vds-f-title-error')?.textContent.includes('Vul dit in')
             && document.querySelector('#vds-f-title').getAttribute('aria-describedby') === 'vds-f-title-error'",
        )
        .await?;
    company
        .fill("#vds-f-title", "De koffer vol verhalen")
        .await?;
    company.fill("#vds-f-company", "De Spelers").await?;
    company
        .fill(
            "#vds-f-synopsis",
            "Een meisje vindt een koffer vol verhalen en reist de wereld rond.",
        )
        .await?;
    company.click("#vds-f-grade-8-10").await?;
    company.fill("#vds-f-themes", "reizen\nvriendschap").await?;
    company.click("#vds-f-images input[type=checkbox]").await?;
    company
        .fill(
            "#vds-f-assignments-wat-als-prompt",
            "Wat als jouw koffer kon praten?",
        )
        .await?;
    company.assert_axe_clean("the show-data form").await?;
    company.click("#vds-bo-save").await?;
    company
        .wait_until(
            "the preview with the company's own title, image and a marked fallback",
            "document.querySelector('#vds-bo-preview-show')?.textContent === 'De koffer vol verhalen'
             && document.querySelector('#vds-bo-preview-image')?.naturalWidth === 400
             && document.querySelectorAll('.vds-bo-mark').length > 0
             && document.querySelector('section[data-assignment=wat-als]').textContent.includes('Wat als jouw koffer kon praten?')",
        )
        .await?;
    let game = company
        .eval("return document.querySelector('.vds-bo-preview a.button').getAttribute('href');")
        .await?;
    if !game
        .as_str()
        .is_some_and(|h| h.starts_with("/voor-de-show/?voorbeeld="))
    {
        return Err(format!("the game's link: {game}"));
    }
    company.assert_axe_clean("the preview").await?;

    // Another company (the demo's) can neither read nor change this show, in its browser.
    let show_path = game
        .as_str()
        .and_then(|h| h.split_once("voorbeeld="))
        .map(|(_, id)| format!("/api/voor-de-show/shows/{id}"))
        .ok_or("the preview link names no show")?;
    let other = Browser::start(&server.url(""), 1280, 900).await?;
    other
        .staff_log_in("/voor-de-show/beheer/", OTHER_COMPANY)
        .await?;
    let (status, answer) = other.fetch("GET", &show_path, json!({}), None).await?;
    if status != 404 {
        let (_, who) = other.fetch("GET", "/api/session", json!({}), None).await?;
        return Err(format!(
            "another company read the show {show_path}: {status} {answer}; it is {who}"
        ));
    }
    let (_, own) = company.fetch("GET", &show_path, json!({}), None).await?;
    let mut data: Value = serde_json::from_str(&own).map_err(|e| format!("{e}: {own}"))?;
    data["data"]["title"] = json!("Gekaapt");
    let (_, session) = other.fetch("GET", "/api/session", json!({}), None).await?;
    let session: Value = serde_json::from_str(&session).map_err(|e| format!("{e}: {session}"))?;
    let (status, answer) = other
        .fetch(
            "PUT",
            &show_path,
            json!({"content-type": "application/json", "x-csrf-token": session["csrf_token"]}),
            Some(&data["data"].to_string()),
        )
        .await?;
    if status != 404 {
        return Err(format!(
            "another company changed the show: {status} {answer}"
        ));
    }
    let (_, after) = company.fetch("GET", &show_path, json!({}), None).await?;
    if !after.contains("De koffer vol verhalen") || after.contains("Gekaapt") {
        return Err(format!("the show changed: {after}"));
    }
    other.close().await;

    // The centre: a performance of that show, published, with a class code.
    centre
        .click("a[href*='onderdeel=schoolvoorstellingen']")
        .await?;
    centre.find("#vds-bo-performances-title").await?;
    // The demo centre has a show of its own already: the company's is picked by title.
    centre
        .wait_until(
            "the company's show",
            "[...document.querySelectorAll('#vds-bo-show option')]
                .some(o => o.textContent.startsWith('De koffer vol verhalen'))",
        )
        .await?;
    centre
        .eval(
            "const s = document.querySelector('#vds-bo-show');\
             s.value = [...s.options].find(o => o.textContent.startsWith('De koffer vol verhalen')).value;\
             s.dispatchEvent(new Event('change', {bubbles: true}));\
             const d = document.querySelector('#vds-bo-date'); d.value = '2030-05-14';\
             d.dispatchEvent(new Event('input', {bubbles: true})); return null;",
        )
        .await?;
    centre.fill("#vds-bo-venue", "Grote zaal").await?;
    centre.click("#vds-bo-grade-8-10").await?;
    centre.click(".vds-bo-form button[type=submit]").await?;
    const OURS: &str = "[...document.querySelectorAll('.vds-bo-performance')]
        .find(li => li.querySelector('h5').textContent.startsWith('De koffer vol verhalen'))";
    centre
        .wait_until("the company's performance", &format!("!!{OURS}"))
        .await?;
    centre
        .eval(&format!(
            "{OURS}.querySelector('button').click(); return null;"
        ))
        .await?;
    centre
        .wait_until(
            "a class code",
            &format!("{OURS}?.querySelectorAll('.vds-bo-code strong').length === 1"),
        )
        .await?;
    let code = centre
        .eval(&format!(
            "return {OURS}.querySelector('.vds-bo-code strong').textContent;"
        ))
        .await?;
    let code = code.as_str().unwrap_or_default().to_string();
    centre.assert_axe_clean("the performances").await?;
    let (status, answer) = centre
        .fetch(
            "GET",
            &format!("/api/voor-de-show/play/{code}"),
            json!({}),
            None,
        )
        .await?;
    let play: Value = serde_json::from_str(&answer).map_err(|e| format!("{e}: {answer}"))?;
    if status != 200 || play["show"]["title"] != "De koffer vol verhalen" {
        return Err(format!("the class code's show: {status} {answer}"));
    }
    company.close().await;
    centre.close().await;
    Ok(())
}
