//! What the tests over the real corpus share: the inputs of `data/`, read as `xtask` reads
//! them (`prep::load`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, dead_code)] // test code

use prep::Inputs;
use std::path::{Path, PathBuf};

pub fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

pub fn inputs() -> Inputs {
    prep::load::load_inputs(&data_dir()).unwrap_or_else(|e| panic!("{e}"))
}
