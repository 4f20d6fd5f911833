//! The `pfc` binary: everything happens in [`pfc::cli::run`].

// Scoring a batch allocates many small, short-lived strings and vectors on
// several threads; mimalloc serves them markedly faster than the system
// allocator (docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    pfc::cli::run(std::env::args_os())
}
