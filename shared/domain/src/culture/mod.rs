//! Culture Matcher: the programme of a cultural centre and what young people do with it.

pub mod insight;
pub mod programme;
