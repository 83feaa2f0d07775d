//! The group leader's bundle of Bibster (`/bibster/leiding/`).

fn main() {
    bibster_beheer::leader::run();
}
