//! What staff upload and what the importer downloads: the sniffing of media and
//! pictures, and the decoding (with limits) and re-encoding of pictures and covers.
//! Seeds: fuzz/seeds/pictures.
#![no_main]

use libfuzzer_sys::fuzz_target;
use suite_domain::bieblo::theme_edit::sniff_picture;
use suite_domain::culture::media::sniff_media;
use suite_import::pictures;

fuzz_target!(|data: &[u8]| {
    let _ = sniff_media(data);
    let _ = sniff_picture(data);
    if let Ok(stored) = pictures::reencode(data) {
        // What is stored must itself be a picture we take.
        assert!(pictures::reencode(&stored.bytes).is_ok(), "a re-encoded picture is refused");
    }
    let _ = pictures::to_kiosk_jpeg(data, 300);
});
