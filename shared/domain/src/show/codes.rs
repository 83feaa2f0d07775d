//! Class codes: short, unambiguous codes a teacher types (6 characters from an alphabet
//! without 0/O and 1/I), made from random bytes the server gives, and read back
//! leniently (case and spaces ignored).

/// The characters of a class code: no 0, O, 1 or I.
pub const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Characters in a class code.
pub const CODE_LENGTH: usize = 6;
/// Days after the performance that its class codes still open the game.
pub const CODE_DAYS_AFTER: i64 = 14;

/// The code made of `random` (one character per byte, by its low 5 bits).
pub fn class_code(random: [u8; CODE_LENGTH]) -> String {
    random
        .iter()
        .map(|b| char::from(CODE_ALPHABET[usize::from(b & 31)]))
        .collect()
}

/// A typed code in its stored form (uppercase, no spaces or dashes), or `None` when it
/// cannot be a class code.
pub fn read_class_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let ok = code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
    ok.then_some(code)
}

/// The class link of `code`.
pub fn class_link(code: &str) -> String {
    format!("/voor-de-show/?klas={code}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn every_code_reads_back_and_has_no_ambiguous_character(random in any::<[u8; 6]>()) {
            let code = class_code(random);
            prop_assert_eq!(code.len(), CODE_LENGTH);
            prop_assert!(!code.contains(['0', 'O', '1', 'I']));
            prop_assert_eq!(read_class_code(&code), Some(code.clone()));
            prop_assert_eq!(read_class_code(&code.to_lowercase()), Some(code.clone()));
        }

        #[test]
        fn anything_else_is_no_code(typed in "\\PC{0,12}") {
            if let Some(code) = read_class_code(&typed) {
                prop_assert_eq!(code.len(), CODE_LENGTH);
                prop_assert!(code.bytes().all(|b| CODE_ALPHABET.contains(&b)));
            }
        }
    }

    #[test]
    fn codes_are_read_leniently_and_refused_clearly() {
        assert_eq!(read_class_code(" abc-def "), Some("ABCDEF".into()));
        for bad in [
            "ABCDE0", "ABCDEO", "ABCDE1", "ABCDEI", "ABCDE", "ABCDEFG", "", "préval",
        ] {
            assert_eq!(read_class_code(bad), None, "{bad}");
        }
        assert_eq!(class_link("ABCDEF"), "/voor-de-show/?klas=ABCDEF");
    }
}
