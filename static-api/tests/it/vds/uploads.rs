//! A company's uploads for its show: images known by their bytes, decoded, held to a
//! size and to a smallest and largest size in pixels; short sounds and videos by their
//! bytes; each refusal a Dutch message with nothing kept; served with their type.

use super::*;

/// An upload of `bytes` by `s` to `company`'s media.
async fn upload(
    app: &TestApp,
    s: &Session,
    company: &str,
    bytes: Vec<u8>,
) -> support::TestResponse {
    let headers = [
        ("cookie", s.cookie.as_str()),
        ("x-csrf-token", s.csrf.as_str()),
        ("content-type", "application/octet-stream"),
    ];
    let path = format!("/api/voor-de-show/companies/{company}/media");
    app.raw_bytes(Method::POST, &path, Some(bytes), &headers)
        .await
}

/// The files in the uploads' folder.
fn stored_files(app: &TestApp) -> usize {
    let dir = app.state.config.data_dir.join("voor-de-show").join("media");
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

async fn uploads_are_checked_stored_once_and_served_with_their_type(backend: Backend) {
    let app = TestApp::on(backend).await;
    let (company, own) = new_company(&app, "Het Gezelschap", "gez@demo.invalid").await;
    let media = format!("/api/voor-de-show/companies/{company}/media");
    let image = upload(&app, &own, &company, support::png_of(400, 300, 10)).await;
    assert_eq!(image.status, StatusCode::CREATED, "{}", image.json);
    assert_eq!(image.json["use"], "image");
    assert_eq!(
        (image.json["width"].as_i64(), image.json["height"].as_i64()),
        (Some(400), Some(300))
    );
    let id = image.json["id"].as_str().expect("an id").to_string();
    let served = app.get(&format!("/api/voor-de-show/media/{id}")).await;
    assert_eq!(served.status, StatusCode::OK);
    let kind = served.header("content-type").unwrap_or_default();
    assert!(kind == "image/png" || kind == "image/jpeg", "{kind}");
    assert!(image::load_from_memory(&served.body).is_ok());
    let mp3 = [b"ID3\x04\0\0\0\0\0\0".as_slice(), &[0x55; 2000]].concat();
    let sound = upload(&app, &own, &company, mp3.clone()).await;
    assert_eq!(sound.status, StatusCode::CREATED, "{}", sound.json);
    assert_eq!(sound.json["use"], "sound");
    let sound_id = sound.json["id"].as_str().expect("an id").to_string();
    let served = app
        .get(&format!("/api/voor-de-show/media/{sound_id}"))
        .await;
    assert_eq!(served.header("content-type").as_deref(), Some("audio/mpeg"));
    assert_eq!(served.body, mp3);
    // The same file again is the same upload.
    let again = upload(&app, &own, &company, support::png_of(400, 300, 10)).await;
    assert_eq!(again.json["id"], id.as_str());
    assert_eq!(
        app.get_as(&media, &own).await.json.as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(stored_files(&app), 2);

    // Refused with a Dutch message at `file`, and nothing kept.
    let broken = [b"\x89PNG\r\n\x1a\n".as_slice(), &[7; 500]].concat();
    let huge = [b"\x89PNG\r\n\x1a\n".as_slice(), &vec![0; 5 * 1024 * 1024]].concat();
    let cases: [(Vec<u8>, StatusCode, &str); 5] = [
        (broken, StatusCode::UNPROCESSABLE_ENTITY, "beschadigd"),
        (
            support::png_of(200, 100, 3),
            StatusCode::UNPROCESSABLE_ENTITY,
            "te klein",
        ),
        (
            b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "bestandstype",
        ),
        (huge, StatusCode::PAYLOAD_TOO_LARGE, "hoogstens 4 MB"),
        (
            vec![0x4f; 9 * 1024 * 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
            "",
        ),
    ];
    for (bytes, status, says) in cases {
        let refused = upload(&app, &own, &company, bytes).await;
        assert_eq!(refused.status, status, "{}", refused.json);
        let message = refused.json["error"]["message"]
            .as_str()
            .unwrap_or_default();
        assert!(message.contains(says), "{message} lacks {says}");
    }
    assert_eq!(
        app.get_as(&media, &own).await.json.as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(stored_files(&app), 2);
    // Another company uploads nothing to this one, and unknown ids are 404.
    let other = app.session(KLEIN_VERHAAL).await;
    let refused = upload(&app, &other, &company, support::png_of(400, 300, 20)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get("/api/voor-de-show/media/0123456789abcdef")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/api/voor-de-show/media/..%2Fx").await.status,
        StatusCode::NOT_FOUND
    );

    // Show data uses its own uploads: an image and its choice for an assignment.
    let mut data = show_data("Met beeld");
    data["images"] = json!([id]);
    data["sounds"] = json!([sound_id]);
    data["assignments"] = json!({"thema-in-beeld": {"image": id}});
    let show = make_show(&app, &own, &company, data).await;
    let preview = app
        .get_as(&format!("/api/voor-de-show/shows/{show}/preview"), &own)
        .await;
    assert_eq!(preview.json["show"]["images"], json!([id]));
    // An image used as a sound is refused.
    let mut swapped = show_data("Verwisseld");
    swapped["sounds"] = json!([id]);
    let path = format!("/api/voor-de-show/companies/{company}/shows");
    let refused = app
        .request_as(Method::POST, &path, Some(swapped), &own)
        .await;
    assert_eq!(
        refused.json["problems"][0]["field"], "sounds[0]",
        "{}",
        refused.json
    );
}

on_both_backends!(uploads_are_checked_stored_once_and_served_with_their_type);
