//! The `pfc` binary: everything happens in [`pfc::cli::run`].

fn main() -> std::process::ExitCode {
    pfc::cli::run(std::env::args_os())
}
