//! Culture Matcher: young people swipe trailers of shows and get three suggestions.
//! For now the app frame (name, description, live API check, staff login); swiping and
//! suggestions come with their own issue.

fn main() {
    suite_ui::run_app("culture-matcher");
}
