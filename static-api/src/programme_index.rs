//! Which shows each centre's published Culture Matcher programme holds
//! (`<data-dir>/public/culture-matcher/<centre>.json`), so the anonymous insight
//! endpoints count only real shows. The file is read again only when it changed.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use suite_domain::culture::programme::CentreSummary;

use crate::publish::Stamp;

/// The folder of the programmes under the public data folder.
pub const PROGRAMME_DIR: &str = "culture-matcher";

/// The shows of one published programme: ids with their Dutch titles, in programme order.
#[derive(Debug, Default, PartialEq)]
pub struct ProgrammeShows {
    pub centre_name: String,
    pub shows: Vec<(String, String)>,
}

/// What the index reads of a programme file: a staff change republishes it, and the
/// next anonymous count reads it again, so only these fields are built (serde passes
/// over the rest).
#[derive(Debug, serde::Deserialize)]
struct ProgrammeFile {
    centre_name: String,
    shows: Vec<ShowEntry>,
}

#[derive(Debug, serde::Deserialize)]
struct ShowEntry {
    id: String,
    title: Title,
}

#[derive(Debug, serde::Deserialize)]
struct Title {
    nl: String,
}

impl ProgrammeShows {
    fn from_file(file: ProgrammeFile) -> Self {
        Self {
            centre_name: file.centre_name,
            shows: file.shows.into_iter().map(|s| (s.id, s.title.nl)).collect(),
        }
    }

    pub fn contains(&self, show: &str) -> bool {
        self.shows.iter().any(|(id, _)| id == show)
    }

    /// The Dutch title of `show`, if the programme has it.
    pub fn title(&self, show: &str) -> Option<&str> {
        self.shows
            .iter()
            .find(|(id, _)| id == show)
            .map(|(_, title)| title.as_str())
    }
}

/// The cache, shared by every request (in [`crate::AppState`]).
#[derive(Debug, Default)]
pub struct ProgrammeIndex {
    cache: Mutex<HashMap<String, (Stamp, Arc<ProgrammeShows>)>>,
}

impl ProgrammeIndex {
    /// The shows of `centre`'s published programme; `None` when there is none or it
    /// cannot be read. `centre` must already be a safe id (it becomes a file name).
    pub async fn shows(&self, public_dir: &Path, centre: &str) -> Option<Arc<ProgrammeShows>> {
        let path = public_dir
            .join(PROGRAMME_DIR)
            .join(format!("{centre}.json"));
        // A `stat` of a local file: in place, not through the blocking pool.
        let stamp = Stamp::of(&std::fs::metadata(&path).ok()?);
        if let Some(shows) = self
            .lock()
            .get(centre)
            .filter(|(cached, _)| *cached == stamp)
            .map(|(_, shows)| shows.clone())
        {
            return Some(shows);
        }
        let bytes = tokio::fs::read(&path).await.ok()?;
        let programme: ProgrammeFile = match serde_json::from_slice(&bytes) {
            Ok(programme) => programme,
            Err(e) => {
                tracing::warn!(%centre, error = %e, "unreadable Culture Matcher programme");
                return None;
            }
        };
        let shows = Arc::new(ProgrammeShows::from_file(programme));
        self.lock()
            .insert(centre.to_string(), (stamp, shows.clone()));
        Some(shows)
    }

    /// Every centre with a readable published programme, by name.
    pub async fn centres(&self, public_dir: &Path) -> Vec<CentreSummary> {
        let mut ids = Vec::new();
        if let Ok(mut entries) = tokio::fs::read_dir(public_dir.join(PROGRAMME_DIR)).await {
            while let Ok(Some(entry)) = entries.next_entry().await {
                let name = entry.file_name();
                let id = name
                    .to_str()
                    .and_then(|n| n.strip_suffix(".json"))
                    .filter(|id| crate::import::is_safe_id(id));
                ids.extend(id.map(str::to_string));
            }
        }
        let mut centres = Vec::new();
        for id in ids {
            if let Some(shows) = self.shows(public_dir, &id).await {
                centres.push(CentreSummary {
                    name: shows.centre_name.clone(),
                    id,
                });
            }
        }
        centres.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.cmp(&b.id)));
        centres
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, (Stamp, Arc<ProgrammeShows>)>> {
        // A panic while holding the lock leaves a map that is still consistent.
        self.cache
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
