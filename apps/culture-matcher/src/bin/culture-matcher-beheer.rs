//! The staff bundle of Culture Matcher (`/culture-matcher/beheer/`), apart from the
//! public app so young people never download it: for now the suite's staff login; the
//! centre's back-office (show editor, swipe choice, insight) comes here.

fn main() {
    suite_ui::run_app("culture-matcher");
}
