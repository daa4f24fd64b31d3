// Are the targets on track (issue 30), at 360×740 and 1280×800: a target with a reported
// result says its status in words, draws its progress chart on a canvas (not blank), says
// what the status is computed from and links both quotes to their paragraphs; targets/, a
// theme and a document count their targets by status, each count a link to the filtered
// list, whose cards carry the status. Every count is recomputed here from facts.json.
// Screenshots for a person to look at land in target/screenshots/progress/.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, openPage, ready, VIEWPORTS, ROOT, SHOTS } from "./harness.mjs";

const facts = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/facts.json"), "utf8"));
const env = useServerAndBrowser();
const DIR = path.join(SHOTS, "progress");
const ID = "xinjiu-dongneng.t-7";
const THEME = "innovation";

/** Targets by status, in the order the overview lists them. */
function counts(targets) {
  const order = ["已提前达到", "已达到", "进度超前", "基本同步", "进度滞后", "无可比数据"];
  const n = new Map();
  for (const t of targets) if (t.progress) n.set(t.progress.status, (n.get(t.progress.status) ?? 0) + 1);
  return order.filter((s) => n.has(s)).map((s) => [s, n.get(s)]);
}

/** The overview's links as `[status, count, href]`. */
async function overview(page) {
  await page.locator(".status-overview").waitFor();
  return page.locator(".status-links a").evaluateAll((links) =>
    links.map((a) => [a.querySelector(".status").textContent, Number(a.querySelector(".count").textContent.replace(/\D/g, "")), a.getAttribute("href")]),
  );
}

async function look(page, name, selector) {
  fs.mkdirSync(DIR, { recursive: true });
  // The part to look at near the top, with a little of what comes before it.
  if (selector) await page.locator(selector).first().evaluate((e) => scrollTo(0, e.getBoundingClientRect().top + scrollY - 24));
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  await page.screenshot({ path: path.join(DIR, `${name}.png`) });
}

