//! Entry point of the wasm app: installs the panic screen, then mounts [`app::App`].

// Data from the network, the URL or storage must never index its way into a panic.
#![deny(clippy::indexing_slicing)]

mod app;
mod chart_view;
mod data;
mod pages;
mod settings;

fn main() {
    web_shell::panic_screen::install();
    app::mount();
}
