//! A visit CSV file, loaded in a folder with the error checks run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    gov::fuzzing::load_file("visits/2023-01.csv", data);
});
