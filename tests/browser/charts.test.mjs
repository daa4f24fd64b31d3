// Charts at 360×740 and 1280×800 with device scale factor 2: each chart is an SVG drawn at
// its container's CSS width (vector, so sharp at any devicePixelRatio), has shapes and
// labels, keeps every element inside its viewBox and uses no style attribute (CSP); it
// redraws after a resize and after switching large-font mode; its downloads work; and its
// data table holds the numbers of the data file.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, openPage, ready, VIEWPORTS, ROOT, SHOTS } from "./harness.mjs";

const facts = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/facts.json"), "utf8"));
const env = useServerAndBrowser();

/**
 * Per chart: the container's width, the SVG's attributes and rendered size, its shapes and
 * texts, its font sizes, and the elements whose box leaves the viewBox.
 */
async function charts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.chart .chart-canvas")].map((holder) => {
      const svg = holder.querySelector(":scope > svg");
      if (!svg) return { holderW: holder.getBoundingClientRect().width, svg: false };
      const r = svg.getBoundingClientRect();
      const [vx, vy, vw, vh] = (svg.getAttribute("viewBox") ?? "").split(" ").map(Number);
      const outside = [];
      for (const e of svg.querySelectorAll("rect, polyline, text")) {
        const b = e.getBBox();
        // Text boxes are the font's ascent and descent around the glyphs: a pixel of slack.
        const slack = e.tagName === "text" ? 1 : 0;
        if (b.x < vx - slack || b.y < vy - slack || b.x + b.width > vx + vw + slack || b.y + b.height > vy + vh + slack) {
          outside.push(`${e.tagName} ${e.textContent} ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}`);
        }
      }
      const sizes = [...svg.querySelectorAll("text")].map((t) => Number(t.getAttribute("font-size")));
      return {
        svg: true,
        holderW: holder.clientWidth,
        cssWidth: Number(holder.dataset.cssWidth),
        drawMs: Number(holder.dataset.drawMs),
        w: Number(svg.getAttribute("width")),
        h: Number(svg.getAttribute("height")),
        viewBox: [vx, vy, vw, vh],
        cssW: r.width,
        cssH: r.height,
        rects: svg.querySelectorAll("rect").length,
        texts: [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim()).length,
        maxFont: Math.max(...sizes),
        styled: holder.querySelectorAll("[style]").length,
        outside,
        vw: innerWidth,
      };
    }),
  );
}

/** At least `n` charts drawn, each at its container's present width. */
async function chartsReady(page, n) {
  await page.waitForFunction((n) => {
    const all = [...document.querySelectorAll("figure.chart .chart-canvas")];
    const drawn = all.filter((c) => c.dataset.drawMs && Number(c.querySelector(":scope > svg")?.getAttribute("width")) === Math.max(200, c.clientWidth));
    return all.length >= n && drawn.length === all.length;
  }, n);
}

/** What every drawn chart must be. */
function checkChart(c) {
  assert.ok(c.svg, "the chart has its SVG");
  assert.equal(c.w, c.holderW < 200 ? 200 : c.holderW, "drawn at its container's CSS width");
  assert.equal(c.cssWidth, c.w);
  assert.ok(Number.isFinite(c.drawMs) && c.drawMs >= 0, `data-draw-ms ${c.drawMs}`);
  assert.deepEqual(c.viewBox, [0, 0, c.w, c.h]);
  assert.ok(Math.abs(c.cssW - c.holderW) <= 1, `shown at ${c.cssW} px in a ${c.holderW} px container`);
  assert.ok(Math.abs(c.cssH - c.h) <= 1, `height ${c.cssH} vs ${c.h}`);
  assert.ok(c.cssW <= c.vw, "no wider than the window");
  assert.ok(c.rects >= 2 && c.texts >= 2, `shapes ${c.rects}, texts ${c.texts}`);
  assert.deepEqual(c.outside, [], "every element inside the viewBox");
  assert.equal(c.styled, 0, "no style attribute (CSP)");
}

const PAGES = [
  ["target/?id=xinjiu-dongneng.t-9", 2, "target"],
  ["document/?id=xinjiu-dongneng", 2, "document"],
  ["department/?id=" + (facts.departments.find((d) => d.targets.length > 0)?.id ?? ""), 1, "department"],
];

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const [route, count, kind] of PAGES) {
    test(`${kind} charts are drawn as SVG at their container's width (${name}, dpr 2)`, async () => {
      const { page, problems } = await openPage(env.browser, viewport, { deviceScaleFactor: 2 });
      await page.goto(env.srv.base + route);
      await ready(page);
      await chartsReady(page, count);
      const all = await charts(page);
      assert.ok(all.length >= count);
      for (const c of all) checkChart(c);
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
    const before = (await charts(page))[0];
    checkChart(before);
    await page.setViewportSize({ width: viewport.width === 360 ? 740 : 900, height: viewport.height });
    await page.waitForFunction((w) => Number(document.querySelector("figure.chart .chart-canvas > svg")?.getAttribute("width")) !== w, before.w);
    await chartsReady(page, 1);
    const resized = (await charts(page))[0];
    checkChart(resized);
    assert.notEqual(resized.w, before.w);
    await page.locator("button.toggle", { hasText: "大字" }).click();
    await page.waitForFunction((h) => Number(document.querySelector("figure.chart .chart-canvas > svg")?.getAttribute("height")) !== h, resized.h);
    const large = (await charts(page))[0];
    checkChart(large);
    assert.ok(large.h > resized.h, "taller chart for larger text");
    assert.ok(large.maxFont > resized.maxFont, `larger text: ${large.maxFont} px after ${resized.maxFont} px`);
    assert.deepEqual(problems(), []);
  });
}

test("a chart downloads as SVG (800 px, no style attribute) and as PNG (twice its width)", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  await page.goto(env.srv.base + "target/?id=xinjiu-dongneng.t-9");
  await ready(page);
  await chartsReady(page, 1);
  const fig = page.locator("figure.chart").first();
  const shown = (await charts(page))[0];
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), fig.locator("button", { hasText: "下载图表（SVG）" }).click()]);
  assert.match(svgDownload.suggestedFilename(), /\.svg$/);
  const svg = fs.readFileSync(await svgDownload.path(), "utf8");
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="800" height="\d+" viewBox="0 0 800 \d+"/);
  assert.ok(!svg.includes("style=") && svg.includes("2700") && svg.includes("2022年"));
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), fig.locator("button", { hasText: "下载图片（PNG）" }).click()]);
  assert.match(pngDownload.suggestedFilename(), /\.png$/);
  const png = fs.readFileSync(await pngDownload.path());
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  assert.equal(png.readUInt32BE(16), shown.w * 2, "PNG width");
  assert.equal(png.readUInt32BE(20), shown.h * 2, "PNG height");
  assert.ok(png.length > 5000, `PNG of ${png.length} bytes has a drawing`);
  assert.deepEqual(problems(), []);
});

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
