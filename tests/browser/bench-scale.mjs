// The browser half of the scale benchmark (`cargo xtask bench-scale --corpus DIR`): the
// release app served with the data of a corpus (real or synthetic), each route opened in a
// fresh phone-sized context at 4× CPU slowdown. Per route: the bytes fetched (brotli at
// quality 11, data and app apart) and the time from navigation, and from the last data file
// in, to the results shown. Writes target/bench/scale-browser-<N>.md and .json.
//
// A synthetic corpus repeats the same records and text within brotli's window, so its
// measured brotli sizes are a floor; given the real corpus's site as a third argument, each
// file that mixes documents is also estimated at the real brotli/raw ratio of its group
// (files of one document, `doc/` and `records/`, are measured as they are).
//
// Usage: node tests/browser/bench-scale.mjs <site dir> <label> [real site dir]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { startServer } from "./server.mjs";
import { launch, ROOT, PREFIX, PAGES, VIEWPORTS } from "./harness.mjs";

const [site, label, realSite] = process.argv.slice(2);
if (!site || !label) {
  console.error("usage: node tests/browser/bench-scale.mjs <site dir> <label>");
  process.exit(2);
}
const OUT = path.join(ROOT, "target/bench");
fs.mkdirSync(OUT, { recursive: true });
const BUDGET = { pageDataKB: 100, searchDataKB: 150, afterDataMs: 300 };
const brotliCache = new Map();
const brotli = (file) => {
  if (!brotliCache.has(file)) {
    const buf = fs.readFileSync(file);
    brotliCache.set(file, zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brotliCache.get(file);
};
// The group of a data file, for the real ratio.
const group = (rel) => {
  if (rel.startsWith("data/doc/") || rel.startsWith("data/records/") || rel.startsWith("data/meta/")) return null;
  if (rel.startsWith("data/ids/")) return "ids";
  if (rel === "data/lists/names.json") return "names";
  if (rel.startsWith("data/lists/topics/")) return "topics";
  if (rel.startsWith("data/lists/")) return rel.endsWith("index.json") ? "list index" : /\/[a-z]+-\d+\.json$/.test(rel) ? "members" : "chunks";
  if (rel.startsWith("data/search/text/")) return "text chunks";
  // A common key's postings are counts only (no positions): they compress unlike shards.
  if (rel.startsWith("data/search/common/")) return "common postings";
  if (rel.startsWith("data/search/top/")) return "ranked answers";
  if (rel.startsWith("data/search/list/")) return "list matches";
  if (rel.startsWith("data/search/") && !rel.endsWith("manifest.json")) return "shards";
  return rel;
};
const walk = (dir, out = []) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
};
const ratios = new Map();
if (realSite) {
  const sums = new Map();
  for (const file of walk(path.join(realSite, "data"))) {
    const g = group(path.relative(realSite, file));
    if (!g) continue;
    const [raw, br] = sums.get(g) ?? [0, 0];
    sums.set(g, [raw + fs.statSync(file).size, br + brotli(file)]);
  }
  for (const [g, [raw, br]] of sums) ratios.set(g, br / raw);
}
const estimate = (rel) => {
  const file = path.join(site, rel);
  const measured = brotli(file);
  const ratio = ratios.get(group(rel));
  return ratio ? Math.max(measured, Math.round(fs.statSync(file).size * ratio)) : measured;
};
const readJson = (rel) => JSON.parse(fs.readFileSync(path.join(site, "data", rel), "utf8"));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Routes with ids taken from the corpus itself: its first document, record and department.
const index = readJson("documents.json");
// The real library (`SCALE_REAL=1`, set by `cargo xtask bench-scale` without `--corpus`).
const REAL = process.env.SCALE_REAL === "1";
const doc = index.documents[0].id;
const firstOf = (kind) => readJson(`lists/${kind}/0.json`).records[0].id;
const dept = readJson("lists/projects/index.json").facets.find((f) => f.key === "dept")?.values[0]?.value ?? "d-1";
const q = (s) => encodeURIComponent(s);
const ROUTES = [
  ["home", ""],
  ["documents", "documents/"],
  ["themes", "themes/"],
  ["theme 养老", "theme/elderly-care/"],
  ["fields", "fields/"],
  ["projects", "projects/"],
  ["projects, theme + kind", `projects/?theme=transport&kind=${q("工程")}`],
  ["projects, text 养老", `projects/?q=${q("养老")}`],
  ["targets", "targets/"],
  ["targets, theme", "targets/?theme=elderly-care"],
  ["targets, document", `targets/?doc=${doc}`],
  ["targets, page 3", "targets/?page=3"],
  ["reader", `document/${doc}/`],
  ["target", `target/${firstOf("targets")}/`],
  ["project", `project/${firstOf("projects")}/`],
  ["field", `field/${firstOf("fields")}/`],
  ["departments", "departments/"],
  ["department", `department/${dept}/`],
  ["search 养老", `search/?q=${q("养老")}`],
  ["search 业", `search/?q=${q("业")}`],
  ["search 国际消费中心城市", `search/?q=${q("国际消费中心城市")}`],
  ["search 养老 床位", `search/?q=${q("养老 床位")}`],
  // Common keys with another word: these read the common keys' postings, of the kinds
  // answered at once (the document text may wait to be asked for), then with the text.
  ["search 业 发展", `search/?q=${q("业 发展")}`],
  // Then the text, as asked for on that page: what the click fetches beyond it (at 1 000
  // documents; at fewer the text is searched at once and the page offers no such link).
  ["search 业 发展, then its text", `search/?q=${q("业 发展")}`, { click: "在文件原文中查找", shows: "文件原文（" }],
  ["search 业 养老", `search/?q=${q("业 养老")}`],
  ["projects, text 业 发展", `projects/?q=${q("业 发展")}`],
];

const server = await startServer(site, 0, PREFIX);
const base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
const browser = await launch();
const RUNS = Number(process.env.SCALE_RUNS ?? 3);
// `SCALE_ONLY=projects,targets` measures only the routes whose name starts with one of these.
const only = process.env.SCALE_ONLY?.split(",");
const rows = [];
for (const [name, route, then] of ROUTES.filter(([name]) => !only || only.some((o) => name.startsWith(o)))) {
  const runs = [];
  let files = [];
  let skipped = false;
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, locale: "zh-CN" });
    const page = await context.newPage();
    page.setDefaultTimeout(120000);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const fetched = [];
    page.on("response", (res) => {
      const url = new URL(res.url());
      if (!url.pathname.startsWith(PREFIX) || res.status() !== 200) return;
      let rel = decodeURIComponent(url.pathname.slice(PREFIX.length));
      if (rel === "" || rel.endsWith("/")) rel += "index.html";
      const file = path.join(site, rel);
      if (fs.existsSync(file) && fs.statSync(file).isFile()) fetched.push(rel);
    });
    await page.goto(base + route);
    // Results shown: the app has taken over, nothing is loading, and the page's content
    // (search hits or the search's "nothing found") is there.
    const shownAt = await page.waitForFunction(
      ({ attr, search }) => {
        const done = !document.querySelector(`[${attr}]`) && !document.querySelector(".loading") && document.querySelector("main h1, main .not-found");
        const content = !search || document.querySelector(".hit-group, .no-results");
        return done && content && performance.now();
      },
      { attr: PAGES.prerendered_attr, search: route.startsWith("search/") },
    );
    let shown = await shownAt.jsonValue();
    let since = 0;
    if (then) {
      // A step on the page: only what it fetches beyond the page, timed from the click.
      const link = page.getByRole("link", { name: then.click });
      if ((await link.count()) === 0) {
        skipped = true;
        await context.close();
        break;
      }
      const before = new Set(fetched);
      fetched.length = 0;
      since = await page.evaluate(() => performance.now());
      await link.click();
      const step = await page.waitForFunction(
        (shows) => [...document.querySelectorAll(".hit-group h2")].some((h) => h.textContent.includes(shows)) && !document.querySelector(".loading") && performance.now(),
        then.shows,
      );
      shown = await step.jsonValue();
      const after = fetched.filter((f) => !before.has(f));
      fetched.length = 0;
      fetched.push(...after);
    }
    const dataIn = await page.evaluate(
      ([since, shown]) =>
        Math.max(
          0,
          ...performance
            .getEntriesByType("resource")
            .filter((e) => e.name.includes("/data/") && e.startTime >= since && e.responseEnd <= shown)
            .map((e) => e.responseEnd),
        ),
      [since, shown],
    );
    runs.push({ shown: shown - since, afterData: dataIn ? shown - dataIn : null });
    files = [...new Set(fetched)];
    await context.close();
  }
  if (skipped) {
    console.error(`${name}: the page offers no “${then.click}” here`);
    continue;
  }
  const data = files.filter((f) => f.startsWith("data/"));
  const app = files.filter((f) => !f.startsWith("data/"));
  const sum = (fs_) => fs_.reduce((a, f) => a + brotli(path.join(site, f)), 0);
  const largest = data.map((f) => [f, brotli(path.join(site, f))]).sort((a, b) => b[1] - a[1])[0];
  const row = {
    name,
    route,
    dataFiles: data.length,
    dataBrotli: sum(data),
    dataEstimate: data.reduce((a, f) => a + estimate(f), 0),
    appBrotli: sum(app),
    largestData: largest ? { file: largest[0], brotli: largest[1] } : null,
    // Each data file: [path, brotli bytes, bytes at the real ratio].
    files: data.map((f) => [f, brotli(path.join(site, f)), estimate(f)]),
    shownMs: median(runs.map((r) => r.shown)),
    afterDataMs: runs.every((r) => r.afterData != null) ? median(runs.map((r) => r.afterData)) : null,
  };
  rows.push(row);
  console.error(`${name}: ${(row.dataBrotli / 1024).toFixed(1)} KB data in ${row.dataFiles} files, shown ${row.shownMs.toFixed(0)} ms, ${row.afterDataMs?.toFixed(0)} ms after the data`);
}
await browser.close();
server.close();
server.closeAllConnections();

