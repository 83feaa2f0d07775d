//! What can be wrong in the content files, each problem naming its file and field.

use super::MINUTES;

/// One problem in the content files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentProblem {
    /// The file: `places.toml`, an assignment's file name, or `assignments/` for the set.
    pub file: String,
    /// The field in the file (`grades.6-8.goal.nl`), a line for a syntax error, or
    /// empty when the problem is about the whole file or set.
    pub field: String,
    pub issue: ContentIssue,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentIssue {
    /// Not valid TOML or a field of the wrong type or name (the parser's message).
    Syntax(String),
    /// A required field is absent.
    Missing,
    /// A text is empty.
    Empty,
    /// An id is not 1 to 40 lowercase letters, digits and dashes.
    BadId,
    /// An assignment's id differs from its file name.
    IdNotFileName(String),
    /// A category, interaction or grade that does not exist.
    Unknown(String),
    /// The id is used twice.
    Duplicate(String),
    /// The place named does not exist.
    UnknownPlace(String),
    /// A place lists an assignment that does not exist.
    UnknownAssignment(String),
    /// A place lists an assignment whose own place is another one.
    WrongPlace { listed_in: String, own: String },
    /// An assignment is not listed in its place.
    NotListed,
    /// A duration outside [`MINUTES`].
    Minutes(u32),
    /// A quiz with fewer than 2 questions.
    TooFewQuestions(usize),
    /// A question with fewer than 2 answers.
    TooFewAnswers(usize),
    /// A question without exactly one right answer.
    RightAnswers(usize),
    /// Questions on an assignment that is not a quiz.
    QuizNotAllowed,
    /// The wrong number of assignments (in all, or of one category).
    Count { found: usize, expected: usize },
}

impl std::fmt::Display for ContentIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ContentIssue::Syntax(m) => write!(f, "{m}"),
            ContentIssue::Missing => write!(f, "is missing"),
            ContentIssue::Empty => write!(f, "is empty"),
            ContentIssue::BadId => write!(f, "is not 1 to 40 lowercase letters, digits and dashes"),
            ContentIssue::IdNotFileName(stem) => write!(f, "differs from the file name {stem:?}"),
            ContentIssue::Unknown(v) => write!(f, "{v:?} does not exist"),
            ContentIssue::Duplicate(id) => write!(f, "{id:?} is used twice"),
            ContentIssue::UnknownPlace(id) => write!(f, "there is no place {id:?}"),
            ContentIssue::UnknownAssignment(id) => write!(f, "there is no assignment {id:?}"),
            ContentIssue::WrongPlace { listed_in, own } => {
                write!(f, "is listed in {listed_in:?} but happens in {own:?}")
            }
            ContentIssue::NotListed => write!(f, "its place does not list this assignment"),
            ContentIssue::Minutes(m) => write!(
                f,
                "{m} minutes is outside {} to {}",
                MINUTES.start(),
                MINUTES.end()
            ),
            ContentIssue::TooFewQuestions(n) => write!(f, "{n} questions: a quiz has at least 2"),
            ContentIssue::TooFewAnswers(n) => write!(f, "{n} answers: a question has at least 2"),
            ContentIssue::RightAnswers(n) => write!(f, "{n} right answers instead of exactly 1"),
            ContentIssue::QuizNotAllowed => write!(f, "only a quiz has questions"),
            ContentIssue::Count { found, expected } => {
                write!(f, "{found} assignments instead of {expected}")
            }
        }
    }
}

impl std::fmt::Display for ContentProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.issue)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.issue)
        }
    }
}

impl std::error::Error for ContentProblem {}
