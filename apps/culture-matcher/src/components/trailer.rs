//! `TrailerMedia`: what a show shows of itself. A trailer file from our own server plays
//! muted (a tap gives sound; play and pause always at hand); a trailer on a video
//! platform is a poster with a play button, and only that tap puts the platform's player
//! in a frame: no request to a third party before it. Without a trailer: the poster.

use suite_domain::culture::programme::Trailer;
use suite_domain::i18n::Msg;
use web_sys::HtmlVideoElement;
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::centre::ShowRef;

use super::poster::Poster;
use crate::present::{image_src, trailer_file, web_link};
use suite_ui::{use_lang, use_t};

#[derive(Properties, PartialEq)]
pub(crate) struct TrailerMediaProps {
    pub(crate) show: ShowRef,
    /// Start a trailer file by itself (muted; never under `prefers-reduced-motion`).
    #[prop_or_default]
    pub(crate) autoplay: bool,
}

#[function_component]
pub(crate) fn TrailerMedia(props: &TrailerMediaProps) -> Html {
    let show = &props.show;
    if let Some((src, mime)) = trailer_file(show) {
        return html! {
            <VideoTrailer show={show.clone()} src={src.to_string()} mime={mime.to_string()}
                          autoplay={props.autoplay} />
        };
    }
    match &show.trailer {
        Some(Trailer::Platform {
            platform,
            url,
            embed_url,
        }) => html! {
            <PlatformTrailer
                show={show.clone()}
                platform={platform_name(platform)}
                url={web_link(url).map(str::to_string)}
                player={embed_url.as_deref().and_then(player_url).or_else(|| youtube_player(url))}
            />
        },
        _ => html! { <div class="cm-media"><Poster show={show.clone()} /></div> },
    }
}

/// Whether the person asked for less motion.
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|q| q.matches())
}

#[derive(Properties, PartialEq)]
struct VideoProps {
    show: ShowRef,
    src: AttrValue,
    mime: AttrValue,
    autoplay: bool,
}

/// Starts the video; a refusal (no autoplay allowed) simply leaves it paused.
fn play(video: HtmlVideoElement) {
    if let Ok(promise) = video.play() {
        spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

#[function_component]
fn VideoTrailer(props: &VideoProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let video = use_node_ref();
    let sound = use_state(|| false);
    let playing = use_state(|| false);
    {
        let video = video.clone();
        use_effect_with(props.autoplay, move |&autoplay| {
            if let Some(video) = video.cast::<HtmlVideoElement>() {
                // The attribute alone does not mute an element made by script.
                video.set_muted(true);
                if autoplay && !reduced_motion() {
                    play(video);
                }
            }
        });
    }
    let toggle_sound = {
        let (video, sound) = (video.clone(), sound.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(video) = video.cast::<HtmlVideoElement>() {
                let on = !*sound;
                video.set_muted(!on);
                if on && video.paused() {
                    play(video);
                }
                sound.set(on);
            }
        })
    };
    let toggle_play = {
        let video = video.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(video) = video.cast::<HtmlVideoElement>() {
                if video.paused() {
                    play(video);
                } else {
                    let _ = video.pause();
                }
            }
        })
    };
    let on_play = {
        let playing = playing.clone();
        Callback::from(move |_: Event| playing.set(true))
    };
    let on_pause = {
        let playing = playing.clone();
        Callback::from(move |_: Event| playing.set(false))
    };
    let label = format!("{} {}", t(Msg::CmTrailerOf), props.show.title.get(lang));
    let poster = image_src(&props.show).map(str::to_string);
    html! {
        <div class="cm-media cm-media--video">
            <video class="cm-media__video" ref={video} muted=true playsinline=true loop=true
                   preload="metadata" {poster} aria-label={label}
                   onplay={on_play} onpause={on_pause}>
                <source src={props.src.clone()} type={props.mime.clone()} />
            </video>
            <div class="cm-media__controls">
                <button type="button" class="cm-media__button cm-play" onclick={toggle_play}>
                    <span aria-hidden="true">{ if *playing { "❚❚ " } else { "▶ " } }</span>
                    { t(if *playing { Msg::CmPause } else { Msg::CmPlay }) }
                </button>
                <button type="button" class="cm-media__button cm-sound" aria-pressed={sound.to_string()}
                        onclick={toggle_sound}>
                    <span aria-hidden="true">{ if *sound { "🔊 " } else { "🔇 " } }</span>
                    { t(Msg::CmSoundOn) }
                </button>
            </div>
        </div>
    }
}

/// The platform's name as people write it.
fn platform_name(platform: &str) -> AttrValue {
    match platform.to_ascii_lowercase().as_str() {
        "youtube" | "youtu.be" | "www.youtube.com" => AttrValue::Static("YouTube"),
        "vimeo" | "vimeo.com" | "player.vimeo.com" => AttrValue::Static("Vimeo"),
        _ => AttrValue::from(platform.to_string()),
    }
}

