//! The staff bundle of Culture Matcher (`/culture-matcher/beheer/`).

fn main() {
    culture_matcher_beheer::run();
}
