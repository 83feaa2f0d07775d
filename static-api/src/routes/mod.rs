//! The `/api` surface. Routes and their OpenAPI description come from the same
//! annotated handlers (utoipa-axum), so the document cannot drift from the code.

mod bibster;
mod bibster_media;
mod bibster_play;
mod bibster_sessions;
mod bieblo;
mod bieblo_imports;
mod bieblo_kiosk_health;
mod bieblo_themes;
mod culture;
mod culture_source;
pub(crate) mod culture_staff;
mod ereader;
mod ereader_admin;
mod ereader_books;
mod ereader_history;
mod ereader_loans;
mod ereader_notes;
mod ereader_queue;
mod figures;
mod health;
mod live;
mod orgs;
mod session;
mod staff;
mod subscriptions;
pub(crate) mod upload;
mod vds_companies;
mod vds_media;
mod vds_play;
mod vds_school;
mod vds_shows;

use axum::routing::{any, get};
use axum::{Json, Router};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::AppState;
use crate::error::api_not_found;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Flemish culture suite API",
        description = "Functions behind the suite's apps. Errors are `{error: {code, message}}` \
                       with a Dutch message. State-changing requests need the session's \
                       `x-csrf-token` header.",
        license(name = "EUPL-1.2")
    ),
    tags(
        (name = "system", description = "Readiness, liveness and description of the service"),
        (name = "session", description = "Staff login and logout, one's own password and sessions, invitation links"),
        (name = "organisations", description = "Libraries (with branches), cultural centres and theatre companies; their staff accounts, subscriptions to the apps, and the audit log"),
        (name = "bieblo", description = "Bieblo kiosk: settings, anonymous usage, heartbeats, imports and statistics"),
        (name = "bibster", description = "Bibster: the library's games (builder, template library, statistics), the group leader's sessions (board, teams, reviews, messages) and the teams' play (join, state, open, answer, live events)"),
        (name = "culture-matcher", description = "Culture Matcher: anonymous interaction counts and after-show feedback, and the centre's back-office: shows, swipe choice, venues, media and insight"),
        (name = "ereader", description = "E-reader: members log in with their library card and PIN; loans and reservations of the shared e-book collection"),
        (name = "voor-de-show", description = "Voor de Show: a centre invites theatre companies, links their shows to school performances, publishes them with class codes and reads the figures; a company keeps its shows (show data, uploads, preview); the game reads a class code's show and counts what classes did"),
        (name = "ereader-admin", description = "E-reader back-office: the admin uploads books, sets licences (by hand or by the population rule) and the download flag, sees the participating libraries; statistics per title"),
    )
)]
struct ApiDoc;

/// `NewInvitation`'s role and organisation go together (`Role::from_parts`): `admin` without
/// `org`, every other role with one. The derived schema lists the fields; this adds the
/// rule, so a request the document allows is one the server takes.
struct StaffRoles;

impl utoipa::Modify for StaffRoles {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use suite_domain::org::Role;
        use utoipa::openapi::schema::{AllOfBuilder, ObjectBuilder, OneOfBuilder, Type};
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        let Some(fields) = components.schemas.remove("NewInvitation") else {
            return;
        };
        let role = |names: Vec<&'static str>| {
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(names))
        };
        let admin = ObjectBuilder::new()
            .property("role", role(vec![Role::Admin.name()]))
            .property("org", ObjectBuilder::new().schema_type(Type::Null));
        let with_org: Vec<&'static str> = ["library_staff", "centre_staff", "company"]
            .into_iter()
            .filter(|name| Role::from_parts(name, Some("x")).is_some())
            .collect();
        let member = ObjectBuilder::new()
            .property("role", role(with_org))
            .property("org", ObjectBuilder::new().schema_type(Type::String))
            .required("org");
        let schema = AllOfBuilder::new()
            .item(fields)
            .item(OneOfBuilder::new().item(admin).item(member));
        components
            .schemas
            .insert("NewInvitation".into(), schema.into());
    }
}

/// Adds to every operation the answers any of them can give besides its own: 400 for
/// a path or body that cannot be read, 404 for ids that do not exist, 413, 415 and 422
/// for bodies that are too large, not JSON or not valid, and 408 when a request takes
/// longer than the server waits. Each handler documents its own answers; these come from
/// the extractors and layers every handler shares.
struct SharedAnswers;

