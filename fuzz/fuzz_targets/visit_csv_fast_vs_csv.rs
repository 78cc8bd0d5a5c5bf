//! The visit CSV fast path against the general reader, and gov's splitter against the csv crate.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        gov::fuzzing::visit_csv_pair(text);
    }
});
