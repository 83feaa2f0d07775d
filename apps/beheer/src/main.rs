//! The service's back-office bundle (`/beheer/`).

fn main() {
    suite_beheer::run();
}
