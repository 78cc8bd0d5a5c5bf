//! Repeated findings, summarised: after the first [`SHOWN`] findings of one code in one file, one
//! `more-findings` finding says how many more there are. Pure; works on findings already sorted
//! by file (so each file's findings are together).

use std::collections::HashMap;

use crate::finding::{Code, Finding};
use crate::text::findings as say;

/// How many findings of one code in one file are listed before the rest are summarised.
pub const SHOWN: usize = 20;

/// Keeps the first [`SHOWN`] findings of each (file, code) in their order and puts one summary
/// right after the last one kept. `findings` must be sorted by file.
pub fn summarise(findings: &mut Vec<Finding>) {
    let mut totals: HashMap<Code, usize> = HashMap::new();
    let mut start = 0;
    let mut out: Option<Vec<Finding>> = None;
    while start < findings.len() {
        let file = &findings[start].file;
        let end = start + findings[start..].iter().take_while(|f| &f.file == file).count();
        totals.clear();
        for f in &findings[start..end] {
            *totals.entry(f.code).or_default() += 1;
        }
        if out.is_none() && totals.values().any(|&n| n > SHOWN) {
            out = Some(findings[..start].to_vec());
        }
        if let Some(out) = out.as_mut() {
            let mut seen: HashMap<Code, usize> = HashMap::new();
            for f in &findings[start..end] {
                let n = seen.entry(f.code).or_default();
                *n += 1;
                if *n <= SHOWN {
                    out.push(f.clone());
                }
                let total = totals[&f.code];
                if *n == SHOWN && total > SHOWN {
                    out.push(more(f, total));
                }
            }
        }
        start = end;
    }
    if let Some(out) = out {
        *findings = out;
    }
}

/// The summary after the last shown finding `last` of a code that has `total` in its file.
fn more(last: &Finding, total: usize) -> Finding {
    let rest = total - SHOWN;
    Finding::new(
        Code::MoreFindings,
        last.file.clone(),
        None,
        say::more_findings(last.code.as_str(), rest, total, SHOWN),
    )
    .hint(say::more_findings_hint(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(file: &str, code: Code, line: u32) -> Finding {
        Finding::new(code, file, Some(line), say::unknown_field(&line.to_string()))
    }

    #[test]
    fn twenty_of_a_kind_then_one_summary() {
        // a.csv: 25 unknown-field at lines 1..=25 and 2 bad-phone (lines 3, 30); b.csv: 21
        // unknown-field; c.csv: exactly 20, which stay whole.
        let mut all = Vec::new();
        all.extend((1..=25).map(|l| f("a.csv", Code::UnknownField, l)));
        all.push(f("a.csv", Code::BadPhone, 3));
        all.push(f("a.csv", Code::BadPhone, 30));
        all.extend((1..=21).map(|l| f("b.csv", Code::UnknownField, l)));
        all.extend((1..=20).map(|l| f("c.csv", Code::UnknownField, l)));
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        summarise(&mut all);

        let a: Vec<_> = all.iter().filter(|x| x.file.as_os_str() == "a.csv").collect();
        assert_eq!(a.len(), 20 + 2 + 1);
        let summary = a.iter().position(|x| x.code == Code::MoreFindings).unwrap();
        // After the 20th unknown-field (line 20), before the bad phone of line 30.
        assert_eq!(a[summary - 1].line, Some(20));
        assert_eq!(a[summary + 1].line, Some(30));
        assert_eq!(
            a[summary].message.en(),
            "and 5 more `unknown-field` findings in this file (25 in all; the first 20 are shown)"
        );
        assert!(a[summary].hint.as_ref().unwrap().en().starts_with("the rest are counted"));

        let b: Vec<_> = all.iter().filter(|x| x.file.as_os_str() == "b.csv").collect();
        assert_eq!(b.len(), 21);
        assert_eq!(
            b[20].message.en(),
            "and 1 more `unknown-field` finding in this file (21 in all; the first 20 are shown)"
        );
        assert_eq!(all.iter().filter(|x| x.file.as_os_str() == "c.csv").count(), 20);
        assert!(all.iter().filter(|x| x.file.as_os_str() == "c.csv").all(|x| x.code == Code::UnknownField));
    }

    #[test]
    fn few_findings_are_left_alone() {
        let mut all: Vec<_> = (1..=20).map(|l| f("a.csv", Code::UnknownField, l)).collect();
        let before = all.clone();
        summarise(&mut all);
        assert_eq!(all, before);
    }
}
