//! Percent-encoding and query strings: the suite's, in `suite_ui::url`.

pub(crate) use suite_ui::url::{decode, encode, query_param, without_param};
