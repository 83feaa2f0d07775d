//! The group leader's view (`/bibster/leiding/`): a library's staff start a session of a
//! published game (`start`), put its code and QR code on the big screen (`big_screen`),
//! follow the teams live (`board`, over `live`'s server-sent events), judge photos and
//! open answers by keyboard (`reviews`), send messages (`messages`), end the game and
//! show the podium (`podium`, places by `ranking`). The open session is kept in the
//! address (`address`), so a reload returns to it. Every rule of a name or a message is
//! the one the server runs (`suite_domain::bibster`).

mod address;
mod app;
mod big_screen;
mod board;
mod library;
mod live;
mod messages;
mod names;
mod podium;
mod ranking;
mod recent;
mod review_item;
mod review_keys;
mod reviews;
mod session;
mod start;
mod team_row;
#[cfg(test)]
mod tests;
mod text;

/// Starts the leader's view, rendered into `<body>`.
pub fn run() {
    yew::Renderer::<app::LeaderApp>::new().render();
}