const kb = (n) => `${(n / 1024).toFixed(1)}`;
const md = [
  `# Scale benchmark in the browser: ${label} (${new Date().toISOString()})`,
  "",
  `${index.documents.length} documents. Each route opened ${RUNS} times in a fresh 360×740 context at 4× CPU slowdown; medians; a step on a page (“then”) counts what it fetches beyond the page, timed from its click. Bytes are brotli (quality 11) of the files fetched${realSite ? "; “at real ratio”: each file that mixes documents estimated at the brotli/raw ratio of its group in the real corpus (the synthetic copies compress better than real documents would)" : ""}. Budgets (issue 15): ${REAL ? "for the real library, a search's and the reader's data ≤ 60 KB, every page ≤ 300 KB with the app" : `for a large library, a page's data ≤ ${BUDGET.pageDataKB} KB, a search's ≤ ${BUDGET.searchDataKB} KB, results ≤ ${BUDGET.afterDataMs} ms after the data is in`}.`,
  "",
  "| route | data files | data KB | data KB at real ratio | largest data file | app + page KB | shown (ms) | after data (ms) | within budget |",
  "|---|---|---|---|---|---|---|---|---|",
];
for (const r of rows) {
  // The real library's budgets (issue 15): search and reader ≤ 60 KB of data, every page
  // ≤ 300 KB with the app; a large library's: a page's data ≤ 100 KB, a search's ≤ 150 KB.
  const search = r.route.startsWith("search/") || r.route.includes("q=");
  const met = REAL
    ? (search || r.route.startsWith("document/") ? r.dataEstimate <= 60 * 1024 : true) && r.dataEstimate + r.appBrotli <= 300 * 1024
    : r.dataEstimate <= (search ? BUDGET.searchDataKB : BUDGET.pageDataKB) * 1024 && (r.afterDataMs ?? 0) <= BUDGET.afterDataMs;
  md.push(
    `| ${r.name} (\`${decodeURIComponent(r.route) || "/"}\`) | ${r.dataFiles} | ${kb(r.dataBrotli)} | ${realSite ? kb(r.dataEstimate) : "—"} | ${r.largestData ? `${r.largestData.file} ${kb(r.largestData.brotli)}` : "—"} | ${kb(r.appBrotli)} | ${r.shownMs.toFixed(0)} | ${r.afterDataMs == null ? "—" : r.afterDataMs.toFixed(0)} | ${met ? "yes" : "**no**"} |`,
  );
}
if (ratios.size) {
  md.push("", `Real ratios (brotli / raw, by group): ${[...ratios].map(([g, r]) => `${g} ${r.toFixed(3)}`).join(", ")}.`);
}
fs.writeFileSync(path.join(OUT, `scale-browser-${label}.md`), md.join("\n") + "\n");
fs.writeFileSync(path.join(OUT, `scale-browser-${label}.json`), JSON.stringify({ label, documents: index.documents.length, rows }, null, 2));
console.log(md.join("\n"));
