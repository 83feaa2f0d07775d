//! The server binary: its command line is in [`cli`].

mod cli;

use std::process::ExitCode;

/// mimalloc rather than the system allocator: the server allocates and frees many small
/// buffers per request from several threads (measured in the bench's mixed load).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Threads for blocking work (file reads of served files, SQLite's file work, image
/// decoding): bounded, so hundreds of slow downloads cannot spawn hundreds of threads,
/// each with an allocator arena of its own.
const BLOCKING_THREADS: usize = 64;

fn main() -> ExitCode {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build()
    {
        Ok(runtime) => runtime.block_on(cli::run()),
        Err(e) => {
            eprintln!("cannot start the async runtime: {e}");
            ExitCode::FAILURE
        }
    }
}