impl utoipa::Modify for SharedAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let answer = |description: &str| {
            RefOr::T(
                ResponseBuilder::new()
                    .description(description)
                    .content(
                        "application/json",
                        ContentBuilder::new()
                            .schema(Some(Ref::from_schema_name("ErrorBody")))
                            .build(),
                    )
                    .build(),
            )
        };
        for (path, item) in openapi.paths.paths.iter_mut() {
            let has_params = path.contains('{');
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let has_body = operation.request_body.is_some();
                let mut shared = vec![(
                    "408",
                    "The request took longer than the server waits for one",
                )];
                if has_params || has_body {
                    shared.push(("400", "A path or body that cannot be read"));
                }
                if has_params {
                    shared.push(("404", "No such organisation, show or item"));
                }
                if has_body {
                    shared.push(("413", "The body is too large"));
                    shared.push((
                        "415",
                        "The body is not JSON (or not of the type it must have)",
                    ));
                    shared.push(("422", "The body is not valid"));
                }
                for (code, description) in shared {
                    operation
                        .responses
                        .responses
                        .entry(code.to_string())
                        .or_insert_with(|| answer(description));
                }
            }
        }
    }
}

/// Lets at most [`crate::UPLOADS_AT_ONCE`] uploads be read into memory at once: a
/// state-changing request to an upload route waits for its turn (the body is read only
/// then), or is answered 503 with `Retry-After`.
async fn one_upload_at_a_time(
    axum::extract::State(state): axum::extract::State<AppState>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if request.method() == axum::http::Method::GET {
        return next.run(request).await;
    }
    let turn = tokio::time::timeout(crate::UPLOAD_WAIT, state.uploads.acquire()).await;
    match turn {
        Ok(Ok(_permit)) => next.run(request).await,
        _ => crate::AppError::Busy {
            retry_after: crate::UPLOAD_WAIT,
        }
        .into_response(),
    }
}

