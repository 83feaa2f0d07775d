//! Web Audio for the game's sound, in one place. Browsers let a page make sound only
//! after the user touched it, so one listener on the document (pointer, touch or key,
//! in the capture phase) makes the `AudioContext` on the first touch and resumes it
//! whenever the browser suspended it.
//!
//! `<html data-sound>` says where the sound stands (`locked` until the first touch,
//! `on`, `off`) and `data-sound-cues` counts the cues played through the speakers:
//! for the tests and for anyone wondering why the board is silent.
//!
//! Outside the browser (the native tests) these do nothing.

use super::synth::Tone;

/// Listens for the first touch that may unlock the sound.
pub(super) fn unlock_on_first_touch() {
    imp::unlock_on_first_touch();
}

/// Plays `tones` now, if the sound is unlocked and on.
pub(super) fn play(tones: &[Tone]) {
    imp::play(tones);
}

/// Switches the sound on or off; off silences what still sounds. `touched`: the switch
/// was the class's own (a touch, so the sound may start now), not the setting read at
/// start-up (then the first touch unlocks it, and no audio is made before).
pub(super) fn set_on(on: bool, touched: bool) {
    imp::set_on(on, touched);
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use std::cell::RefCell;

    use wasm_bindgen::{JsCast, closure::Closure};
    use web_sys::{
        AudioBuffer, AudioContext, AudioContextState, AudioNode, AudioScheduledSourceNode,
        BiquadFilterType, GainNode, OscillatorType,
    };

    use super::super::synth::{Filter, Tone, Wave};

    /// The context and the master volume every tone goes through.
    struct Sound {
        ctx: AudioContext,
        master: GainNode,
        noise: AudioBuffer,
    }

    thread_local! {
        static SOUND: RefCell<Option<Sound>> = const { RefCell::new(None) };
        static ON: RefCell<bool> = const { RefCell::new(true) };
        static PLAYED: RefCell<u32> = const { RefCell::new(0) };
    }

    /// The loudness of everything together.
    const MASTER: f32 = 0.8;

    fn root() -> Option<web_sys::Element> {
        web_sys::window()?.document()?.document_element()
    }

    /// Writes `data-sound` from the state of things.
    fn mark() {
        let on = ON.with(|on| *on.borrow());
        let running = SOUND.with(|s| {
            s.borrow()
                .as_ref()
                .is_some_and(|s| s.ctx.state() == AudioContextState::Running)
        });
        let state = match (on, running) {
            (false, _) => "off",
            (true, true) => "on",
            (true, false) => "locked",
        };
        if let Some(root) = root() {
            let _ = root.set_attribute("data-sound", state);
        }
    }

    pub(super) fn unlock_on_first_touch() {
        mark();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let touch = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| unlock());
        for kind in ["pointerdown", "touchend", "keydown"] {
            let _ = document.add_event_listener_with_callback_and_bool(
                kind,
                touch.as_ref().unchecked_ref(),
                true,
            );
        }
        // The listener lives as long as the page.
        touch.forget();
    }

    /// Makes the context (first touch) or resumes it (after the browser suspended it).
    fn unlock() {
        if !ON.with(|on| *on.borrow()) {
            return;
        }
        let (made, new) = SOUND.with(|s| {
            let mut s = s.borrow_mut();
            let new = s.is_none();
            if new {
                *s = make();
            }
            (s.as_ref().map(|s| s.ctx.clone()), new)
        });
        let Some(ctx) = made else { return };
        if ctx.state() == AudioContextState::Running {
            if new {
                // Made by this touch, the context runs at once.
                mark();
            }
            return;
        }
        match ctx.resume() {
            Ok(promise) => wasm_bindgen_futures::spawn_local(async move {
                if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
                    bevy::log::warn!("the browser kept the sound locked");
                }
                mark();
            }),
            Err(_) => bevy::log::warn!("could not resume the audio context"),
        }
    }

    fn make() -> Option<Sound> {
        let ctx = AudioContext::new()
            .inspect_err(|_| bevy::log::warn!("this browser has no Web Audio: the game is silent"))
            .ok()?;
        let master = new_master(&ctx)?;
        let noise = noise_buffer(&ctx)?;
        Some(Sound { ctx, master, noise })
    }

    fn new_master(ctx: &AudioContext) -> Option<GainNode> {
        let master = ctx.create_gain().ok()?;
        master.gain().set_value(MASTER);
        master.connect_with_audio_node(&ctx.destination()).ok()?;
        Some(master)
    }

    /// Two seconds of white noise, looped by the noise tones (a fixed seed: the same
    /// sound every time).
    fn noise_buffer(ctx: &AudioContext) -> Option<AudioBuffer> {
        let rate = ctx.sample_rate();
        let frames = (rate * 2.0) as u32;
        let buffer = ctx.create_buffer(1, frames, rate).ok()?;
        let mut seed: u32 = 0x9E37_79B9;
        let samples: Vec<f32> = (0..frames)
            .map(|_| {
                // xorshift32
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                (seed as f32 / u32::MAX as f32) * 2.0 - 1.0
            })
            .collect();
        buffer.copy_to_channel(&samples, 0).ok()?;
        Some(buffer)
    }

    pub(super) fn set_on(on: bool, touched: bool) {
        ON.with(|o| *o.borrow_mut() = on);
        if on && touched {
            // The toggle is a touch itself: it unlocks too.
            unlock();
        } else if !on {
            // A fresh master: what still sounds goes to the old one, now disconnected.
            SOUND.with(|s| {
                if let Some(s) = s.borrow_mut().as_mut() {
                    let _ = s.master.disconnect();
                    if let Some(master) = new_master(&s.ctx) {
                        s.master = master;
                    }
                }
            });
        }
        mark();
    }

    pub(super) fn play(tones: &[Tone]) {
        if !ON.with(|on| *on.borrow()) {
            return;
        }
        let played = SOUND.with(|s| {
            let s = s.borrow();
            let Some(s) = s
                .as_ref()
                .filter(|s| s.ctx.state() == AudioContextState::Running)
            else {
                return false;
            };
            // A moment ahead, so every tone of the cue starts on time.
            let now = s.ctx.current_time() + 0.02;
            for tone in tones {
                if schedule(s, tone, now).is_none() {
                    bevy::log::warn!("could not play a tone: {tone:?}");
                }
            }
            true
        });
        if played {
            let n = PLAYED.with(|p| {
                *p.borrow_mut() += 1;
                *p.borrow()
            });
            if let Some(root) = root() {
                let _ = root.set_attribute("data-sound-cues", &n.to_string());
            }
        }
    }

    /// Builds one tone's nodes: source, filter, envelope, tremolo, to the master.
    fn schedule(s: &Sound, tone: &Tone, now: f64) -> Option<()> {
        let ctx = &s.ctx;
        let start = now + f64::from(tone.start);
        let peak = start + f64::from(tone.attack);
        let held = peak + f64::from(tone.hold);
        let end = now + f64::from(tone.end());

        let envelope = ctx.create_gain().ok()?;
        let gain = envelope.gain();
        gain.set_value_at_time(0.0, start).ok()?;
        gain.linear_ramp_to_value_at_time(tone.gain, peak).ok()?;
        gain.set_value_at_time(tone.gain, held).ok()?;
        gain.exponential_ramp_to_value_at_time(0.0001, end).ok()?;

        let mut last: AudioNode = envelope.clone().into();
        if let Some((rate, depth)) = tone.tremolo {
            // Loudness swings between (1 - depth) and 1.
            let wobble = ctx.create_gain().ok()?;
            wobble.gain().set_value(1.0 - depth / 2.0);
            let lfo = ctx.create_oscillator().ok()?;
            lfo.frequency().set_value(rate);
            let lfo_depth = ctx.create_gain().ok()?;
            lfo_depth.gain().set_value(depth / 2.0);
            lfo.connect_with_audio_node(&lfo_depth).ok()?;
            lfo_depth.connect_with_audio_param(&wobble.gain()).ok()?;
            lfo.start_with_when(start).ok()?;
            lfo.stop_with_when(end + 0.05).ok()?;
            last.connect_with_audio_node(&wobble).ok()?;
            last = wobble.into();
        }
        last.connect_with_audio_node(&s.master).ok()?;

        let into: AudioNode = match tone.filter {
            Some(filter) => {
                let f = ctx.create_biquad_filter().ok()?;
                let (kind, hz, q) = match filter {
                    Filter::Lowpass { hz, q } => (BiquadFilterType::Lowpass, hz, q),
                    Filter::Bandpass { hz, q } => (BiquadFilterType::Bandpass, hz, q),
                    Filter::Highpass { hz, q } => (BiquadFilterType::Highpass, hz, q),
                };
                f.set_type(kind);
                f.frequency().set_value(hz);
                f.q().set_value(q);
                f.connect_with_audio_node(&envelope).ok()?;
                f.into()
            }
            None => envelope.into(),
        };

        if tone.wave == Wave::Noise {
            let source = ctx.create_buffer_source().ok()?;
            source.set_buffer(Some(&s.noise));
            source.set_loop(true);
            source.connect_with_audio_node(&into).ok()?;
            let source: &AudioScheduledSourceNode = &source;
            source.start_with_when(start).ok()?;
            source.stop_with_when(end + 0.05).ok()?;
        } else {
            let osc = ctx.create_oscillator().ok()?;
            osc.set_type(match tone.wave {
                Wave::Triangle => OscillatorType::Triangle,
                Wave::Sawtooth => OscillatorType::Sawtooth,
                _ => OscillatorType::Sine,
            });
            let hz = osc.frequency();
            hz.set_value_at_time(tone.hz, start).ok()?;
            if tone.hz_end != tone.hz {
                hz.exponential_ramp_to_value_at_time(tone.hz_end, end)
                    .ok()?;
            }
            osc.connect_with_audio_node(&into).ok()?;
            osc.start_with_when(start).ok()?;
            osc.stop_with_when(end + 0.05).ok()?;
        }
        Some(())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Tone;

    pub(super) fn unlock_on_first_touch() {}
    pub(super) fn play(_tones: &[Tone]) {}
    pub(super) fn set_on(_on: bool, _touched: bool) {}
}
