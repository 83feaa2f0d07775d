//! `/bieblo/beheer`: the staff corner. For now the login and identity of suite-ui's
//! `StaffPanel`; the kiosk's back office (settings, imports, statistics) goes into its
//! `children` slot.

use suite_domain::i18n::{Lang, Msg};
use suite_ui::{AppShell, HealthCheck, StaffPanel, use_mark_ready};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub(crate) struct StaffPageProps {
    /// The back office, shown while staff are logged in.
    #[prop_or_default]
    pub(crate) children: Html,
}

#[function_component]
pub(crate) fn StaffPage(props: &StaffPageProps) -> Html {
    use_mark_ready(true);
    html! {
        <AppShell title={Msg::AppBiebloName}>
            <HealthCheck />
            <StaffPanel>{ props.children.clone() }</StaffPanel>
            <p class="app-frame__link"><a href="./">{ Msg::AppBiebloName.text(Lang::Nl) }</a></p>
        </AppShell>
    }
}
