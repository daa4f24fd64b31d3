// Prerenders the first view of the routes named on the command line into their index.html.
// The built app runs in Debian Chromium against dist/ served under a sub-path, exactly as a
// visitor would load it; the DOM it renders once its data is in becomes the page's static
// content, so a visitor on a slow phone reads the page before the wasm has arrived. The app
// takes over from it without a visible change (`take_over_prerendered` in src/app.rs).
//
// `node xtask/prerender.mjs dist "" documents fields …` ("" is the home page).
import fs from "node:fs";
import path from "node:path";
import { startServer } from "../tests/browser/server.mjs";
import { launch } from "../tests/browser/harness.mjs";

const PREFIX = "/prerender/";
const [dist, ...routes] = process.argv.slice(2);

const server = await startServer(path.resolve(dist), 0, PREFIX);
const base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
const browser = await launch();

const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
let failed = false;
try {
  for (const route of routes) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "zh-CN" });
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.goto(base + (route ? `${route}/` : ""));
    await page.waitForFunction(() => !document.querySelector(".loading") && document.querySelector("main h1"), null, { timeout: 30000 });
    const { html, title } = await page.evaluate(() => {
      const app = document.getElementById("app").cloneNode(true);
      // Until the app has taken over, the settings cannot act: say so by disabling them.
      for (const b of app.querySelectorAll(".settings button")) {
        b.setAttribute("disabled", "");
        b.removeAttribute("aria-pressed");
      }
      // Shown instead of the prerendered (unfiltered) view when the address has a query.
      const wait = document.createElement("p");
      wait.className = "query-loading";
      wait.setAttribute("role", "status");
      wait.textContent = "正在加载…";
      app.querySelector("main").prepend(wait);
      return { html: app.innerHTML, title: document.title };
    });
    // The app writes links under the sub-path it runs at, here PREFIX; the pages are hosted
    // under any sub-path, so links are made relative to the page's <base href> instead.
    // `#main` would resolve against <base> too, so it names its page.
    const relative = html
      .replaceAll(`href="${PREFIX}`, 'href="./')
      .replaceAll(`href="${PREFIX.slice(0, -1)}"`, 'href="./"')
      .replaceAll('href="#', `href="${route ? `${route}/` : "./"}#`);
    if (problems.length) throw new Error(`${route || "/"}: ${problems.join("; ")}`);
    if (/\shref="\//.test(relative)) throw new Error(`${route || "/"}: an absolute link would leave the sub-path`);
    if (/\sstyle="/.test(relative)) throw new Error(`${route || "/"}: a style attribute would break the CSP`);
    const file = path.join(dist, route, "index.html");
    const shell = fs.readFileSync(file, "utf8");
    const open = shell.indexOf('<div id="app">');
    const close = shell.lastIndexOf("</div>", shell.indexOf("</body>"));
    if (open < 0 || close < open) throw new Error(`${file}: no <div id="app"> to fill`);
    // The first view needs no wasm: it is fetched after the first paint (see the loader),
    // not preloaded alongside the HTML and CSS.
    const page_ = shell.slice(0, open).replace(/<link rel="preload" href="[^"]*\.wasm"[^>]*>/, "");
    // The home page shows the same whatever the query; the other pages' lists depend on it.
    const kind = route ? "without-query" : "any-query";
    const out = page_ + `<div id="app" data-prerendered="${kind}">${relative}` + shell.slice(close);
    fs.writeFileSync(file, out.replace(/<title>[^<]*<\/title>/, `<title>${escape(title)}</title>`));
    console.log(`prerendered ${route || "/"}: ${(relative.length / 1024).toFixed(1)} KB, "${title}"`);
    await context.close();
  }
} catch (e) {
  console.error(`prerender failed: ${e.message}`);
  failed = true;
} finally {
  await browser.close();
  server.close();
  server.closeAllConnections();
}
process.exit(failed ? 1 : 0);
