//! The bundle of the whole programme (`/culture-matcher/programma`): the list with its
//! filters, loaded only when someone opens it, so the swipe's first download stays small.

fn main() {
    culture_matcher::run_programme();
}
