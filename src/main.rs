//! Entry point of the wasm app: installs the panic screen, then mounts [`app::App`].

mod app;
mod data;
mod pages;
mod panic_screen;
mod settings;

fn main() {
    panic_screen::install();
    app::mount();
}
