//! Bibster for library staff, as two bundles of their own beside the teams' app: the
//! builder (`builder`, `/bibster/beheer/`: a library's games, the template library,
//! statistics, the printable sheet of codes) and the group leader's view (`leader`,
//! `/bibster/leiding/`: start a session, the big screen with the game's code, the live
//! board, the review queue, messages, the podium). Both behind the suite's staff login;
//! every rule they show is `suite_domain::bibster`'s, which the server runs as well.

pub mod builder;
pub mod leader;

#[cfg(test)]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
