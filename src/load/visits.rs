//! The fast path for visit CSV files, which hold nearly all of a folder's bytes. A file without
//! quotes and without lone `\r` (what gov and the generator write, and what Excel writes unless a
//! value holds a comma) is split line by line and comma by comma, borrowing from its text: no row
//! is copied, and a row whose every value is well formed is typed straight into a [`Visit`]. Any
//! other row goes through the general reader ([`super::fields::Fields`] and
//! [`Visit::read`]), and any other file through [`super::csv::for_each_row`], so
//! findings, messages and line numbers are the same whichever way a row is read.

use std::borrow::Cow;

use super::convert::{LocalIds, Resolve};
use super::csv::{check_header, for_each_row};
use super::fields::{Fields, Sink, split_list};
use super::raw::{RawField, RawRecord, RawValue};
use crate::finding::Code;
use crate::kinds::Record;
use crate::kinds::visit::fingerprint as visit_fingerprint;
use crate::model::date::parse_date_cell;
use crate::model::id::id_problem;
use crate::model::labels::{Labelled, VisitMethod};
use crate::model::{FileId, Loc, Settings, Sym, Visit, VisitRefs, VisitText};

/// Reads one visit CSV file's text into `out`. Without `keep_text`, summaries and topics are
/// checked but not kept (reports other than the detailed ledger never show them).
pub fn read_csv(
    text: &str,
    sink: &mut Sink<'_>,
    ids: &mut LocalIds<'_>,
    file: FileId,
    keep_text: bool,
    out: &mut Vec<Visit>,
) {
    let Some(header) = simple_header(text) else {
        read_csv_general(text, sink, ids, file, keep_text, out);
        return;
    };
    let header = super::csv::columns::field_names(header.split(','), Visit::FIELDS);
    // A missing required column changes what the general reader reports per row: leave such
    // files to it.
    if !Visit::REQUIRED.iter().all(|r| header.iter().any(|h| h == r)) {
        read_csv_general(text, sink, ids, file, keep_text, out);
        return;
    }
    if !check_header(&header, sink, Visit::FIELDS, Visit::REQUIRED) {
        return;
    }
    let column = |name: &str| header.iter().position(|h| h == name);
    let cols = Columns {
        id: column("id"),
        date: column("date"),
        member: column("member"),
        household: column("household"),
        method: column("method"),
        summary: column("summary"),
        topics: column("topics"),
        with: column("with"),
        issues: column("issues"),
    };
    let mut cells: Vec<&str> = Vec::with_capacity(header.len());
    // Each fast row's member and household, looked up after the loop (see `resolve`).
    let mut deferred: Vec<(usize, &str, &str)> = Vec::new();
    let mut lists = Lists::default();
    for (i, line) in text.split('\n').enumerate().skip(1) {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let number = i as u32 + 1;
        if line.bytes().all(|b| b == b',' || b.is_ascii_whitespace()) {
            continue;
        }
        cells.clear();
        cells.extend(line.split(','));
        if cells.len() != header.len() {
            sink.push(
                Code::ParseError,
                number,
                0,
                crate::text::findings::row_width(cells.len(), header.len()),
                Some(crate::text::findings::row_width_hint()),
            );
            continue;
        }
        let loc = Loc { file, line: number };
        match fast_row(&cols, &cells, &mut lists, ids, loc, keep_text) {
            Some((v, member, household)) => {
                deferred.push((out.len(), member, household));
                out.push(v);
            }
            None => {
                let fields = header
                    .iter()
                    .zip(&cells)
                    .map(|(key, value)| RawField {
                        key: Cow::Borrowed(key.as_str()),
                        value: RawValue::Scalar(Cow::Borrowed(value.trim())),
                        line: number,
                        column: 0,
                    })
                    .collect();
                general_row(&RawRecord { line: number, fields }, sink, ids, file, keep_text, out);
            }
        }
    }
    resolve(&deferred, ids, out);
}

