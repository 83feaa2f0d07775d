//! Bibster's team app (`/bibster/`): a team joins a running game by its code and plays
//! it on a tablet, phone or PC.

fn main() {
    bibster::run();
}
