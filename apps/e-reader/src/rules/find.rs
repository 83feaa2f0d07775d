//! Finding a search hit again in the shown document: the document's text folded as the
//! server folds it (lower case, accents off, runs of white space as one space), each
//! folded character remembering where it came from, and the n-th place of a query in it.
//! The folding of one character is given (the browser's Unicode normalisation), so
//! these rules stay pure.

/// Text folded for comparison, with for each folded character its origin (`T`: a text
/// node and an offset in it, in the browser).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Folded<T> {
    chars: Vec<char>,
    origin: Vec<T>,
    last_space: bool,
}

impl<T: Clone> Default for Folded<T> {
    fn default() -> Self {
        Folded {
            chars: Vec::new(),
            origin: Vec::new(),
            // Leading white space is left out, as the server trims.
            last_space: true,
        }
    }
}

impl<T: Clone> Folded<T> {
    /// Adds `c` (from `origin`), folded by `fold` (which gives the character's lower-case
    /// letters without accents); white space after white space adds nothing.
    pub(crate) fn push(&mut self, c: char, origin: T, fold: &impl Fn(char) -> String) {
        if c.is_whitespace() {
            if !self.last_space {
                self.chars.push(' ');
                self.origin.push(origin);
                self.last_space = true;
            }
            return;
        }
        self.last_space = false;
        for folded in fold(c).chars() {
            self.chars.push(folded);
            self.origin.push(origin.clone());
        }
    }

    /// Where the `n`-th (from 0) place of `needle` (folded the same way) starts and
    /// ends (the origin of its first and of its last character); places do not overlap.
    pub(crate) fn nth(&self, needle: &[char], n: usize) -> Option<(T, T)> {
        if needle.is_empty() || needle.len() > self.chars.len() {
            return None;
        }
        let mut seen = 0;
        let mut at = 0;
        while at + needle.len() <= self.chars.len() {
            if self.chars[at..at + needle.len()] == *needle {
                if seen == n {
                    let end = at + needle.len() - 1;
                    return Some((self.origin[at].clone(), self.origin[end].clone()));
                }
                seen += 1;
                at += needle.len();
            } else {
                at += 1;
            }
        }
        None
    }
}

/// `query` folded as the document is (the same `fold`, white space collapsed, trimmed).
pub(crate) fn fold_query(query: &str, fold: &impl Fn(char) -> String) -> Vec<char> {
    let mut folded = Folded::<()>::default();
    for c in query.chars() {
        folded.push(c, (), fold);
    }
    let mut chars = folded.chars;
    if chars.last() == Some(&' ') {
        chars.pop();
    }
    chars
}

/// Folds an ASCII character without help: lower case.
pub(crate) fn fold_ascii(c: char) -> Option<String> {
    c.is_ascii().then(|| c.to_ascii_lowercase().to_string())
}

/// Which of the hits in the same document `index` is (its occurrence from 0): hits come
/// in reading order, so it is how many before it share its spine document.
pub(crate) fn occurrence(spines: &[u32], index: usize) -> usize {
    let Some(&spine) = spines.get(index) else {
        return 0;
    };
    spines[..index].iter().filter(|&&s| s == spine).count()
}
