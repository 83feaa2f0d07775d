//! The five apps of the suite: their URL slug and the catalogue keys of their name
//! and description. The portal, the server and the tests list apps from here.

use crate::i18n::Msg;

/// One browser app of the suite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppInfo {
    /// Path segment under which the server serves the app: `/<slug>/`.
    pub slug: &'static str,
    pub name: Msg,
    pub description: Msg,
}

/// Every app, in the order the portal shows them.
pub const APPS: [AppInfo; 5] = [
    AppInfo {
        slug: "voor-de-show",
        name: Msg::AppVoorDeShowName,
        description: Msg::AppVoorDeShowDesc,
    },
    AppInfo {
        slug: "bibster",
        name: Msg::AppBibsterName,
        description: Msg::AppBibsterDesc,
    },
    AppInfo {
        slug: "bieblo",
        name: Msg::AppBiebloName,
        description: Msg::AppBiebloDesc,
    },
    AppInfo {
        slug: "culture-matcher",
        name: Msg::AppCultureMatcherName,
        description: Msg::AppCultureMatcherDesc,
    },
    AppInfo {
        slug: "e-reader",
        name: Msg::AppEReaderName,
        description: Msg::AppEReaderDesc,
    },
];

/// The service's back-office (`/beheer/`): a bundle beside the apps, not an app.
pub const ADMIN_SLUG: &str = "beheer";

/// Whether the site serves `/<slug>/` as a bundle with client-side routes: an app, or the
/// service's back-office.
pub fn is_bundle(slug: &str) -> bool {
    slug == ADMIN_SLUG || app_by_slug(slug).is_some()
}

/// Looks an app up by its slug.
pub fn app_by_slug(slug: &str) -> Option<&'static AppInfo> {
    APPS.iter().find(|a| a.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_url_safe() {
        for (i, app) in APPS.iter().enumerate() {
            assert!(
                app.slug.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                app.slug
            );
            assert_eq!(app_by_slug(app.slug).map(|a| a.slug), Some(app.slug));
            assert!(APPS[i + 1..].iter().all(|b| b.slug != app.slug));
        }
        assert!(app_by_slug("api").is_none());
    }
}