/// Cross-origin calls from the static hosts of an export (`--allow-origin`): the
/// public reads and writes the apps make, without credentials; `None` when there are
/// none.
fn cors(origins: &[String]) -> Option<tower_http::cors::CorsLayer> {
    use axum::http::{HeaderValue, Method, header};
    let origins: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    if origins.is_empty() {
        return None;
    }
    Some(
        tower_http::cors::CorsLayer::new()
            .allow_origin(tower_http::cors::AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([
                header::CONTENT_TYPE,
                header::ACCEPT,
                // A Bibster team's token: teams play from a static export too.
                header::HeaderName::from_static(suite_domain::bibster::api::TEAM_TOKEN_HEADER),
            ])
            .max_age(std::time::Duration::from_secs(600)),
    )
}

/// The API router (with `/api/openapi.json` and a JSON 404 for unknown `/api` paths)
/// and its OpenAPI document.
pub fn api(state: &AppState) -> (Router<AppState>, utoipa::openapi::OpenApi) {
    let (router, mut doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::ready))
        .routes(routes!(health::live))
        .routes(routes!(live::published))
        .routes(routes!(session::login, session::current, session::logout))
        .routes(routes!(
            ereader::member_login,
            ereader::member_current,
            ereader::member_logout
        ))
        .routes(routes!(ereader_loans::list_titles))
        .routes(routes!(ereader_loans::list_loans, ereader_loans::borrow))
        .routes(routes!(ereader_loans::give_back))
        .routes(routes!(ereader_queue::list, ereader_queue::reserve))
        .routes(routes!(ereader_queue::act, ereader_queue::cancel))
        .routes(routes!(ereader_history::history, ereader_history::choose))
        .routes(routes!(ereader_notes::list, ereader_notes::add))
        .routes(routes!(ereader_notes::remove))
        .routes(routes!(ereader_books::book))
        .routes(routes!(ereader_books::download))
        .routes(routes!(ereader_books::search))
        .routes(routes!(
            ereader_books::position,
            ereader_books::save_position
        ))
        .routes(routes!(session::change_password))
        .routes(routes!(session::list_sessions, session::end_other_sessions))
        .routes(routes!(session::end_session))
        .routes(routes!(orgs::list_orgs, orgs::create_org))
        .routes(routes!(orgs::get_org, orgs::update_org))
        .routes(routes!(orgs::archive_org))
        .routes(routes!(orgs::restore_org))
        .routes(routes!(orgs::list_staff))
        .routes(routes!(orgs::list_branches))
        .routes(routes!(orgs::put_branch, orgs::delete_branch))
        .routes(routes!(staff::invite))
        .routes(routes!(staff::reset))
        .routes(routes!(staff::disable))
        .routes(routes!(staff::enable))
        .routes(routes!(staff::delete))
        .routes(routes!(staff::list_admins))
        .routes(routes!(staff::get_invitation, staff::accept_invitation))
        .routes(routes!(subscriptions::list_for_org))
        .routes(routes!(subscriptions::list_all))
        .routes(routes!(subscriptions::request))
        .routes(routes!(subscriptions::set_state))
        .routes(routes!(subscriptions::availability))
        .routes(routes!(subscriptions::audit_log))
        .routes(routes!(figures::get_figures))
        .routes(routes!(figures::get_figures_csv))
        .routes(routes!(bieblo::list_kiosks))
        .routes(routes!(bieblo::library_kiosks))
        .routes(routes!(bieblo::get_kiosk, bieblo::put_kiosk))
        .routes(routes!(bieblo::post_usage))
        .routes(routes!(bieblo_kiosk_health::post_heartbeat))
        .routes(routes!(bieblo_kiosk_health::kiosk_status))
        .routes(routes!(bieblo_imports::live_catalogue))
        .routes(routes!(bieblo::get_stats))
        .routes(routes!(bieblo::get_stats_csv))
        .routes(routes!(
            bieblo_themes::get_themes,
            bieblo_themes::put_themes,
            bieblo_themes::reset_themes
        ))
        .routes(routes!(culture::list_centres))
        .routes(routes!(culture::post_interaction))
        .routes(routes!(culture::post_feedback))
        .routes(routes!(culture::get_insight))
        .routes(routes!(culture::get_insight_days))
        .routes(routes!(culture::get_insight_csv))
        .routes(routes!(culture::delete_words))
        .routes(routes!(
            culture_staff::list_shows,
            culture_staff::create_show
        ))
        .routes(routes!(
            culture_staff::update_show,
            culture_staff::delete_show
        ))
        .routes(routes!(culture_staff::set_swipe))
        .routes(routes!(culture_staff::list_venues))
        .routes(routes!(culture_staff::put_venue_notes))
        .routes(routes!(
            culture_source::get_source,
            culture_source::put_source,
            culture_source::delete_source
        ))
        .routes(routes!(culture_source::list_imports))
        .merge(
            // A game of 200 tasks with long texts is larger than other JSON bodies.
            OpenApiRouter::new()
                .routes(routes!(bibster::list_games, bibster::create_game))
                .routes(routes!(bibster::get_game, bibster::update_game))
                .layer(axum::extract::DefaultBodyLimit::max(
                    suite_import::bibster::MAX_GAME_BYTES,
                )),
        )
        .routes(routes!(bibster::set_state))
        .routes(routes!(bibster::set_shared))
        .routes(routes!(bibster::copy_game))
        .routes(routes!(bibster::export_game))
        .routes(routes!(bibster::game_statistics))
        .routes(routes!(bibster::library_statistics))
        .routes(routes!(bibster::list_templates))
        .routes(routes!(
            bibster_sessions::start_session,
            bibster_sessions::list_sessions
        ))
        .routes(routes!(bibster_sessions::get_board))
        .routes(routes!(bibster_sessions::add_team))
        .routes(routes!(
            bibster_sessions::rename_team,
            bibster_sessions::remove_team
        ))
        .routes(routes!(
            bibster_sessions::list_reviews,
            bibster_sessions::decide_review
        ))
        .routes(routes!(bibster_sessions::send_message))
        .routes(routes!(bibster_sessions::end_session))
        .routes(routes!(bibster_play::session_info))
        .routes(routes!(bibster_play::join))
        .routes(routes!(bibster_play::play_state))
        .routes(routes!(bibster_play::open_task))
        .routes(routes!(bibster_play::answer))
        .routes(routes!(bibster_play::live))
        .routes(routes!(bibster_media::get_photo))
        .merge(
            // Catalogue files are larger than other JSON bodies.
            OpenApiRouter::new()
                .routes(routes!(
                    bieblo_imports::post_import,
                    bieblo_imports::list_imports
                ))
                .routes(routes!(bieblo_imports::post_refresh))
                .routes(routes!(culture_source::import_now))
                .routes(routes!(bieblo_themes::post_picture))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    one_upload_at_a_time,
                ))
                .layer(axum::extract::DefaultBodyLimit::max(IMPORT_BODY_LIMIT)),
        )
        // The e-reader's back-office; its EPUB uploads take their turn like every upload.
        .routes(routes!(ereader_admin::put_title))
        .routes(routes!(ereader_admin::list_libraries))
        .routes(routes!(ereader_admin::get_stats))
        .routes(routes!(ereader_admin::get_stats_csv))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(
                    ereader_admin::list_titles,
                    ereader_admin::upload_title
                ))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    one_upload_at_a_time,
                ))
                .layer(axum::extract::DefaultBodyLimit::max(
                    ereader_admin::MAX_EPUB_BYTES,
                )),
        )
        // Voor de Show; its uploads take their turn like every upload.
        .routes(routes!(
            vds_companies::list_companies,
            vds_companies::invite_company
        ))
        .routes(routes!(vds_companies::centre_shows))
        .routes(routes!(
            vds_school::list_performances,
            vds_school::create_performance
        ))
        .routes(routes!(vds_school::publish))
        .routes(routes!(vds_school::add_code))
        .routes(routes!(vds_school::get_figures))
        .routes(routes!(vds_school::get_figures_csv))
        .routes(routes!(vds_shows::list_shows, vds_shows::create_show))
        .routes(routes!(vds_shows::get_show, vds_shows::update_show))
        .routes(routes!(vds_shows::preview))
        .routes(routes!(vds_media::get_media))
        .routes(routes!(vds_play::play))
        .routes(routes!(vds_play::post_event))
        .merge(
            OpenApiRouter::new()
                .routes(routes!(vds_media::list_media, vds_media::upload_media))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    one_upload_at_a_time,
                ))
                .layer(axum::extract::DefaultBodyLimit::max(
                    vds_media::MAX_UPLOAD_BYTES,
                )),
        )
        .merge(
            // Trailer videos are the largest uploads; the handler holds each kind of
            // file to its own, smaller limit.
            OpenApiRouter::new()
                .routes(routes!(culture_staff::post_media))
                .routes(routes!(bibster_media::post_picture))
                .routes(routes!(bibster_media::post_photo))
                .layer(axum::middleware::from_fn_with_state(
                    state.clone(),
                    one_upload_at_a_time,
                ))
                .layer(axum::extract::DefaultBodyLimit::max(MEDIA_BODY_LIMIT)),
        )
        .split_for_parts();
    // Every route so far: the audit log of staff changes (one way, see `audit`).
    let router = router.route_layer(axum::middleware::from_fn_with_state(
        state.clone(),
        crate::audit::record,
    ));
    utoipa::Modify::modify(&SharedAnswers, &mut doc);
    utoipa::Modify::modify(&StaffRoles, &mut doc);
    let served = doc.clone();
    let router = router
        .route(
            "/api/openapi.json",
            get(move || async move { Json(served) }),
        )
        .route(
            "/api/ereader/loans/{loan_id}/content/{*path}",
            get(ereader_books::content),
        )
        .route("/api", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .layer(axum::extract::DefaultBodyLimit::max(API_BODY_LIMIT))
        .layer(axum::middleware::from_fn(crate::nul::refuse_in_uri));
    let router = match cors(&state.config.allowed_origins) {
        Some(cors) => router.layer(cors),
        None => router,
    };
    (router, doc)
}

