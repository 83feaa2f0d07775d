//! Joining: the game's code (from `?code=` or typed: large, lenient about case, spaces
//! and dashes), the game's title, then the team's name or its pre-made team's code.
//! A refusal shows the server's Dutch message beside its field.

use suite_domain::bibster::api::{Joined, SessionInfo, TeamMode};
use suite_domain::bibster::team::read_code;
use suite_domain::i18n::Msg;
use suite_ui::{Button, use_lang, use_t};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::Field;
use crate::net;
use crate::rules::code_in_query;

#[derive(Properties, PartialEq)]
pub(crate) struct JoinPageProps {
    pub(crate) on_joined: Callback<Joined>,
}

fn input_value(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlInputElement>().value()
}

#[function_component]
pub(crate) fn JoinPage(props: &JoinPageProps) -> Html {
    let t = use_t();
    let lang = use_lang();
    let from_query = use_memo((), |_| code_in_query(&suite_ui::history::query()));
    let code = use_state(|| (*from_query).clone().unwrap_or_default());
    let info = use_state(|| None::<SessionInfo>);
    let name = use_state(String::new);
    let code_error = use_state(|| None::<String>);
    let name_error = use_state(|| None::<String>);
    let busy = use_state(|| false);

    let look_up = {
        let (code, info, code_error, busy) =
            (code.clone(), info.clone(), code_error.clone(), busy.clone());
        Callback::from(move |()| {
            let Some(tidy) = read_code(&code) else {
                code_error.set(Some(Msg::BibTeamCodeInvalid.text(lang).into()));
                suite_ui::back_office::focus_id("bib-code");
                return;
            };
            let (info, code_error, busy) = (info.clone(), code_error.clone(), busy.clone());
            busy.set(true);
            yew::platform::spawn_local(async move {
                match net::session_info(&tidy).await {
                    Ok(found) => {
                        code_error.set(None);
                        info.set(Some(found));
                        suite_ui::back_office::focus_id_soon("bib-name".into());
                    }
                    Err(error) => {
                        let text = if error.status == 404 {
                            Msg::BibCodeUnknown.text(lang).into()
                        } else {
                            error.localized(lang)
                        };
                        code_error.set(Some(text));
                        suite_ui::back_office::focus_id_soon("bib-code".into());
                    }
                }
                busy.set(false);
            });
        })
    };
    {
        let look_up = look_up.clone();
        use_effect_with(from_query.is_some(), move |&given| {
            if given {
                look_up.emit(());
            }
        });
    }
    let join = {
        let (info, name, code_error, name_error, busy) = (
            info.clone(),
            name.clone(),
            code_error.clone(),
            name_error.clone(),
            busy.clone(),
        );
        let on_joined = props.on_joined.clone();
        Callback::from(move |()| {
            let Some(found) = (*info).clone() else { return };
            let typed = (*name).clone();
            let (code_error, name_error, busy, on_joined, info) = (
                code_error.clone(),
                name_error.clone(),
                busy.clone(),
                on_joined.clone(),
                info.clone(),
            );
            busy.set(true);
            yew::platform::spawn_local(async move {
                let premade = found.teams_mode == TeamMode::Premade;
                let result = if premade {
                    net::join(&found.code, None, Some(&typed)).await
                } else {
                    net::join(&found.code, Some(&typed), None).await
                };
                busy.set(false);
                match result {
                    Ok(joined) => on_joined.emit(joined),
                    Err(error) if error.field.as_deref() == Some("code") => {
                        info.set(None);
                        code_error.set(Some(error.localized(lang)));
                    }
                    Err(error) => {
                        name_error.set(Some(error.localized(lang)));
                        suite_ui::back_office::focus_id("bib-name");
                    }
                }
            });
        })
    };
    let submit = |action: Callback<()>| {
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            action.emit(());
        })
    };
    let found = (*info).clone();
    let Some(found) = found else {
        let on_code = {
            let code = code.clone();
            Callback::from(move |e: InputEvent| code.set(input_value(&e)))
        };
        return html! {
            <form class="bib-join" onsubmit={submit(look_up)} novalidate=true>
                <p class="bib-lead">{ t(Msg::BibTeamJoinLead) }</p>
                <Field id="bib-code" label={Msg::BibTeamCodeLabel} help={Some(Msg::BibTeamCodeHelp)}
                       error={(*code_error).clone()}>
                    <input id="bib-code" class="bib-code-input" type="text" value={(*code).clone()}
                           oninput={on_code} autocomplete="off" autocapitalize="characters"
                           spellcheck="false" maxlength="12"
                           aria-invalid={code_error.is_some().then_some("true")}
                           aria-describedby="bib-code-help bib-code-error" />
                </Field>
                <Button kind="submit" big=true disabled={*busy}>{ t(Msg::BibTeamFindGame) }</Button>
            </form>
        };
    };
    let premade = found.teams_mode == TeamMode::Premade;
    let (label, help) = if premade {
        (Msg::BibTeamTeamCodeLabel, Msg::BibTeamTeamCodeHelp)
    } else {
        (Msg::BibTeamNameLabel, Msg::BibTeamNameHelp)
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(input_value(&e)))
    };
    let other_code = {
        let (info, name_error) = (info.clone(), name_error.clone());
        Callback::from(move |_: MouseEvent| {
            info.set(None);
            name_error.set(None);
            suite_ui::back_office::focus_id_soon("bib-code".into());
        })
    };
    html! {
        <form class="bib-join" onsubmit={submit(join)} novalidate=true>
            <h2 class="bib-game-title">{ found.title.clone() }</h2>
            <p class="bib-code-shown" aria-label={format!("{} {}", t(Msg::BibTeamCodeLabel), found.code)}>
                { found.code.clone() }
            </p>
            <Field id="bib-name" {label} help={Some(help)} error={(*name_error).clone()}>
                <input id="bib-name" class="bib-input" type="text" value={(*name).clone()}
                       oninput={on_name} autocomplete="off" maxlength="30"
                       autocapitalize={if premade { "characters" } else { "sentences" }}
                       aria-invalid={name_error.is_some().then_some("true")}
                       aria-describedby="bib-name-help bib-name-error" />
            </Field>
            <div class="bib-actions">
                <Button kind="submit" big=true disabled={*busy}>{ t(Msg::BibTeamStart) }</Button>
                <Button variant={suite_ui::ButtonVariant::Secondary} onclick={other_code}>
                    { t(Msg::BibTeamOtherCode) }
                </Button>
            </div>
        </form>
    }
}
