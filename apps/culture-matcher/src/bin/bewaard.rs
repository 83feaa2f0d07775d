//! The bundle of the saved shows (`/culture-matcher/bewaard`): the list kept in this
//! browser and the after-show chats, loaded only when someone opens it.

fn main() {
    culture_matcher::run_saved();
}
