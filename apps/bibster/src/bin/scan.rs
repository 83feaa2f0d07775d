//! Bibster's scan page (`/bibster/scan/`), a bundle of its own so the team app stays
//! small: reads a "find the code" task's QR code with the camera and hands the code back
//! to the team app.

fn main() {
    bibster::run_scan();
}