/// [`read_csv`] without the fast path: every row through the general CSV reader and
/// [`Visit::read`]. Public so the differential tests and fuzz targets (`fuzz/`) can compare the
/// two; the loader itself always calls [`read_csv`].
pub fn read_csv_general(
    text: &str,
    sink: &mut Sink<'_>,
    ids: &mut LocalIds<'_>,
    file: FileId,
    keep_text: bool,
    out: &mut Vec<Visit>,
) {
    for_each_row(text, sink, Visit::FIELDS, Visit::REQUIRED, |rec, sink| {
        general_row(rec, sink, ids, file, keep_text, out);
    });
}

/// Sets the member and household of the fast rows. The look-ups run in one tight loop apart
/// from the parsing: each is a likely cache miss into the id table, and with nothing between
/// them the processor works on several at once (they were a quarter of parsing a visit file
/// when made row by row). Ids the folder does not know are numbered afterwards, in row order.
fn resolve(deferred: &[(usize, &str, &str)], ids: &mut LocalIds<'_>, out: &mut [Visit]) {
    let global = ids.global();
    let found: Vec<(Option<Sym>, Option<Sym>)> =
        deferred.iter().map(|&(_, m, h)| (global.get(m), global.get(h))).collect();
    for (&(i, m, h), (member, household)) in deferred.iter().zip(found) {
        out[i].member = member.unwrap_or_else(|| ids.sym(m));
        out[i].household = household.unwrap_or_else(|| ids.sym(h));
    }
}

/// One row through the general reader.
fn general_row(
    rec: &RawRecord<'_>,
    sink: &mut Sink<'_>,
    ids: &mut LocalIds<'_>,
    file: FileId,
    keep_text: bool,
    out: &mut Vec<Visit>,
) {
    let f = Fields::new(rec, sink, true);
    out.extend(Visit::read(f, ids, Loc { file, line: rec.line }, &Settings::default()).map(|v| strip(v, keep_text)));
}

/// The header line when the whole file can be split naively: no quotes anywhere, every `\r` part
/// of a `\r\n`, and a first line that is not blank.
fn simple_header(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    if bytes.contains(&b'"') {
        return None;
    }
    let mut from = 0;
    while let Some(at) = bytes[from..].iter().position(|&b| b == b'\r') {
        if bytes.get(from + at + 1) != Some(&b'\n') {
            return None;
        }
        from += at + 2;
    }
    let first = text.split('\n').next()?;
    let first = first.strip_suffix('\r').unwrap_or(first);
    (!first.bytes().all(|b| b == b',' || b.is_ascii_whitespace())).then_some(first)
}

/// Where each visit field is in the header.
struct Columns {
    id: Option<usize>,
    date: Option<usize>,
    member: Option<usize>,
    household: Option<usize>,
    method: Option<usize>,
    summary: Option<usize>,
    topics: Option<usize>,
    with: Option<usize>,
    issues: Option<usize>,
}

/// Buffers reused from row to row.
#[derive(Default)]
struct Lists<'t> {
    topics: Vec<&'t str>,
    with: Vec<&'t str>,
    issues: Vec<&'t str>,
}

/// The visit of a row whose every value is well formed, typed exactly as [`visit`] would type
/// it; `None` when any value would draw a finding (the general reader then reports it).
fn fast_row<'t>(
    cols: &Columns,
    cells: &[&'t str],
    lists: &mut Lists<'t>,
    ids: &mut LocalIds<'_>,
    loc: Loc,
    keep_text: bool,
) -> Option<(Visit, &'t str, &'t str)> {
    let get = |c: Option<usize>| c.map_or("", |i| trim(cells[i]));
    let valid_id = |s: &str| id_problem(s).is_none();
    let id = Some(get(cols.id)).filter(|s| !s.is_empty());
    if id.is_some_and(|s| !valid_id(s)) {
        return None;
    }
    let date = parse_date_cell(get(cols.date))?;
    let (member, household) = (get(cols.member), get(cols.household));
    if !valid_id(member) || !valid_id(household) {
        return None;
    }
    let method = VisitMethod::parse(get(cols.method))?;
    let summary = get(cols.summary);
    if summary.is_empty() {
        return None;
    }
    let fill = |list: &mut Vec<&'t str>, c: Option<usize>| {
        list.clear();
        list.extend(c.map(|i| trim(cells[i])).filter(|s| !s.is_empty()).into_iter().flat_map(split_list));
    };
    fill(&mut lists.topics, cols.topics);
    fill(&mut lists.with, cols.with);
    fill(&mut lists.issues, cols.issues);
    if !lists.with.iter().chain(&lists.issues).all(|s| valid_id(s)) {
        return None;
    }
    let fingerprint =
        visit_fingerprint(id, date, member, household, method, summary, &lists.topics, &lists.with, &lists.issues);
    Some(Visit {
        id: id.map(|s| ids.sym(s)),
        date,
        member: UNRESOLVED,
        household: UNRESOLVED,
        method,
        text: keep_text.then(|| {
            Box::new(VisitText { summary: summary.into(), topics: lists.topics.iter().map(|&s| s.into()).collect() })
        }),
        refs: VisitRefs::new(
            lists.with.iter().map(|&s| ids.sym(s)).collect(),
            lists.issues.iter().map(|&s| ids.sym(s)).collect(),
        ),
        fingerprint,
        loc,
    })
    .map(|v| (v, member, household))
}

