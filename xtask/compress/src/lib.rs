//! Brotli and gzip at their best settings, for the files the server sends precompressed.
//!
//! The encoders are generic, so their code is generated in the crate that calls them:
//! called from xtask (a dev build) brotli 11 took 4 minutes on the game's 14 MB wasm, against
//! 45 s optimised. These two plain functions are that call, and `Cargo.toml` builds this
//! crate at `opt-level = 3` in every profile.

use std::io::{self, Write};

/// Brotli quality 11 with a 16 MiB window (the largest file sent is the game's wasm).
pub fn brotli(data: &[u8]) -> io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        ..Default::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)?;
    Ok(out)
}

/// Gzip at level 9.
pub fn gzip(data: &[u8]) -> io::Result<Vec<u8>> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(data)?;
    gz.finish()
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn sample() -> Vec<u8> {
        (0..200_000u32)
            .flat_map(|i| format!("regel {} van de catalogus\n", i % 997).into_bytes())
            .collect()
    }

    #[test]
    fn brotli_round_trips_and_shrinks() {
        let data = sample();
        let packed = brotli(&data).expect("compress");
        assert!(
            packed.len() * 20 < data.len(),
            "{} of {}",
            packed.len(),
            data.len()
        );
        let mut back = Vec::new();
        brotli::Decompressor::new(&packed[..], 4096)
            .read_to_end(&mut back)
            .expect("decompress");
        assert_eq!(back, data);
    }

    #[test]
    fn gzip_round_trips_and_shrinks() {
        let data = sample();
        let packed = gzip(&data).expect("compress");
        assert!(
            packed.len() * 10 < data.len(),
            "{} of {}",
            packed.len(),
            data.len()
        );
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_end(&mut back)
            .expect("decompress");
        assert_eq!(back, data);
    }

    #[test]
    fn empty_input_gives_valid_streams() {
        let mut back = Vec::new();
        brotli::Decompressor::new(&brotli(b"").expect("br")[..], 4096)
            .read_to_end(&mut back)
            .expect("br decode");
        flate2::read::GzDecoder::new(&gzip(b"").expect("gz")[..])
            .read_to_end(&mut back)
            .expect("gz decode");
        assert!(back.is_empty());
    }
}
