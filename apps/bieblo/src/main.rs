//! The kiosk bundle of Bieblo (`/bieblo/`): start page, kiosk, a child's list.
//! The staff corner is its own, separate bundle (`src/bin/beheer.rs`), so children's
//! devices never download the back-office.

fn main() {
    bieblo::run_kiosk();
}
