//! Validation of what staff type into forms, shared by the login form (instant feedback)
//! and the server (the rule that counts).

use crate::i18n::Msg;

/// Shortest password the service accepts.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password hashed; longer input is refused before it costs CPU.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// A form field that is not right, with the message to show beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: Msg,
}

impl FieldError {
    fn new(field: &'static str, message: Msg) -> Self {
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
    if email.len() > 254 || email.chars().any(char::is_whitespace) {
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
