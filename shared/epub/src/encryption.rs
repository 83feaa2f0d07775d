//! `META-INF/encryption.xml`: font obfuscation is fine (the reader de-obfuscates fonts or
//! falls back), any other encrypted resource means DRM the reader cannot open.

use crate::archive::Archive;
use crate::book::read_text;
use crate::error::{EpubError, Place};
use crate::path;
use crate::xml;

const ENCRYPTION: &str = "META-INF/encryption.xml";
/// The font obfuscation algorithms of IDPF and Adobe: not DRM.
const FONT_OBFUSCATION: [&str; 2] = [
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
];

/// Refuses a book whose `encryption.xml` encrypts a resource with anything but font
/// obfuscation, naming the first such resource.
pub(crate) fn check(archive: &Archive) -> Result<(), EpubError> {
    if !archive.contains(ENCRYPTION) {
        return Ok(());
    }
    let text = read_text(archive, ENCRYPTION)?;
    let root = xml::parse(ENCRYPTION, &text)?;
    let mut stack = vec![&root];
    while let Some(element) = stack.pop() {
        if element.name == "EncryptedData" {
            let algorithm = element
                .child("EncryptionMethod")
                .and_then(|m| m.attr("Algorithm"))
                .unwrap_or("");
            if !FONT_OBFUSCATION.contains(&algorithm.trim()) {
                let uri = element
                    .find("CipherReference")
                    .and_then(|r| r.attr("URI"))
                    .unwrap_or("");
                let resource =
                    path::normalize(&path::percent_decode(uri)).unwrap_or_else(|_| uri.to_string());
                return Err(EpubError::Encrypted {
                    place: Place::new(ENCRYPTION, Some(element.line)),
                    resource,
                });
            }
        }
        stack.extend(element.elements());
    }
    Ok(())
}
