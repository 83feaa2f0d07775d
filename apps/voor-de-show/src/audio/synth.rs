//! The game's sounds as recipes: each cue is a few tones (an oscillator or noise, a
//! pitch glide, an envelope, a filter, a tremolo) that the browser's Web Audio plays
//! (`audio::web`). Nothing is recorded or downloaded: the sounds are made here, for
//! this project (see game-assets/LICENSES.md). Plain data, so the tests can check
//! every recipe without a browser.

use super::Cue;

/// The source of a tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wave {
    Sine,
    Triangle,
    Sawtooth,
    /// White noise (wind, rain, sea, applause, thunder).
    Noise,
}

/// A filter after the source.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Filter {
    Lowpass { hz: f32, q: f32 },
    Bandpass { hz: f32, q: f32 },
    Highpass { hz: f32, q: f32 },
}

/// One tone of a cue, in seconds from the cue's start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Tone {
    pub(crate) wave: Wave,
    /// Pitch at the start and at the end (a glide between them); for noise, the
    /// filter shapes the sound and these are not used.
    pub(crate) hz: f32,
    pub(crate) hz_end: f32,
    pub(crate) start: f32,
    pub(crate) attack: f32,
    pub(crate) hold: f32,
    pub(crate) release: f32,
    /// Peak loudness, 0 to 1.
    pub(crate) gain: f32,
    pub(crate) filter: Option<Filter>,
    /// Loudness wobble: rate in Hz and depth (0 to 1): the loudness swings between
    /// `gain * (1 - depth)` and `gain` (waves, hoots, wind gusts).
    pub(crate) tremolo: Option<(f32, f32)>,
}

impl Tone {
    /// A plain tone: `hz`, sounding from `start` for `length` seconds.
    const fn note(wave: Wave, hz: f32, start: f32, length: f32, gain: f32) -> Tone {
        Tone {
            wave,
            hz,
            hz_end: hz,
            start,
            attack: 0.01,
            hold: 0.0,
            release: length,
            gain,
            filter: None,
            tremolo: None,
        }
    }

    /// Noise through `filter`, from `start`: rises in `attack`, stays `hold`, fades
    /// in `release`.
    const fn noise(
        filter: Filter,
        start: f32,
        attack: f32,
        hold: f32,
        release: f32,
        gain: f32,
    ) -> Tone {
        Tone {
            wave: Wave::Noise,
            hz: 0.0,
            hz_end: 0.0,
            start,
            attack,
            hold,
            release,
            gain,
            filter: Some(filter),
            tremolo: None,
        }
    }

    const fn glide(mut self, hz_end: f32) -> Tone {
        self.hz_end = hz_end;
        self
    }

    const fn tremolo(mut self, rate: f32, depth: f32) -> Tone {
        self.tremolo = Some((rate, depth));
        self
    }

    /// When the tone has faded out, from the cue's start.
    pub(crate) fn end(&self) -> f32 {
        self.start + self.attack + self.hold + self.release
    }
}

/// How long a sound tile sounds, and a layered soundscape.
pub(crate) const TILE_SECONDS: f32 = 3.0;

/// The tones of `cue`.
pub(crate) fn recipe(cue: &Cue) -> Vec<Tone> {
    match cue {
        Cue::Arrive => gong(),
        Cue::Applause => applause(),
        Cue::Right => vec![
            Tone::note(Wave::Sine, 880.0, 0.0, 0.35, 0.35),
            Tone::note(Wave::Sine, 1318.5, 0.12, 0.5, 0.3),
        ],
        Cue::Wrong => vec![Tone::note(Wave::Triangle, 330.0, 0.0, 0.45, 0.3).glide(262.0)],
        Cue::TimeUp => (0..3)
            .flat_map(|n| {
                let at = n as f32 * 0.45;
                [
                    Tone::note(Wave::Sine, 1046.5, at, 0.9, 0.25),
                    Tone::note(Wave::Sine, 2093.0, at, 0.5, 0.08),
                ]
            })
            .collect(),
        Cue::Sound(n) => tile(*n),
        Cue::Layers(tiles) => {
            // Quieter together, so the layers add up without clipping.
            let scale = 1.0 / tiles.len().max(1) as f32;
            tiles
                .iter()
                .flat_map(|n| tile(*n))
                .map(|mut t| {
                    t.gain *= scale;
                    t
                })
                .collect()
        }
    }
}

/// Arriving at a place: a soft two-stroke gong.
fn gong() -> Vec<Tone> {
    vec![
        Tone::note(Wave::Sine, 392.0, 0.0, 1.6, 0.3),
        Tone::note(Wave::Sine, 784.0, 0.0, 0.8, 0.1),
        Tone::note(Wave::Sine, 523.3, 0.35, 1.6, 0.3),
        Tone::note(Wave::Sine, 1046.5, 0.35, 0.8, 0.08),
    ]
}

/// An assignment done: claps, a short burst of filtered noise each.
fn applause() -> Vec<Tone> {
    // Irregular on purpose, like a class clapping; fixed, so every run sounds the same.
    const AT: [f32; 12] = [
        0.0, 0.11, 0.19, 0.32, 0.4, 0.52, 0.63, 0.7, 0.84, 0.93, 1.05, 1.16,
    ];
    AT.iter()
        .enumerate()
        .map(|(n, at)| {
            let hz = 1200.0 + (n % 4) as f32 * 350.0;
            Tone::noise(Filter::Bandpass { hz, q: 1.2 }, *at, 0.003, 0.0, 0.09, 0.45)
        })
        .collect()
}

