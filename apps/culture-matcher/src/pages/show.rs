//! `/culture-matcher/voorstelling/<id>?centrum=<id>`: one show, the page a shared link
//! opens: trailer, facts, description, and the ticket link, save and share.

use suite_domain::i18n::Msg;
use suite_ui::{EmptyState, use_lang, use_mark_ready, use_t};
use yew::prelude::*;

use crate::centre::{ShowRef, use_centre};
use crate::components::{SaveButton, ShareButton, ShowFacts, TicketLink, TrailerMedia};
use crate::nav::Link;
use crate::route::{Page, Route};
use crate::time;

#[derive(Properties, PartialEq)]
pub(crate) struct ShowPageProps {
    pub(crate) id: AttrValue,
}

#[function_component]
pub(crate) fn ShowPage(props: &ShowPageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let centre = use_centre();
    let show = centre
        .as_ref()
        .and_then(|c| ShowRef::by_id(&c.programme, &props.id));
    {
        let title = show.as_ref().map(|s| s.title.get(lang).to_string());
        use_effect_with(title, move |title| {
            let document = web_sys::window().and_then(|w| w.document());
            if let (Some(title), Some(document)) = (title, &document) {
                document.set_title(&format!("{title} — {}", t(Msg::AppCultureMatcherName)));
            }
            // Other pages keep the app's name as the title.
            move || {
                if let Some(document) = document {
                    document.set_title(t(Msg::AppCultureMatcherName));
                }
            }
        });
    }
    use_mark_ready(true);
    let centre_id = centre.as_ref().map(|c| c.id.to_string());
    let programme_link = Route::new(
        centre_id.as_deref(),
        Page::Programme {
            filter_query: String::new(),
        },
    );
    let Some(show) = show else {
        return html! {
            <EmptyState message={Msg::CmShowNotFound}>
                <Link to={programme_link}>{ t(Msg::CmWholeProgramme) }</Link>
            </EmptyState>
        };
    };
    let upcoming = show.is_upcoming(time::now());
    let booking = &show.booking;
    let phone = booking.phone.clone().filter(|p| !p.trim().is_empty());
    let email = booking.email.clone().filter(|e| e.contains('@'));
    html! {
        <article class="cm-show" data-show-id={show.id.clone()}>
            <h2 class="cm-show__title">{ show.title.get(lang).to_string() }</h2>
            <TrailerMedia show={show.clone()} />
            if !upcoming {
                <p class="cm-show__past" role="status">{ t(Msg::CmPast) }</p>
            }
            <ShowFacts show={show.clone()} full=true />
            <div class="cm-actions">
                if upcoming {
                    <TicketLink show={show.clone()} />
                }
                <SaveButton show={show.clone()} />
                <ShareButton show={show.clone()} />
            </div>
            if upcoming && (phone.is_some() || email.is_some()) {
                <p class="cm-show__book">
                    { t(Msg::CmBookByPhone) }{ " " }
                    if let Some(phone) = phone {
                        <a href={format!("tel:{}", phone.replace(' ', ""))}>{ phone.clone() }</a>{ " " }
                    }
                    if let Some(email) = email {
                        <a href={format!("mailto:{email}")}>{ email.clone() }</a>
                    }
                </p>
            }
            <div class="cm-show__text">
                { Html::from_html_unchecked(AttrValue::from(show.description_html.get(lang).to_string())) }
            </div>
            <p class="cm-after"><Link to={programme_link} class="cm-after__link">{ t(Msg::CmWholeProgramme) }</Link></p>
        </article>
    }
}
