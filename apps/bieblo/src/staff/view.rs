//! View pieces the back-office's sections share, from `suite_ui::back_office` (common to
//! every back-office): a data table with row headers, the section frame, an API error
//! with a retry button and the message under a field. Plain functions, not components,
//! to keep the app's wasm small.

pub(super) use suite_ui::back_office::{Table, field_error, load_failed, section};
