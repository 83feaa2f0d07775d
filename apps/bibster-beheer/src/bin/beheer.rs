//! The builder bundle of Bibster (`/bibster/beheer/`).

fn main() {
    bibster_beheer::builder::run();
}
