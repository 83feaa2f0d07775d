//! E-reader (`/e-reader/`): members borrow e-books with their library card and read
//! them in the browser.

fn main() {
    e_reader::run();
}
