//! The group leader's view (`/bibster/leiding/`).

/// Starts the leader's view, rendered into `<body>`.
pub fn run() {
    suite_ui::run_app("bibster");
}
