//! `prerender <dist> <data> [public url]`: writes the first views into the built pages, and
//! `404.html` for a public URL (see the library).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dist, data, public_url) = match args.as_slice() {
        [dist, data] => (dist, data, None),
        [dist, data, public_url] => (dist, data, Some(public_url.as_str())),
        _ => {
            eprintln!("usage: prerender <dist dir> <data dir> [public url, e.g. /zwgk/zcdl/]");
            return std::process::ExitCode::from(2);
        }
    };
    match prerender::run(
        std::path::Path::new(dist),
        std::path::Path::new(data),
        public_url,
    ) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
