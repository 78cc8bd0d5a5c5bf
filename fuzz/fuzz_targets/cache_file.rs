//! The parse-cache file: a real cache's first bytes then the input, read by a load.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov::fuzzing::cache_file(data);
});
