//! The staff bundle of Bieblo (`/bieblo/beheer/`): kiosk settings, imports, themes and
//! statistics, behind the staff login.

fn main() {
    bieblo::run_staff();
}
