//! Entry point of the wasm app: installs the panic screen, then mounts the app.

fn main() {
    web_shell::panic_screen::install();
    policy_explorer::app::mount();
}
