// What a journalist takes away: a filtered list as CSV (one row per record the filter
// finds, every id of them, the numbers as the records hold them), every record as one JSON
// file, and the reported results as a CSV the build wrote.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, openPage, ready, VIEWPORTS, ROOT } from "./harness.mjs";

const env = useServerAndBrowser();
const facts = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/facts.json"), "utf8"));

/** The CSV's rows (quoted fields with doubled quotes, CRLF between rows), BOM dropped. */
function rows(text) {
  assert.ok(text.startsWith("\uFEFF"), "a BOM, so that spreadsheet programs read UTF-8");
  const out = [[]];
  let field = "";
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { out.at(-1).push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { out.at(-1).push(field); field = ""; out.push([]); i++; }
    else field += c;
  }
  if (out.at(-1).length === 0) out.pop();
  return out;
}

async function downloaded(download) {
  const file = await download.path();
  return fs.readFileSync(file, "utf8");
}

test("a filtered list of targets downloads as CSV: every target the filter finds, its numbers as recorded", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  const theme = "elderly-care";
  await page.goto(`${env.srv.base}targets/?theme=${theme}`);
  await ready(page);
  const expected = facts.targets.filter((t) => t.themes.includes(theme));
  await page.locator(".result-bar .count", { hasText: `共 ${expected.length} 项` }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator(".result-bar button", { hasText: "下载 CSV" }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "targets.csv");
  const [header, ...body] = rows(await downloaded(download));
  assert.deepEqual(header.slice(0, 3), ["编号", "指标", "单位"]);
  assert.equal(body.length, expected.length);
  assert.deepEqual(body.map((r) => r[0]).sort(), expected.map((t) => t.id).sort());
  const col = (name) => header.indexOf(name);
  for (const t of expected) {
    const r = body.find((r) => r[0] === t.id);
    assert.equal(r[col("指标")], t.indicator, t.id);
    assert.equal(r[col("目标值")], t.target?.value == null ? "" : String(t.target.value), t.id);
    assert.equal(r[col("目标原文")], t.target?.text ?? "", t.id);
    assert.equal(r[col("原文引文")], t.source.quote, t.id);
    assert.equal(r[col("进度状态")], t.progress?.status ?? "", t.id);
  }
  // Every record as JSON: the one static file.
  const json = page.locator(".result-bar a[download]", { hasText: "全部数据 JSON" });
  const all = await (await page.request.get(await json.evaluate((a) => a.href))).json();
  assert.equal(all.targets.length, facts.targets.length);
  assert.deepEqual(problems(), []);
});

test("the reported results' CSV, written by the build, lists every result with its quote", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}about/`);
  await ready(page);
  const link = page.locator("main a[download]", { hasText: "实际值（CSV）" });
  // Resolved as the browser resolves it, against the page's <base>.
  const res = await page.request.get(await link.evaluate((a) => a.href));
  assert.equal(res.status(), 200);
  const [header, ...body] = rows(await res.text());
  assert.equal(header[0], "编号");
  assert.equal(body.length, facts.results.length);
  for (const r of facts.results) {
    const row = body.find((b) => b[0] === r.id);
    assert.ok(row, r.id);
    assert.ok(row.includes(r.source.quote), `${r.id}: its quote`);
  }
  assert.deepEqual(problems(), []);
});
