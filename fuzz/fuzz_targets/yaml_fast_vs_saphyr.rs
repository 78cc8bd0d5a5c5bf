//! The YAML fast reader against serde-saphyr: whenever the fast one answers, they agree.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        gov::fuzzing::yaml_pair(text);
    }
});
