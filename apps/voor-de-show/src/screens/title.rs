//! The title screen: the stage, the game's name, what it is (or the show's title, its
//! company and centre when a link brought one, also said in the live region), whether
//! the show loaded, whether the server answers, the start button (pointer, touch, Enter,
//! Space) and "Opnieuw beginnen", which asks before it erases the class's progress.

use bevy::{
    asset::RenderAssetUsages,
    image::{CompressedImageFormats, ImageSampler, ImageType},
    prelude::*,
};
use suite_domain::i18n::Msg;

use crate::{
    api_check::ApiStatus,
    controls::{self, AutoFocus},
    game::Act,
    screens::{EnterScreen, Screen, ScreenUi, clear, redraw, scene, screen_root},
    settings::Settings,
    show::ShowInPlay,
    theme, web,
};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<StageAssets>();
    app.init_resource::<RestartAsked>();
    app.add_systems(OnEnter(Screen::Title), spawn_stage);
    app.add_systems(
        Update,
        (
            ask_restart,
            draw.run_if(
                redraw
                    .or_else(resource_changed::<RestartAsked>)
                    .or_else(resource_changed::<ShowInPlay>),
            ),
            show_api_status,
        )
            .chain()
            .after(EnterScreen)
            .run_if(in_state(Screen::Title)),
    );
}

/// The stage picture (`game-assets/images/stage.png`, 6 KB), compiled in and decoded
/// as the game starts, so the title is drawn in the game's first frame. Fetched, it was
/// requested only once that frame was done (0.6 s at 4x CPU on the bench), and the title
/// waited for it another 0.5 s of frames.
const STAGE_PNG: &[u8] = include_bytes!("../../../../game-assets/images/stage.png");

/// The pictures every screen draws.
#[derive(Resource, Clone)]
pub(crate) struct StageAssets {
    pub(crate) stage: Handle<Image>,
}

impl FromWorld for StageAssets {
    fn from_world(world: &mut World) -> Self {
        let stage = match Image::from_buffer(
            STAGE_PNG,
            ImageType::Extension("png"),
            CompressedImageFormats::NONE,
            true,
            ImageSampler::Default,
            RenderAssetUsages::default(),
        ) {
            Ok(image) => world.resource_mut::<Assets<Image>>().add(image),
            Err(e) => {
                error!("the stage picture compiled into the game does not decode: {e}");
                Handle::default()
            }
        };
        Self { stage }
    }
}

/// Whether the title screen asks to confirm "Opnieuw beginnen".
#[derive(Resource, Default, PartialEq, Eq)]
struct RestartAsked(bool);

/// The line that shows [`ApiStatus`].
#[derive(Component)]
struct ApiStatusLine;

fn spawn_stage(mut commands: Commands, stage_assets: Res<StageAssets>) {
    scene::spawn_picture(
        &mut commands,
        &stage_assets,
        Color::WHITE,
        DespawnOnExit(Screen::Title),
    );
}

fn ask_restart(mut acts: MessageReader<Act>, mut asked: ResMut<RestartAsked>) {
    for act in acts.read() {
        let ask = match act {
            Act::AskRestart(ask) => *ask,
            Act::Restart => false,
            _ => continue,
        };
        if asked.0 != ask {
            asked.0 = ask;
        }
    }
}

fn draw(
    mut commands: Commands,
    drawn: Query<Entity, With<ScreenUi>>,
    settings: Res<Settings>,
    asked: Res<RestartAsked>,
    api_status: Res<ApiStatus>,
    show: Res<ShowInPlay>,
    mut announced: Local<Option<String>>,
) {
    clear(&mut commands, &drawn);
    let lang = settings.lang;
    let p = theme::palette(settings.high_contrast);
    let lines = show.title_lines(lang);
    let note = show.message().map(|m| m.text(lang));
    // Say the show (or why there is none) once, for screen readers and tests.
    let said = [
        lines.as_ref().map(|(t, by)| format!("{t}, {by}.")),
        note.map(str::to_owned),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    if !said.is_empty() && announced.as_deref() != Some(said.as_str()) {
        web::announce(&said);
        *announced = Some(said);
    }
    let mut root = commands.spawn((screen_root("Title screen", Screen::Title, theme::centred()),));
    root.with_children(|ui| {
        let mut panel = ui.spawn((
            Name::new("Title panel"),
            theme::panel(&p),
            children![theme::text(
                Msg::AppVoorDeShowName.text(lang),
                theme::size::GAME_TITLE,
                p.accent
            )],
        ));
        match &lines {
            Some((title, by)) => panel.with_children(|panel| {
                panel.spawn(theme::text(title, theme::size::HEADING, p.text));
                panel.spawn(theme::text(by, theme::size::BODY, p.text));
            }),
            None => panel.with_child(theme::text(
                Msg::AppVoorDeShowDesc.text(lang),
                theme::size::LEAD,
                p.text,
            )),
        };
        if let Some(note) = note {
            ui.spawn((
                Name::new("Show note"),
                theme::panel(&p),
                children![theme::text(note, theme::size::BODY, p.text)],
            ));
        }
        if asked.0 {
            ui.spawn((
                Name::new("Restart question"),
                theme::panel(&p),
                children![
                    theme::text(Msg::VdsRestartConfirm.text(lang), theme::size::LEAD, p.text),
                    (
                        Node {
                            column_gap: Val::VMin(3.0),
                            ..default()
                        },
                        children![
                            controls::button(
                                Msg::VdsRestartYes.text(lang),
                                Act::Restart,
                                theme::size::LEAD,
                                &p
                            ),
                            (
                                controls::button(
                                    Msg::VdsRestartNo.text(lang),
                                    Act::AskRestart(false),
                                    theme::size::LEAD,
                                    &p
                                ),
                                AutoFocus,
                            ),
                        ],
                    ),
                ],
            ));
        } else {
            ui.spawn((
                controls::button(
                    Msg::GameStart.text(lang),
                    Act::Begin,
                    theme::size::HEADING,
                    &p,
                ),
                AutoFocus,
            ));
            ui.spawn(controls::button(
                Msg::VdsRestart.text(lang),
                Act::AskRestart(true),
                theme::size::BODY,
                &p,
            ));
        }
        ui.spawn((
            ApiStatusLine,
            theme::caption(api_status.message().text(lang), theme::size::SMALL),
        ));
        ui.spawn(controls::toolbar(&settings));
    });
}

fn show_api_status(
    status: Res<ApiStatus>,
    settings: Res<Settings>,
    mut lines: Query<&mut Text, With<ApiStatusLine>>,
) {
    if status.is_changed() {
        let message = status.message().text(settings.lang).to_owned();
        for mut line in &mut lines {
            if line.0 != message {
                line.0 = message.clone();
            }
        }
    }
}
