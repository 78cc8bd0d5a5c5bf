//! How the loader's findings are laid out in the parse cache (each kind's records are encoded by
//! its own module in [`crate::kinds`]).

use std::path::PathBuf;

use super::codec::{Corrupt, Dec, Decoded, Enc};
use crate::finding::{Code, FieldValue, Finding, Snippet};
use crate::text::Text;

pub fn finding(e: &mut Enc, f: &Finding) {
    e.u8(Code::ALL.iter().position(|&c| c == f.code).expect("a code") as u8);
    e.str(&f.file.to_string_lossy());
    e.opt_u32(f.line);
    e.opt_u32(f.column);
    e.str(f.message.en());
    e.str(f.message.zh());
    match &f.hint {
        None => e.u8(0),
        Some(h) => {
            e.u8(1);
            e.str(h.en());
            e.str(h.zh());
        }
    }
    match &f.snippet {
        None => e.u8(0),
        Some(s) => {
            e.u8(1);
            e.str(&s.text);
            e.u32(s.column);
        }
    }
    match &f.value {
        None => e.u8(0),
        Some(v) => {
            e.u8(1);
            e.str(&v.field);
            e.str(&v.value);
        }
    }
}

pub fn read_finding(d: &mut Dec<'_>) -> Decoded<Finding> {
    let code = *Code::ALL.get(d.u8()? as usize).ok_or(Corrupt)?;
    let mut f = Finding::new(code, PathBuf::from(d.str()?), d.opt_u32()?, Text::restore(String::new(), String::new()));
    f.column = d.opt_u32()?;
    f.message = Text::restore(d.string()?, d.string()?);
    f.hint = if d.bool()? { Some(Text::restore(d.string()?, d.string()?)) } else { None };
    f.snippet = if d.bool()? { Some(Snippet { text: d.string()?, column: d.u32()? }) } else { None };
    f.value = if d.bool()? { Some(FieldValue { field: d.string()?.into(), value: d.string()?.into() }) } else { None };
    Ok(f)
}
