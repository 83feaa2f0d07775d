//! The reader's settings as kept on the device (text size, scroll view, colours, font
//! family, line spacing, margins), read back leniently, and the style sheet that
//! applies them inside the book's frame.

use suite_domain::i18n::Msg;

pub(crate) const FONT_MIN: u32 = 70;
pub(crate) const FONT_MAX: u32 = 250;
pub(crate) const FONT_STEP: u32 = 10;

/// The page's colours: background, text and links, as `#rrggbb`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Colours {
    pub(crate) background: &'static str,
    pub(crate) text: &'static str,
    pub(crate) link: &'static str,
}

/// The reading view's colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Theme {
    #[default]
    Light,
    Sepia,
    Dark,
}

impl Theme {
    pub(crate) const ALL: [Theme; 3] = [Theme::Light, Theme::Sepia, Theme::Dark];

    /// Its name in the stored text, in the chrome's `data-er-theme` and in element ids.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Sepia => "sepia",
            Theme::Dark => "dark",
        }
    }

    pub(crate) fn label(self) -> Msg {
        match self {
            Theme::Light => Msg::EreaderThemeLight,
            Theme::Sepia => Msg::EreaderThemeSepia,
            Theme::Dark => Msg::EreaderThemeDark,
        }
    }

    /// Its colours, each pair at least 4.5:1 (WCAG AA for text).
    pub(crate) fn colours(self) -> Colours {
        match self {
            Theme::Light => Colours {
                background: "#ffffff",
                text: "#1b1b1f",
                link: "#0a58a8",
            },
            Theme::Sepia => Colours {
                background: "#f4ecd8",
                text: "#3b2f20",
                link: "#7a3a00",
            },
            Theme::Dark => Colours {
                background: "#121212",
                text: "#e8e6e3",
                link: "#8ab4f8",
            },
        }
    }
}

/// The font family of the book's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Family {
    /// The book's own styles.
    #[default]
    Book,
    Serif,
    Sans,
    /// OpenDyslexic, shipped with the app (`apps/e-reader/fonts`).
    Dyslexic,
}

/// The dyslexia-friendly font's family name in the frame's `@font-face`.
pub(crate) const DYSLEXIC_FAMILY: &str = "OpenDyslexic";

impl Family {
    pub(crate) const ALL: [Family; 4] =
        [Family::Book, Family::Serif, Family::Sans, Family::Dyslexic];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Family::Book => "book",
            Family::Serif => "serif",
            Family::Sans => "sans",
            Family::Dyslexic => "dyslexic",
        }
    }

    pub(crate) fn label(self) -> Msg {
        match self {
            Family::Book => Msg::EreaderFamilyBook,
            Family::Serif => Msg::EreaderFamilySerif,
            Family::Sans => Msg::EreaderFamilySans,
            Family::Dyslexic => Msg::EreaderFamilyDyslexic,
        }
    }

    /// The CSS font stack, or none for the book's own.
    pub(crate) fn stack(self) -> Option<&'static str> {
        match self {
            Family::Book => None,
            Family::Serif => {
                Some(r#"Georgia, "Noto Serif", "DejaVu Serif", "Times New Roman", serif"#)
            }
            Family::Sans => Some(
                r#"system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif"#,
            ),
            Family::Dyslexic => Some(r#""OpenDyslexic", sans-serif"#),
        }
    }
}

/// One of three steps (line spacing, margins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Step {
    Small,
    #[default]
    Medium,
    Large,
}

impl Step {
    pub(crate) const ALL: [Step; 3] = [Step::Small, Step::Medium, Step::Large];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Step::Small => "s",
            Step::Medium => "m",
            Step::Large => "l",
        }
    }

    pub(crate) fn label(self) -> Msg {
        match self {
            Step::Small => Msg::EreaderStepSmall,
            Step::Medium => Msg::EreaderStepMedium,
            Step::Large => Msg::EreaderStepLarge,
        }
    }

    /// The line height this step gives (a factor of the font size).
    pub(crate) fn line_height(self) -> f64 {
        match self {
            Step::Small => 1.3,
            Step::Medium => 1.6,
            Step::Large => 2.0,
        }
    }

    /// The side margin of a page this step gives, in CSS pixels.
    pub(crate) fn margin(self) -> f64 {
        match self {
            Step::Small => 12.0,
            Step::Medium => 24.0,
            Step::Large => 56.0,
        }
    }
}