/// Largest JSON body the API takes; uploads get their own limits.
pub const API_BODY_LIMIT: usize = 64 * 1024;
/// Largest import upload (catalogue responses as JSON strings).
pub const IMPORT_BODY_LIMIT: usize = 16 * 1024 * 1024;
/// Largest Culture Matcher media upload (a trailer video).
pub const MEDIA_BODY_LIMIT: usize = suite_domain::culture::media::VIDEO_MAX_BYTES;

/// The organisation `id` of `kind` if its id is well formed (otherwise 404), `staff`
/// manages it (403) and it exists (404): the check every back-office handler starts with.
pub(crate) async fn managed_org(
    state: &crate::AppState,
    staff: &crate::auth::CurrentStaff,
    kind: suite_domain::org::OrgKind,
    id: &str,
) -> Result<suite_domain::org::OrgRef, crate::error::AppError> {
    let org = org_ref(kind, id)?;
    staff.require_scope(&org)?;
    // Staff manage only their own organisation, which exists as long as they do (their
    // account goes with it): only an admin's choice needs looking up.
    if staff.role.is_admin() && state.db.get_org(&org).await?.is_none() {
        return Err(crate::error::AppError::NotFound);
    }
    Ok(org)
}

/// The latest import runs of `org` (at most 20), newest first: the history every
/// back-office shows under its imports.
pub(crate) async fn import_history(
    state: &crate::AppState,
    org: &suite_domain::org::OrgRef,
) -> Result<Vec<suite_domain::api::ImportRun>, crate::error::AppError> {
    let runs = state.db.import_runs(org.kind.as_str(), &org.id, 20).await?;
    Ok(runs
        .into_iter()
        .filter_map(|(started_at, report)| {
            serde_json::from_str(&report)
                .ok()
                .map(|report| suite_domain::api::ImportRun { started_at, report })
        })
        .collect())
}

/// The organisation `id` of `kind`, or 404 when the id could not be one.
pub(crate) fn org_ref(
    kind: suite_domain::org::OrgKind,
    id: &str,
) -> Result<suite_domain::org::OrgRef, crate::error::AppError> {
    if !crate::import::is_safe_id(id) {
        return Err(crate::error::AppError::NotFound);
    }
    Ok(suite_domain::org::OrgRef::new(kind, id))
}

/// The folder of the teams' photos of Bibster session `session` (for the housekeeping).
pub(crate) fn bibster_photo_dir(state: &crate::AppState, session: i64) -> std::path::PathBuf {
    bibster_media::photo_dir(state, session)
}
