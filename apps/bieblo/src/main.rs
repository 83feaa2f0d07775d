//! Bieblo: children of 6-11 swipe theme pictures at the library kiosk and get a shelf
//! of books that are on the shelf now. For now the app frame (name, description, live
//! API check, staff login); the kiosk comes with its own issue.

fn main() {
    suite_ui::run_app("bieblo");
}
