//! Validation of what staff type into forms, shared by the login form (instant feedback)
//! and the server (the rule that counts).

use crate::i18n::Msg;

/// Shortest password the service accepts.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password hashed; longer input is refused before it costs CPU.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Longest email address, in bytes (as mail servers count).
pub const EMAIL_MAX_BYTES: usize = 254;
/// Longest name of a person or organisation (and town), in characters.
pub const NAME_MAX: usize = 120;

/// The OpenAPI `pattern` of a text [`check_text`] takes as not blank: it holds a
/// character that is not white space (`char::is_whitespace`, spelled out, since regex
/// engines disagree on `\s`).
pub const NOT_BLANK_PATTERN: &str =
    r"[^\t\n\u000b\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";
/// The OpenAPI `pattern` of a text that stays non-empty on one line
/// (`culture::show_input::one_line`): a character that is neither white space nor a
/// control character.
pub const NOT_BLANK_ON_ONE_LINE_PATTERN: &str =
    r"[^\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]";
/// The OpenAPI `pattern` of an email [`check_email`] takes, written out in ASCII so that
/// characters and bytes agree on [`EMAIL_MAX_BYTES`].
pub const EMAIL_PATTERN: &str = r"^[!-?A-~]+@[!-\-/-?A-~][!-?A-~]*\.[!-?A-~]*[!-\-/-?A-~]$";

/// Reads an unsigned whole number from any JSON number without a fraction, `3` as well
/// as `3.0`: JSON (and the OpenAPI document's `integer`) make no difference between them.
/// Use as `#[serde(deserialize_with = "crate::validation::whole_number")]`.
pub fn whole_number<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<u64>,
{
    use serde::de::{Error, Unexpected};

    struct Whole<T>(std::marker::PhantomData<T>);

    impl<T: TryFrom<u64>> serde::de::Visitor<'_> for Whole<T> {
        type Value = T;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a whole number within range")
        }

        fn visit_u64<E: Error>(self, v: u64) -> Result<T, E> {
            T::try_from(v).map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
        }

        fn visit_i64<E: Error>(self, v: i64) -> Result<T, E> {
            match u64::try_from(v) {
                Ok(v) => self.visit_u64(v),
                Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &self)),
            }
        }

        fn visit_f64<E: Error>(self, v: f64) -> Result<T, E> {
            // 2^64: every whole float below it fits in a u64.
            if v.fract() == 0.0 && (0.0..18_446_744_073_709_551_616.0).contains(&v) {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                self.visit_u64(v as u64)
            } else {
                Err(E::invalid_value(Unexpected::Float(v), &self))
            }
        }
    }

    deserializer.deserialize_any(Whole(std::marker::PhantomData))
}

/// A form field that is not right, with the message to show beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: Msg,
}

impl FieldError {
    pub fn new(field: &'static str, message: Msg) -> Self {
        Self { field, message }
    }
}

/// An email address good enough to log in with: one `@`, a dot in the domain, no spaces.
pub fn check_email(email: &str) -> Result<(), FieldError> {
    let bad = || FieldError::new("email", Msg::ErrEmailInvalid);
    let email = email.trim();
    if email.is_empty() {
        return Err(FieldError::new("email", Msg::ErrRequired));
    }
    if email.len() > EMAIL_MAX_BYTES || email.chars().any(char::is_whitespace) {
        return Err(bad());
    }
    let (local, domain) = email.split_once('@').ok_or_else(bad)?;
    let domain_ok = !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.');
    if local.is_empty() || !domain_ok {
        return Err(bad());
    }
    Ok(())
}

/// A new password: at least [`MIN_PASSWORD_CHARS`] characters (not bytes).
pub fn check_new_password(password: &str) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if !(MIN_PASSWORD_CHARS..=MAX_PASSWORD_CHARS).contains(&chars) {
        return Err(FieldError::new("password", Msg::ErrPasswordTooShort));
    }
    Ok(())
}

/// A required short text such as a name: not blank, at most `max` characters.
pub fn check_text(field: &'static str, value: &str, max: usize) -> Result<(), FieldError> {
    if value.trim().is_empty() {
        return Err(FieldError::new(field, Msg::ErrRequired));
    }
    if value.chars().count() > max {
        return Err(FieldError::new(field, Msg::ErrInvalidInput));
    }
    Ok(())
}

/// Normalises an email for storage and comparison.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_mail(input: &str, ok: bool) {
        assert_eq!(check_email(input).is_ok(), ok, "{input:?}");
    }

    #[test]
    fn emails() {
        check_mail("an@bib.be", true);
        check_mail("  An.Peeters@wetteren.bibliotheek.be ", true);
        check_mail("", false);
        check_mail("an", false);
        check_mail("an@bib", false);
        check_mail("@bib.be", false);
        check_mail("an@@bib.be", false);
        check_mail("an peeters@bib.be", false);
        check_mail("an@.be", false);
        check_mail(&format!("{}@bib.be", "a".repeat(260)), false);
        assert_eq!(
            check_email(" ").map_err(|e| e.message),
            Err(Msg::ErrRequired)
        );
    }

    #[test]
    fn passwords_count_characters_not_bytes() {
        assert!(check_new_password("1234567").is_err());
        assert!(check_new_password("12345678").is_ok());
        // Seven characters but more than eight bytes.
        assert!(check_new_password("ééééééé").is_err());
        assert!(check_new_password(&"x".repeat(MAX_PASSWORD_CHARS + 1)).is_err());
    }

    #[derive(Debug, serde::Deserialize)]
    struct Count {
        #[serde(deserialize_with = "whole_number")]
        n: u8,
    }

    fn count(json: &str) -> Option<u8> {
        serde_json::from_str::<Count>(json).ok().map(|c| c.n)
    }

    #[test]
    fn whole_numbers_may_be_written_as_floats() {
        assert_eq!(count(r#"{"n": 5}"#), Some(5));
        assert_eq!(count(r#"{"n": 5.0}"#), Some(5));
        assert_eq!(count(r#"{"n": 0.0}"#), Some(0));
        assert_eq!(count(r#"{"n": 2.5}"#), None);
        assert_eq!(count(r#"{"n": -1}"#), None);
        assert_eq!(count(r#"{"n": -1.0}"#), None);
        assert_eq!(count(r#"{"n": 256}"#), None);
        assert_eq!(count(r#"{"n": 1e300}"#), None);
        assert_eq!(count(r#"{"n": "5"}"#), None);
        assert_eq!(count(r#"{"n": null}"#), None);
    }

    #[test]
    fn texts() {
        assert!(check_text("name", "Bib Wetteren", 100).is_ok());
        assert_eq!(
            check_text("name", "  ", 100).map_err(|e| e.message),
            Err(Msg::ErrRequired)
        );
        assert!(check_text("name", "abc", 2).is_err());
        assert_eq!(normalise_email(" An@Bib.BE "), "an@bib.be");
    }
}
