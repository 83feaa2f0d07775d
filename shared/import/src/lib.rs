//! Parsers of outside data into the domain types.
