//! The `gov` binary: everything is in the library; this only hands over.

fn main() -> std::process::ExitCode {
    gov::cli::main()
}
