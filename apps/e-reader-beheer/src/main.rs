//! The staff bundle of the e-reader (`/e-reader/beheer/`).

fn main() {
    e_reader_beheer::run();
}