/// The player address to frame after a tap: YouTube through its no-cookie host, or
/// Vimeo's player, starting at once; `None` for any other address (the CSP would refuse
/// the frame anyway).
pub(crate) fn player_url(embed: &str) -> Option<String> {
    let rest = embed.strip_prefix("https://")?;
    let (host, path) = rest.split_once('/')?;
    let host = match host {
        "www.youtube.com" | "youtube.com" | "www.youtube-nocookie.com" | "youtube-nocookie.com"
            if path.starts_with("embed/") =>
        {
            "www.youtube-nocookie.com"
        }
        "player.vimeo.com" if path.starts_with("video/") => "player.vimeo.com",
        _ => return None,
    };
    let sep = if path.contains('?') { '&' } else { '?' };
    Some(format!("https://{host}/{path}{sep}autoplay=1"))
}

/// The player of a YouTube page address (`watch?v=`, `youtu.be/`), when no player
/// address was given: the shared reading of trailer links
/// (`suite_domain::culture::media::platform_trailer`), framed as [`player_url`] allows.
pub(crate) fn youtube_player(url: &str) -> Option<String> {
    match suite_domain::culture::media::platform_trailer(url)? {
        Trailer::Platform {
            platform,
            embed_url: Some(embed),
            ..
        } if platform == "youtube" => player_url(&embed),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
struct PlatformProps {
    show: ShowRef,
    platform: AttrValue,
    /// The video's page, for people who rather watch it there.
    url: Option<AttrValue>,
    /// The player to frame, when the platform allows one.
    player: Option<AttrValue>,
}

#[function_component]
fn PlatformTrailer(props: &PlatformProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let tapped = use_state(|| false);
    let frame = use_node_ref();
    {
        let frame = frame.clone();
        use_effect_with(*tapped, move |&tapped| {
            if tapped && let Some(frame) = frame.cast::<web_sys::HtmlElement>() {
                let _ = frame.focus();
            }
        });
    }
    let title = format!("{} {}", t(Msg::CmTrailerOf), props.show.title.get(lang));
    match (&props.player, *tapped) {
        (Some(player), true) => html! {
            <div class="cm-media cm-media--frame">
                <iframe class="cm-media__frame" ref={frame} src={player.clone()} {title}
                        allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
                        allowfullscreen=true referrerpolicy="strict-origin-when-cross-origin" />
            </div>
        },
        (Some(_), false) => {
            let onclick = Callback::from(move |_: MouseEvent| tapped.set(true));
            html! {
                <div class="cm-media cm-media--platform">
                    <Poster show={props.show.clone()} />
                    <button type="button" class="cm-media__tap cm-play-platform" {onclick}>
                        <span class="cm-media__tap-icon" aria-hidden="true">{ "▶" }</span>
                        <span class="cm-media__tap-text">{ t(Msg::CmPlayTrailer) }</span>
                        <span class="cm-media__tap-note">
                            { format!("{} {}.", t(Msg::CmLoadsFrom), props.platform) }
                        </span>
                    </button>
                </div>
            }
        }
        (None, _) => html! {
            <div class="cm-media cm-media--platform">
                <Poster show={props.show.clone()} />
                if let Some(url) = props.url.clone() {
                    <a class="cm-media__tap cm-watch-on" href={url} target="_blank" rel="noopener noreferrer">
                        <span class="cm-media__tap-icon" aria-hidden="true">{ "▶" }</span>
                        <span class="cm-media__tap-text">{ format!("{} {}", t(Msg::CmWatchOn), props.platform) }</span>
                        <span class="visually-hidden">{ t(Msg::CmOpensNewTab) }</span>
                    </a>
                }
            </div>
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn only_known_players_are_framed_and_youtube_without_cookies() {
        assert_eq!(
            player_url("https://www.youtube.com/embed/abc123").as_deref(),
            Some("https://www.youtube-nocookie.com/embed/abc123?autoplay=1")
        );
        assert_eq!(
            player_url("https://player.vimeo.com/video/42?h=x").as_deref(),
            Some("https://player.vimeo.com/video/42?h=x&autoplay=1")
        );
        for refused in [
            "http://www.youtube.com/embed/abc",
            "https://www.youtube.com/watch?v=abc",
            "https://evil.example/embed/abc",
            "https://www.youtube.com.evil.example/embed/x",
            "javascript:alert(1)",
        ] {
            assert_eq!(player_url(refused), None, "{refused}");
        }
    }

    #[wasm_bindgen_test]
    fn youtube_pages_give_their_player() {
        let player = Some("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1");
        assert_eq!(
            youtube_player("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=3").as_deref(),
            player
        );
        assert_eq!(
            youtube_player("https://youtu.be/dQw4w9WgXcQ").as_deref(),
            player
        );
        assert_eq!(youtube_player("https://www.youtube.com/watch?v=<x>"), None);
        assert_eq!(youtube_player("https://vimeo.com/42"), None);
    }
}
