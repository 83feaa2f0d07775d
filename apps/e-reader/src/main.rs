//! E-reader: members borrow e-books under single-use licences and read EPUB in the
//! browser. For now the app frame (name, description, live API check, staff login);
//! lending and reading come with their own issue.

fn main() {
    suite_ui::run_app("e-reader");
}
