//! The main bundle of Culture Matcher (`/culture-matcher/`): choosing a centre, the
//! swipe and the three suggestions, the programme, a show's page.

fn main() {
    culture_matcher::run_main();
}
