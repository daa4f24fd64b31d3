//! Entry point of the wasm app: installs the panic screen, then mounts [`app::App`].

// Data from the network, the URL or storage must never index its way into a panic.
#![deny(clippy::indexing_slicing)]

mod app;
mod chart_view;
mod data;
mod pages;
mod panic_screen;
mod settings;

fn main() {
    panic_screen::install();
    app::mount();
}
