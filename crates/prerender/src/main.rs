//! `prerender <dist> <data> [public url]`: writes the first views into the built pages, the
//! page of every document and record, and `404.html` for a public URL (see the library).
//! `prerender --records <dist> <data>` writes only the pages of documents, records, themes
//! and departments (the scale benchmark, over another corpus's data).

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let done = match args.as_slice() {
        [flag, dist, data] if flag == "--records" => {
            prerender::run_records(std::path::Path::new(dist), std::path::Path::new(data))
        }
        [dist, data] => {
            prerender::run(std::path::Path::new(dist), std::path::Path::new(data), None)
        }
        [dist, data, public_url] => prerender::run(
            std::path::Path::new(dist),
            std::path::Path::new(data),
            Some(public_url),
        ),
        _ => {
            eprintln!(
                "usage: prerender <dist dir> <data dir> [public url, e.g. /zwgk/zcdl/]\n       prerender --records <dist dir> <data dir>"
            );
            return std::process::ExitCode::from(2);
        }
    };
    match done {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
