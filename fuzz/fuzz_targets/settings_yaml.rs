//! gov.yaml, loaded with the folder.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov::fuzzing::load_file("gov.yaml", data);
});
