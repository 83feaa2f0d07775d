//! Why a file is refused, in words a librarian understands: each [`EpubError`] as a
//! Dutch (and English) message of the suite's catalogue, for the back-office's report
//! beside the English detail with its place.

use suite_domain::i18n::Msg;

use crate::EpubError;

impl EpubError {
    /// The message the back-office shows for this error.
    pub fn msg(&self) -> Msg {
        match self {
            EpubError::NotZip { .. } => Msg::EreaderEpubNotZip,
            EpubError::TooManyEntries { .. } => Msg::EreaderEpubTooManyFiles,
            EpubError::TooLarge { .. } => Msg::EreaderEpubTooLarge,
            EpubError::EntryTooLarge { .. } => Msg::EreaderEpubPartTooLarge,
            EpubError::EntryCorrupt { .. } => Msg::EreaderEpubPartDamaged,
            EpubError::MimetypeMissing => Msg::EreaderEpubMimetypeMissing,
            EpubError::MimetypeWrong { .. } => Msg::EreaderEpubMimetypeWrong,
            EpubError::ContainerMissing | EpubError::RootfileMissing => {
                Msg::EreaderEpubContainerMissing
            }
            EpubError::PackageMissing { .. } => Msg::EreaderEpubPackageMissing,
            EpubError::Xml { .. } => Msg::EreaderEpubBadXml,
            EpubError::NotText { .. } => Msg::EreaderEpubNotText,
            EpubError::WrongRoot { .. } => Msg::EreaderEpubWrongKind,
            EpubError::UnsupportedVersion { .. } => Msg::EreaderEpubVersion,
            EpubError::MissingElement { .. } => Msg::EreaderEpubNoSpine,
            EpubError::EmptySpine { .. } => Msg::EreaderEpubEmptySpine,
            EpubError::SpineIdrefUnknown { .. }
            | EpubError::ManifestHrefMissing { .. }
            | EpubError::EntryMissing { .. } => Msg::EreaderEpubChapterMissing,
            EpubError::PathEscapes { .. } => Msg::EreaderEpubOutside,
            EpubError::NoNavigation { .. } => Msg::EreaderEpubNoToc,
            EpubError::Encrypted { .. } => Msg::EreaderEpubDrm,
        }
    }
}

#[cfg(test)]
mod tests {
    use suite_domain::i18n::{Lang, Msg};

    use crate::{Book, EpubError};

    /// A zip of `entries` (name, text), stored.
    fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, text) in entries {
            out.start_file(*name, options).expect("entry");
            out.write_all(text.as_bytes()).expect("write");
        }
        out.finish().expect("zip").into_inner()
    }

    fn refusal(bytes: Vec<u8>) -> EpubError {
        match Book::open(bytes) {
            Err(e) => e,
            Ok(_) => panic!("the file was accepted"),
        }
    }

    #[test]
    fn broken_files_are_named_in_dutch_by_what_is_wrong() {
        let container = r#"<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0"><rootfiles><rootfile full-path="OPS/book.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
        let cases: [(Vec<u8>, Msg); 5] = [
            (b"not a zip at all".to_vec(), Msg::EreaderEpubNotZip),
            (zip_of(&[("a.txt", "x")]), Msg::EreaderEpubMimetypeMissing),
            (
                zip_of(&[("mimetype", "application/zip")]),
                Msg::EreaderEpubMimetypeWrong,
            ),
            (
                zip_of(&[("mimetype", "application/epub+zip")]),
                Msg::EreaderEpubContainerMissing,
            ),
            (
                zip_of(&[
                    ("mimetype", "application/epub+zip"),
                    ("META-INF/container.xml", container),
                ]),
                Msg::EreaderEpubPackageMissing,
            ),
        ];
        for (bytes, expected) in cases {
            let error = refusal(bytes);
            assert_eq!(error.msg(), expected, "{error}");
        }
    }

    #[test]
    fn every_message_says_something_else_in_dutch_than_in_english() {
        let errors = [
            EpubError::MimetypeMissing,
            EpubError::ContainerMissing,
            EpubError::RootfileMissing,
            EpubError::NotZip { reason: "x".into() },
            EpubError::EntryMissing { path: "a".into() },
        ];
        for e in errors {
            let (nl, en) = (e.msg().text(Lang::Nl), e.msg().text(Lang::En));
            assert!(!nl.is_empty() && nl != en, "{e}");
        }
    }
}
