//! The explorer app as a library: the wasm binary (`main.rs`) mounts it in the browser, and
//! the build's native prerender (`crates/prerender`) renders the first view of its pages
//! from the same components.

// Data from the network, the URL or storage must never index its way into a panic.
#![deny(clippy::indexing_slicing)]
// The reader's view type is deep; the SSR build lays out its async rendering.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod data;
pub mod dom;
pub mod head;
pub mod links;
pub mod pages;
pub mod router;
pub mod settings;
pub mod takeover;