/// A member or household not yet looked up (set by `resolve` before the visits are used).
const UNRESOLVED: Sym = Sym(u32::MAX);

/// `str::trim`, without its Unicode scan for the usual cell (an id, a date, a code) that starts
/// and ends with a visible ASCII character.
#[inline]
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(f), Some(l)) if f.is_ascii_graphic() && l.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Drops a visit's summary and topics unless they are wanted.
pub fn strip(mut v: Visit, keep_text: bool) -> Visit {
    if !keep_text {
        v.text = None;
    }
    v
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use proptest::prelude::*;

    use super::*;
    use crate::model::Interner;

    /// The folder's ids before the file is read: some rows name them, others name new ones.
    fn known() -> Interner {
        let mut ids = Interner::default();
        for s in ["M1", "H1", "I-2024-0001"] {
            ids.intern(s);
        }
        ids
    }

    /// The visits with every symbol written as the id it stands for (known, or numbered in the
    /// file), and the ids the file added, sorted: the readers may number new ids in other orders.
    fn named(visits: &[Visit], extra: &[Box<str>]) -> (String, Vec<Box<str>>) {
        const PENDING: u32 = 1 << 31; // LocalIds' mark of a symbol numbered in the file
        let (global, raw) = (known(), format!("{visits:?}"));
        let mut out = String::new();
        let mut rest = raw.as_str();
        while let Some(at) = rest.find("Sym(") {
            out.push_str(&rest[..at]);
            let tail = &rest[at + 4..];
            let end = tail.find(')').unwrap();
            let n: u32 = tail[..end].parse().unwrap();
            let name = if n & PENDING != 0 { &*extra[(n & !PENDING) as usize] } else { global.name(Sym(n)) };
            out.push_str(&format!("`{name}`"));
            rest = &tail[end + 1..];
        }
        out.push_str(rest);
        let mut extra = extra.to_vec();
        extra.sort();
        (out, extra)
    }

    /// The straightforward reading: every row through the general CSV reader and `visit`.
    fn general(text: &str) -> (Vec<Visit>, Vec<Box<str>>, Vec<String>) {
        let global = known();
        let mut ids = LocalIds::new(&global);
        let mut sink = Sink::new(Path::new("visits/2024-01.csv"));
        let mut out = Vec::new();
        for_each_row(text, &mut sink, Visit::FIELDS, Visit::REQUIRED, |rec, sink| {
            general_row(rec, sink, &mut ids, FileId(1), true, &mut out)
        });
        (out, ids.into_extra(), sink.findings.iter().map(|f| format!("{f:?}")).collect())
    }

    fn fast(text: &str, keep_text: bool) -> (Vec<Visit>, Vec<Box<str>>, Vec<String>) {
        let global = known();
        let mut ids = LocalIds::new(&global);
        let mut sink = Sink::new(Path::new("visits/2024-01.csv"));
        let mut out = Vec::new();
        read_csv(text, &mut sink, &mut ids, FileId(1), keep_text, &mut out);
        (out, ids.into_extra(), sink.findings.iter().map(|f| format!("{f:?}")).collect())
    }

    fn cell(column: &'static str) -> BoxedStrategy<String> {
        let choices: Vec<&'static str> = match column {
            "id" => vec!["", "V1", "V2", " V3 ", "../x", "V1"],
            "date" => vec!["2024-01-05", "2024/1/5", " 2024-01-31", "2024-02-30", "", "soon"],
            "member" | "with" => vec!["M1", "M2", " M1", "", "M 3", "M1;M2", "M2、M1", "张"],
            "household" | "issues" => vec!["H1", "H2", "", "H/1", "I-2024-0001", "H1；H2"],
            "method" => vec!["home", "入户", "PHONE", "phon", "", "group"],
            "summary" | "topics" => vec!["看望老人", " 电话 ", "", "　", "a;b", "防诈骗、医保"],
            _ => vec!["x", ""],
        };
        proptest::sample::select(choices).prop_map(str::to_string).boxed()
    }

    prop_compose! {
        fn file()(
            columns in proptest::sample::subsequence(
                vec!["id", "date", "member", "household", "method", "summary", "topics", "with", "issues", "note"],
                4..=10,
            ).prop_shuffle(),
            rows in 0usize..12,
            end in proptest::sample::select(vec!["\n", "\r\n", "\r"]),
            seed in proptest::collection::vec(any::<u32>(), 12),
        )(
            cells in columns.iter().map(|c| proptest::collection::vec(cell(c), rows)).collect::<Vec<_>>(),
            columns in Just(columns),
            end in Just(end),
            seed in Just(seed),
        ) -> String {
            // Line ends: `\n`, `\r\n`, or a lone `\r` (old Mac files); some rows end in a stray
            // lone `\r` whatever the file's own ends are.
            let mut text = columns.join(",") + end;
            for r in 0..cells.first().map_or(0, Vec::len) {
                match seed[r] % 11 {
                    0 => text.push_str(end),               // a blank line
                    1 => text.push_str(&format!(",,{end}")), // Excel's empty row
                    2 => text.push_str(&format!("x{end}")), // too few fields
                    _ => {}
                }
                let row: Vec<&str> = cells.iter().map(|c| c[r].as_str()).collect();
                text.push_str(&row.join(","));
                text.push_str(if seed[r] % 13 == 3 { "\r" } else { end });
            }
            text
        }
    }

    proptest! {
        #[test]
        fn fast_path_reads_like_the_general_reader(text in file()) {
            let (want, want_ids, want_findings) = general(&text);
            let (got, got_ids, got_findings) = fast(&text, true);
            prop_assert_eq!(named(&got, &got_ids), named(&want, &want_ids));
            prop_assert_eq!(&got_findings, &want_findings);
            // Without text: the same visits and findings, summaries and topics left out.
            let (lean, lean_ids, lean_findings) = fast(&text, false);
            let stripped: Vec<Visit> = want.into_iter().map(|v| strip(v, false)).collect();
            prop_assert_eq!(named(&lean, &lean_ids), named(&stripped, &want_ids));
            prop_assert_eq!(lean_findings, want_findings);
        }
    }

    #[test]
    fn quoted_files_take_the_general_reader() {
        let text = "date,member,household,method,summary\n2024-01-05,M1,H1,home,\"看望, 老人\"\n";
        assert_eq!(fast(text, true), general(text));
        assert_eq!(fast(text, true).0[0].summary(), "看望, 老人");
        let lone_cr = "date,member,household,method,summary\r2024-01-05,M1,H1,home,看望\r";
        assert_eq!(fast(lone_cr, true), general(lone_cr));
        // A stray lone `\r` in a `\n` file: the row after it is on a line of its own.
        let stray = "date,member,household,method,summary\n2024-01-05,M1,H1,home,看望\r2024-01-06,M1,H1,home,电话\n";
        let lines: Vec<u32> = fast(stray, true).0.iter().map(|v| v.loc.line).collect();
        assert_eq!(lines, [2, 3]);
        assert_eq!(fast(stray, true), general(stray));
    }
}
