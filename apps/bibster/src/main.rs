//! Bibster: quests, quizzes and guided tours through the library for classes and teams.
//! For now the app frame (name, description, live API check, staff login); the quest
//! builder and player come with their own issue.

fn main() {
    suite_ui::run_app("bibster");
}
