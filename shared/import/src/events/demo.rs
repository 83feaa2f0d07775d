//! A generated demo programme (see step 5).

/// The label every demo event carries; a programme not marked demo refuses such events.
pub const DEMO_MARKER: &str = "DEMO-DATA: verzonnen voorstelling";