async function noWiderThanScreen(page) {
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scroll <= inner, `page ${scroll} px wide on a ${inner} px screen`);
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`a target's progress: status, chart, basis and quotes (${size})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    const t = facts.targets.find((x) => x.id === ID);
    const result = t.progress.results.at(-1).result;
    await page.goto(`${env.srv.base}target/${ID}/`);
    await ready(page);
    const section = page.locator("section.progress");
    assert.equal(await section.locator(".status-line .status").innerText(), t.progress.status);
    assert.equal(t.progress.status, "进度超前");
    const line = await section.locator(".status-line").innerText();
    assert.ok(line.includes(`${result.value.year}年实际值${result.value.text}`), line);
    // What it is computed from, the assumption said.
    const text = await section.innerText();
    for (const words of ["基期：2017年", "目标：2022年", "最近实际值", "直线", "假设", "区级数字从不用于衡量市级目标"]) {
      assert.ok(text.includes(words), words);
    }
    // The chart: a canvas drawn at the section's width, not blank; its table has the numbers.
    const holder = section.locator("figure.chart .chart-canvas");
    await page.waitForFunction(() => document.querySelector("section.progress .chart-canvas")?.dataset.cssWidth);
    assert.equal(await holder.getAttribute("data-error"), null);
    const inked = await holder.locator("canvas").evaluate((c) => {
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
      return { n, all: c.width * c.height, w: c.getBoundingClientRect().width };
    });
    assert.ok(inked.n > inked.all * 0.01, `canvas drawn: ${inked.n} of ${inked.all} pixels inked`);
    assert.ok(inked.w <= viewport.width, `canvas ${inked.w} px`);
    const table = await section.locator(".chart-data table").textContent();
    for (const v of [t.baseline.text, result.value.text, "2017年", "2019年", "2022年"]) assert.ok(table.includes(v), v);
    // Both quotes, each linked to its paragraph, the result's under its document's title.
    const links = await section.locator(".quote footer a").evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.textContent]));
    const at = (p) => `document/${p.doc}/?at=${p.block}`;
    assert.ok(links.some(([h]) => h.endsWith(at(result.source))), JSON.stringify(links));
    assert.ok(links.some(([h]) => h.endsWith(at(t.source))), JSON.stringify(links));
    await page.waitForFunction((doc) => ![...document.querySelectorAll("section.progress .quote footer a")].some((a) => a.textContent.includes(doc)), result.doc);
    assert.ok((await section.innerText()).includes(result.source.quote));
    await noWiderThanScreen(page);
    await look(page, `target-${size}`, "section.progress");
    await look(page, `target-chart-${size}`, "section.progress .chart");
    assert.deepEqual(problems(), []);
  });

  test(`targets/ counts by status, each a link to the filtered list (${size})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    await page.goto(`${env.srv.base}targets/`);
    await ready(page);
    const shown = await overview(page);
    const expected = counts(facts.targets);
    assert.deepEqual(shown.map(([s, n]) => [s, n]), expected);
    const sentence = await page.locator(".status-overview > p").first().innerText();
    assert.ok(sentence.startsWith(`${facts.targets.length}项目标中`), sentence);
    await noWiderThanScreen(page);
    await look(page, `targets-${size}`, ".status-overview");
    // The link of one status lists exactly those targets, each card saying it.
    const [status, n] = expected.find(([s]) => s === "进度超前");
    await page.locator(".status-links a", { hasText: status }).click();
    await page.waitForURL((u) => u.searchParams.get("status") === status);
    await ready(page);
    await page.locator(".result-bar .count", { hasText: `共 ${n} 项` }).waitFor();
    const badges = await page.locator(".records .record .status").allInnerTexts();
    assert.deepEqual(badges, Array(n).fill(status));
    assert.equal(await page.locator(`.status-links a[aria-current="page"] .status`).innerText(), status);
    // The filter panel offers the status, and says it is set.
    assert.equal(await page.locator("#filter-status").inputValue(), status);
    assert.deepEqual(problems(), []);
  });

  test(`a theme and a document count their targets by status (${size})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    await page.goto(`${env.srv.base}theme/${THEME}/`);
    await ready(page);
    const shown = await overview(page);
    assert.deepEqual(
      shown.map(([s, n]) => [s, n]),
      counts(facts.targets.filter((t) => t.themes.includes(THEME))),
    );
    for (const [s, , href] of shown) {
      const q = new URL(href, env.srv.base).searchParams;
      assert.equal(q.get("theme"), THEME);
      assert.equal(q.get("status"), s);
    }
    assert.ok((await page.locator(".theme .records .status").count()) > 0, "cards carry their status");
    await noWiderThanScreen(page);
    await look(page, `theme-${size}`, ".status-overview");
    const doc = "xinjiu-dongneng";
    await page.goto(`${env.srv.base}document/${doc}/`);
    await ready(page);
    const ofDoc = await overview(page);
    assert.deepEqual(
      ofDoc.map(([s, n]) => [s, n]),
      counts(facts.targets.filter((t) => t.doc === doc)),
    );
    assert.ok(ofDoc.every(([, , href]) => new URL(href, env.srv.base).searchParams.get("doc") === doc));
    await noWiderThanScreen(page);
    assert.deepEqual(problems(), []);
  });
}

test("the progress chart in large-font mode on a phone", async () => {
  const { page, context, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await context.addInitScript(() => localStorage.setItem("zcdl.large-font", "1"));
  await page.goto(`${env.srv.base}target/${ID}/`);
  await ready(page);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("large-font")));
  await page.waitForFunction(() => document.querySelector("section.progress .chart-canvas")?.dataset.cssWidth);
  const height = await page.locator("section.progress canvas").evaluate((c) => c.getBoundingClientRect().height);
  assert.ok(height > 300, `taller with the larger font: ${height} px`);
  await noWiderThanScreen(page);
  await look(page, "target-chart-phone-large", "section.progress .chart");
  assert.deepEqual(problems(), []);
});
