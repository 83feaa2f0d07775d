//! One library's builder: its views, one at a time (`suite_ui::SectionViews`, kept in
//! the address): the games (with the editor, statistics and the printable sheet), the
//! template library, the import and the library's statistics over all its games. What
//! the games view works on (which screen, the game being edited) lives here, so a visit
//! to another view loses no unsaved change.
//! Also the state every view shows when Bibster is not switched on for the library.

use std::rc::Rc;

use suite_domain::bibster::game::Game;
use suite_domain::i18n::{Lang, Msg};
use suite_ui::api::ApiError;
use suite_ui::back_office::load_failed;
use suite_ui::{SectionViews, View};
use yew::prelude::*;

use super::games::GamesSection;
use super::import::ImportSection;
use super::library_stats::LibraryStatsSection;
use super::templates::TemplatesSection;

/// The headings of the views, which take the focus when one opens.
pub(crate) const GAMES_HEADING: &str = "bb-games-title";
pub(crate) const TEMPLATES_HEADING: &str = "bb-templates-title";
pub(crate) const IMPORT_HEADING: &str = "bb-import-title";
pub(crate) const LIBRARY_STATS_HEADING: &str = "bb-library-stats-title";

/// What the games view shows.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Screen {
    List,
    /// The editor of [`Library::draft`].
    Edit,
    /// A game's statistics (its id and title).
    Stats(i64, String),
    /// A game's printable sheet of codes (its id).
    Print(i64),
}

/// A game in the editor: its id once stored, the game as edited and as last saved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Draft {
    pub(crate) id: Option<i64>,
    pub(crate) game: Game,
    pub(crate) saved: Option<Game>,
}

impl Draft {
    /// Whether it has changes not saved yet.
    pub(crate) fn dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.game)
    }
}

/// The game in the editor, if any, changed only through [`DraftAction`]s so that quick
/// changes never work on a stale copy.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Editing(pub(crate) Option<Draft>);

/// A change of [`Editing`].
pub(crate) enum DraftAction {
    /// Another game (or none) in the editor.
    Open(Option<Draft>),
    /// A change of the game being edited.
    Change(Rc<dyn Fn(&mut Game)>),
    /// Stored on the server as `id`, as `game`.
    Saved(i64, Game),
}

impl Reducible for Editing {
    type Action = DraftAction;

    fn reduce(self: Rc<Self>, action: DraftAction) -> Rc<Self> {
        match action {
            DraftAction::Open(draft) => Rc::new(Editing(draft)),
            DraftAction::Change(change) => {
                let Some(mut draft) = self.0.clone() else {
                    return self;
                };
                change(&mut draft.game);
                Rc::new(Editing(Some(draft)))
            }
            DraftAction::Saved(id, game) => Rc::new(Editing(Some(Draft {
                id: Some(id),
                saved: Some(game.clone()),
                game,
            }))),
        }
    }
}

/// What every view of a library's builder is made from.
#[derive(Clone, PartialEq)]
pub(crate) struct Library {
    pub(crate) id: AttrValue,
    pub(crate) screen: UseStateHandle<Screen>,
    pub(crate) draft: UseReducerHandle<Editing>,
    /// Bumped when a game was made elsewhere (copied, imported), so the list loads anew.
    pub(crate) version: UseStateHandle<u32>,
}

impl Library {
    /// Opens `draft` in the games view's editor.
    pub(crate) fn edit(&self, draft: Draft) {
        self.draft.dispatch(DraftAction::Open(Some(draft)));
        self.show(Screen::Edit);
    }

    /// Shows `screen` in the games view, the focus on its heading.
    pub(crate) fn show(&self, screen: Screen) {
        let heading = match screen {
            Screen::List => GAMES_HEADING,
            Screen::Edit => "bb-editor-heading",
            Screen::Stats(..) => "bb-stats-heading",
            Screen::Print(_) => "bb-print-heading",
        };
        self.screen.set(screen);
        suite_ui::back_office::focus_id_soon(heading.to_string());
    }

    /// Changes the game in the editor.
    pub(crate) fn change(&self, change: impl Fn(&mut Game) + 'static) {
        self.draft.dispatch(DraftAction::Change(Rc::new(change)));
    }
}

/// The views, in the order of their links (`?onderdeel=<slug>`).
#[rustfmt::skip]
const VIEWS: &[View<Library>] = &[
    View { slug: "spellen", title: Msg::BibBuildGames, heading: GAMES_HEADING, render: |l| html! { <GamesSection library={l.clone()} /> } },
    View { slug: "sjablonen", title: Msg::BibBuildTemplates, heading: TEMPLATES_HEADING, render: |l| html! { <TemplatesSection library={l.clone()} /> } },
    View { slug: "importeren", title: Msg::BibBuildImport, heading: IMPORT_HEADING, render: |l| html! { <ImportSection library={l.clone()} /> } },
    View { slug: "statistieken", title: Msg::BibBuildLibraryStats, heading: LIBRARY_STATS_HEADING, render: |l| html! { <LibraryStatsSection library={l.clone()} /> } },
];

#[derive(Properties, PartialEq)]
pub(crate) struct LibraryOfficeProps {
    pub(crate) library: AttrValue,
}

/// One library's builder: the links to its views, and the view chosen.
#[function_component]
pub(crate) fn LibraryOffice(props: &LibraryOfficeProps) -> Html {
    let library = Library {
        id: props.library.clone(),
        screen: use_state(|| Screen::List),
        draft: use_reducer(Editing::default),
        version: use_state(|| 0_u32),
    };
    html! { <SectionViews<Library> views={VIEWS} context={library} /> }
}

/// Whether the server refused because Bibster is not switched on for the library.
pub(crate) fn not_active(error: &ApiError) -> bool {
    error.field.as_deref() == Some("library") && matches!(error.status, 403 | 422)
}

/// A failed load: Bibster not active here (with the way to ask for it), or the error
/// with a retry.
pub(crate) fn failed(error: &ApiError, lang: Lang, attempt: &UseStateHandle<u32>) -> Html {
    if not_active(error) {
        return html! {
            <div class="bb-inactive" role="status">
                <p><strong>{ Msg::BibNotActive.text(lang) }</strong></p>
                <p>{ Msg::BibBuildAskActive.text(lang) }</p>
                <p><a class="btn btn--primary" href="/beheer/">{ Msg::BibBuildToService.text(lang) }</a></p>
            </div>
        };
    }
    load_failed(error, lang, attempt)
}
