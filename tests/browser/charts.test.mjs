// Charts at 360×740 and 1280×800 with device scale factor 2: each canvas is non-blank,
// its backing store is CSS size × devicePixelRatio, it redraws after a resize and after
// switching large-font mode, and its data table holds the numbers of the data file.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, openPage, ready, VIEWPORTS, ROOT, SHOTS } from "./harness.mjs";

const facts = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/facts.json"), "utf8"));
const env = useServerAndBrowser();

/** Per canvas: backing size, CSS size, and how many pixels are not white. */
async function canvases(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.chart canvas")].map((c) => {
      const ctx = c.getContext("2d");
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 250 || data[i + 1] < 250 || data[i + 2] < 250) ink++;
      const r = c.getBoundingClientRect();
      return { w: c.width, h: c.height, cssW: r.width, cssH: r.height, ink, dpr: devicePixelRatio };
    }),
  );
}

async function chartsReady(page, n) {
  await page.waitForFunction((n) => [...document.querySelectorAll("figure.chart canvas")].filter((c) => c.dataset.drawMs).length >= n, n);
}

const PAGES = [
  ["target/?id=xinjiu-dongneng.t-9", 2, "target"],
  ["document/?id=xinjiu-dongneng", 2, "document"],
  ["department/?id=" + (facts.departments.find((d) => d.targets.length > 0)?.id ?? ""), 1, "department"],
];

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const [route, count, kind] of PAGES) {
    test(`${kind} charts are sharp and non-blank (${name}, dpr 2)`, async () => {
      const { page, problems } = await openPage(env.browser, viewport, { deviceScaleFactor: 2 });
      await page.goto(env.srv.base + route);
      await ready(page);
      await chartsReady(page, count);
      for (const c of await canvases(page)) {
        assert.equal(c.dpr, 2);
        assert.ok(Math.abs(c.w - c.cssW * 2) <= 2, `backing width ${c.w} vs css ${c.cssW}`);
        assert.ok(Math.abs(c.h - c.cssH * 2) <= 2, `backing height ${c.h} vs css ${c.cssH}`);
        assert.ok(c.ink > 500, "the canvas has a drawing");
      }
      const figs = page.locator("figure.chart");
      for (let i = 0; i < (await figs.count()); i++) {
        await figs.nth(i).screenshot({ path: path.join(SHOTS, `chart-${kind}-${i}-${name}.png`) });
      }
      assert.deepEqual(problems(), []);
    });
  }

  test(`charts redraw after a resize and after large-font mode (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport, { deviceScaleFactor: 2 });
    await page.goto(env.srv.base + "target/?id=xinjiu-dongneng.t-9");
    await ready(page);
    await chartsReady(page, 1);
    const before = (await canvases(page))[0];
    await page.setViewportSize({ width: viewport.width === 360 ? 740 : 900, height: viewport.height });
    await page.waitForFunction((w) => document.querySelector("figure.chart canvas").width !== w, before.w);
    const resized = (await canvases(page))[0];
    assert.ok(Math.abs(resized.w - resized.cssW * 2) <= 2 && resized.ink > 500);
    await page.locator("button.toggle", { hasText: "大字" }).click();
    await page.waitForFunction((h) => document.querySelector("figure.chart canvas").height !== h, resized.h);
    const large = (await canvases(page))[0];
    assert.ok(large.h > resized.h, "taller chart for larger text");
    assert.ok(Math.abs(large.h - large.cssH * 2) <= 2 && large.ink > 500);
    assert.deepEqual(problems(), []);
  });
}

test("the data table of a target chart holds the numbers of the data file", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  const t = facts.targets.find((t) => t.id === "xinjiu-dongneng.t-9");
  await page.goto(env.srv.base + "target/?id=" + t.id);
  await ready(page);
  const table = await page.locator("figure.chart").first().locator("table").textContent();
  assert.ok(table.includes(t.baseline.text) && table.includes(t.target.text), table);
  assert.ok(table.includes(String(t.baseline.year)) && table.includes(String(t.target.year)));
  assert.deepEqual(problems(), []);
});

test("the document chart table lists every comparable target of the data file", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  await page.goto(env.srv.base + "document/?id=lixia-shisiwu");
  await ready(page);
  const rows = await page.locator("figure.chart").first().locator("tbody tr").allTextContents();
  const comparable = facts.targets.filter((t) => t.doc === "lixia-shisiwu" && !t.cumulative && t.baseline?.value != null && t.baseline.value !== 0 && t.target?.value != null);
  assert.equal(rows.length, comparable.length);
  for (const t of comparable) assert.ok(rows.some((r) => r.includes(t.indicator) && r.includes(t.target.text)), t.id);
  assert.deepEqual(problems(), []);
});