/// The soundscape tile `n` (the order of `TILE_NAMES`).
fn tile(n: usize) -> Vec<Tone> {
    let s = TILE_SECONDS;
    match n {
        // Rain: high hiss, steady.
        0 => vec![Tone::noise(
            Filter::Highpass { hz: 3000.0, q: 0.7 },
            0.0,
            0.4,
            s - 1.2,
            0.8,
            0.3,
        )],
        // Howling wind: a narrow band of noise that swells.
        1 => vec![
            Tone::noise(
                Filter::Bandpass { hz: 500.0, q: 6.0 },
                0.0,
                0.8,
                s - 1.8,
                1.0,
                0.6,
            )
            .tremolo(0.6, 0.6),
        ],
        // An owl: two hoots, low and wavering.
        2 => vec![
            Tone::note(Wave::Sine, 440.0, 0.1, 0.5, 0.35)
                .glide(392.0)
                .tremolo(6.0, 0.3),
            Tone::note(Wave::Sine, 440.0, 0.9, 0.9, 0.35)
                .glide(370.0)
                .tremolo(6.0, 0.3),
        ],
        // A creaking door: a slow, rough glide, then the door shuts.
        3 => vec![
            Tone {
                filter: Some(Filter::Bandpass { hz: 900.0, q: 4.0 }),
                ..Tone::note(Wave::Sawtooth, 70.0, 0.0, 1.6, 0.3)
                    .glide(150.0)
                    .tremolo(18.0, 0.7)
            },
            Tone::noise(
                Filter::Lowpass { hz: 300.0, q: 1.0 },
                1.7,
                0.005,
                0.0,
                0.3,
                0.7,
            ),
        ],
        // Footsteps: six dull thuds.
        4 => (0..6)
            .map(|k| {
                Tone::noise(
                    Filter::Lowpass { hz: 450.0, q: 1.0 },
                    k as f32 * 0.45,
                    0.005,
                    0.02,
                    0.12,
                    0.6,
                )
            })
            .collect(),
        // Thunder: a crack, then a long low rumble.
        5 => vec![
            Tone::noise(
                Filter::Highpass { hz: 1500.0, q: 0.7 },
                0.0,
                0.005,
                0.05,
                0.3,
                0.35,
            ),
            Tone::noise(
                Filter::Lowpass { hz: 160.0, q: 0.8 },
                0.05,
                0.1,
                0.4,
                s - 0.6,
                0.6,
            )
            .tremolo(3.0, 0.4),
        ],
        // Birds: quick chirps up and down.
        6 => (0..7)
            .map(|k| {
                let at = [0.0, 0.18, 0.5, 0.64, 1.2, 1.36, 1.9][k];
                let hz = [2800.0, 3300.0, 2500.0, 3600.0, 3000.0, 2700.0, 3400.0][k];
                Tone::note(Wave::Sine, hz, at, 0.12, 0.15).glide(hz * 1.35)
            })
            .collect(),
        // The sea: low noise rolling in and out.
        7 => vec![
            Tone::noise(
                Filter::Lowpass { hz: 700.0, q: 0.7 },
                0.0,
                0.6,
                s - 1.4,
                0.8,
                0.55,
            )
            .tremolo(0.35, 0.8),
        ],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_cue() -> Vec<Cue> {
        let mut cues = vec![
            Cue::Arrive,
            Cue::Applause,
            Cue::Right,
            Cue::Wrong,
            Cue::TimeUp,
        ];
        cues.extend((0..super::super::TILE_NAMES.len()).map(Cue::Sound));
        cues.push(Cue::Layers((0..super::super::TILE_NAMES.len()).collect()));
        cues
    }

    #[test]
    fn every_cue_and_every_tile_has_a_sound() {
        for cue in every_cue() {
            assert!(!recipe(&cue).is_empty(), "{cue:?} has no tones");
        }
        assert!(recipe(&Cue::Sound(super::super::TILE_NAMES.len())).is_empty());
    }

    #[test]
    fn the_tones_are_audible_short_and_never_clip() {
        for cue in every_cue() {
            let tones = recipe(&cue);
            for t in &tones {
                assert!(
                    t.start >= 0.0 && t.attack > 0.0 && t.hold >= 0.0 && t.release > 0.0,
                    "{cue:?}: {t:?}"
                );
                assert!(t.gain > 0.0 && t.gain <= 1.0, "{cue:?}: {t:?}");
                if t.wave != Wave::Noise {
                    for hz in [t.hz, t.hz_end] {
                        assert!((40.0..=8000.0).contains(&hz), "{cue:?}: {hz} Hz");
                    }
                }
                if let Some((rate, depth)) = t.tremolo {
                    assert!(rate > 0.0 && (0.0..=1.0).contains(&depth), "{cue:?}: {t:?}");
                }
            }
            let end = tones.iter().map(Tone::end).fold(0.0, f32::max);
            assert!(end <= 3.5, "{cue:?} lasts {end} s");
            // At every moment the tones sounding add up to at most 1 (a tremolo only
            // takes away), so the master never clips.
            let mut at = 0.0;
            while at < end {
                let loud: f32 = tones
                    .iter()
                    .filter(|t| t.start <= at && at < t.end())
                    .map(|t| t.gain)
                    .sum();
                assert!(loud <= 1.0, "{cue:?} at {at} s: {loud}");
                at += 0.01;
            }
        }
    }

    #[test]
    fn a_soundscape_is_its_tiles_together() {
        let layers = recipe(&Cue::Layers(vec![0, 2]));
        assert_eq!(
            layers.len(),
            recipe(&Cue::Sound(0)).len() + recipe(&Cue::Sound(2)).len()
        );
        let rain = recipe(&Cue::Sound(0))[0];
        assert!(
            layers[0].gain < rain.gain,
            "layers are quieter than one tile"
        );
    }
}
