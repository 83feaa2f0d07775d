//! Server configuration: where the data and the built site live, and whether this is a demo.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    /// Holds `suite.sqlite` and `public/` (the JSON served under `/data/`).
    pub data_dir: PathBuf,
    /// The built site: `index.html` (portal) and one folder per app.
    pub site_dir: PathBuf,
    /// Demo mode: demo organisations and staff accounts exist.
    pub demo: bool,
}

impl Config {
    /// The folder whose files are served under `/data/`.
    pub fn public_data_dir(&self) -> PathBuf {
        self.data_dir.join("public")
    }
}
