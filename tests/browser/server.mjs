// A plain static file server for the release output, mounted under a sub-path, as an
// ordinary web server would host it: no rewrite rules. A missing file gets the build's
// `404.html` with status 404 when there is one (nginx: `error_page 404 /zwgk/zcdl/404.html;`),
// else a bare "not found". Directories redirect to their trailing-slash form and serve
// their index.html.
//
// Tests may inject failures for data files (see `faults`) to check what the user sees.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
};

/**
 * @param {string} root  directory to serve
 * @param {number} port  0 for any free port
 * @param {string} prefix  e.g. "/zwgk/zcdl/"
 * @param {Map<string, (res: http.ServerResponse) => void>} faults  path below prefix → handler
 */
export function startServer(root, port, prefix, faults = new Map()) {
  // Large enough for the hostile-input tests (10 000-character query values).
  const server = http.createServer({ maxHeaderSize: 128 * 1024 }, (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end("bad request");
      return;
    }
    if (!pathname.startsWith(prefix)) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const rel = pathname.slice(prefix.length);
    const fault = faults.get(rel);
    if (fault) {
      fault(res);
      return;
    }
    const file = path.join(root, rel);
    if (!file.startsWith(path.resolve(root))) {
      res.writeHead(403).end();
      return;
    }
    fs.stat(file, (err, st) => {
      if (err) {
        fs.readFile(path.join(root, "404.html"), (e, page) => {
          if (e) res.writeHead(404, { "content-type": "text/plain" }).end("not found");
          else res.writeHead(404, { "content-type": TYPES[".html"] }).end(page);
        });
        return;
      }
      if (st.isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { location: url.pathname + "/" + url.search }).end();
          return;
        }
        return send(path.join(file, "index.html"), res);
      }
      send(file, res);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

function send(file, res) {
  fs.readFile(file, (err, body) => {
    if (err) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-cache",
    });
    res.end(body);
  });
}

// `node tests/browser/server.mjs dist 8080 /zwgk/zcdl/`
if (import.meta.url === `file://${process.argv[1]}`) {
  const [root = "dist", port = "8080", prefix = "/zwgk/zcdl/"] = process.argv.slice(2);
  const server = await startServer(path.resolve(root), Number(port), prefix);
  const { port: actual } = server.address();
  console.log(`http://127.0.0.1:${actual}${prefix}`);
}