fn by_key<T: Copy>(all: &[T], key: impl Fn(T) -> &'static str, value: &str) -> Option<T> {
    all.iter().copied().find(|&item| key(item) == value)
}

/// The reader's settings, kept on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Settings {
    /// The text's size in percent of the book's own.
    pub(crate) font_percent: u32,
    /// Continuous scroll in place of pages.
    pub(crate) scroll: bool,
    pub(crate) theme: Theme,
    pub(crate) family: Family,
    pub(crate) line: Step,
    pub(crate) margin: Step,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            font_percent: 100,
            scroll: false,
            theme: Theme::default(),
            family: Family::default(),
            line: Step::default(),
            margin: Step::default(),
        }
    }
}

impl Settings {
    /// Reads what [`Settings::to_text`] wrote (`font=120;scroll=1;theme=dark;...`); a
    /// missing, unknown or out-of-range part keeps its default.
    pub(crate) fn parse(text: &str) -> Settings {
        let mut settings = Settings::default();
        for part in text.split(';') {
            let Some((key, value)) = part.trim().split_once('=') else {
                continue;
            };
            match key {
                "font" => {
                    if let Some(n) = value
                        .parse::<u32>()
                        .ok()
                        .filter(|n| (FONT_MIN..=FONT_MAX).contains(n))
                    {
                        settings.font_percent = n;
                    }
                }
                "scroll" => settings.scroll = value == "1",
                "theme" => {
                    settings.theme = by_key(&Theme::ALL, Theme::key, value).unwrap_or_default();
                }
                "family" => {
                    settings.family = by_key(&Family::ALL, Family::key, value).unwrap_or_default();
                }
                "line" => settings.line = by_key(&Step::ALL, Step::key, value).unwrap_or_default(),
                "margin" => {
                    settings.margin = by_key(&Step::ALL, Step::key, value).unwrap_or_default();
                }
                _ => {}
            }
        }
        settings
    }

    pub(crate) fn to_text(self) -> String {
        format!(
            "font={};scroll={};theme={};family={};line={};margin={}",
            self.font_percent,
            u8::from(self.scroll),
            self.theme.key(),
            self.family.key(),
            self.line.key(),
            self.margin.key(),
        )
    }

    /// One step larger (`true`) or smaller, within the limits.
    pub(crate) fn resized(self, larger: bool) -> Settings {
        let font_percent = if larger {
            (self.font_percent + FONT_STEP).min(FONT_MAX)
        } else {
            self.font_percent.saturating_sub(FONT_STEP).max(FONT_MIN)
        };
        Settings {
            font_percent,
            ..self
        }
    }
}

/// The style sheet put into the framed document for `settings`: the theme's colours
/// (in sepia and dark every element's own colours give way), the line spacing, the
/// chosen family, the shipped font's `@font-face` at `font_base` (the absolute URL of
/// the app's `fonts/` folder, ending in `/`), the search hit's mark and the highlights.
pub(crate) fn frame_css(settings: Settings, font_base: &str) -> String {
    let Colours {
        background,
        text,
        link,
    } = settings.theme.colours();
    let mut css = String::new();
    for (file, weight) in [("Regular", "normal"), ("Bold", "bold")] {
        css.push_str(&format!(
            "@font-face{{font-family:\"{DYSLEXIC_FAMILY}\";src:url(\"{font_base}OpenDyslexic-{file}.woff2\") format(\"woff2\");font-weight:{weight};font-style:normal;font-display:block}}"
        ));
    }
    css.push_str(&format!(
        "html{{background:{background}!important;color:{text}!important}}\
         body{{background:transparent!important;color:inherit!important;line-height:{}!important}}\
         body *{{line-height:inherit!important}}",
        settings.line.line_height()
    ));
    if settings.theme != Theme::Light {
        css.push_str(&format!(
            "body *{{color:inherit!important;background-color:transparent!important;border-color:currentColor!important}}\
             a:link,a:visited,a *{{color:{link}!important}}"
        ));
    }
    if let Some(stack) = settings.family.stack() {
        css.push_str(&format!(
            "body,body *:not(code):not(pre):not(kbd):not(samp){{font-family:{stack}!important}}"
        ));
    }
    css.push_str(
        "mark.er-hit{background:#ffd54f!important;color:#000!important;outline:2px solid #b45f06}",
    );
    css.push_str(&super::highlight_css(settings.theme));
    css
}
