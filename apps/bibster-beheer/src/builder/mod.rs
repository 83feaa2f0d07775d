//! The builder (`/bibster/beheer/`).

/// Starts the builder, rendered into `<body>`.
pub fn run() {
    suite_ui::run_app("bibster");
}
