//! Browser pieces both wasm binaries share (the explorer app and the light home page): the
//! panic screen and the reader settings remembered in `localStorage`.

#![deny(clippy::indexing_slicing)]

pub mod panic_screen;
pub mod reader_settings;
