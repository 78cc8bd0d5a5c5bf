//! An issue YAML file, loaded in a folder with the error checks run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov::fuzzing::load_file("issues/2023/I-2023-001.yaml", data);
});
