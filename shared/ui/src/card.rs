//! `Card`: a framed block of content with an optional heading.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    #[prop_or_default]
    pub title: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

#[function_component]
pub fn Card(props: &CardProps) -> Html {
    match &props.title {
        Some(title) => html! {
            <section class="card">
                <h2 class="card__title">{ title.clone() }</h2>
                { props.children.clone() }
            </section>
        },
        None => html! { <div class="card">{ props.children.clone() }</div> },
    }
}
