//! `prerender <dist> <data>`: writes the first views into the built pages (see the library).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, data] = args.as_slice() else {
        eprintln!("usage: prerender <dist dir> <data dir>");
        return std::process::ExitCode::from(2);
    };
    match prerender::run(std::path::Path::new(dist), std::path::Path::new(data)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
