// Charts at 360×740 and 1280×800 with device scale factors 2 and 3: each chart is drawn by
// plotters-canvas on a <canvas> as wide as its container and devicePixelRatio times as
// dense (crisp), is not blank (the target red and the text ink are on it), sets no style
// attribute (CSP); it redraws after a resize and after switching large-font mode; its
// downloads work; and its data table holds the numbers of the data file.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, openPage, ready, VIEWPORTS, ROOT, SHOTS } from "./harness.mjs";

const facts = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/facts.json"), "utf8"));
const env = useServerAndBrowser();

/**
 * Per chart: the container's width, the canvas's pixel size and rendered CSS size, the
 * ratio it was drawn at, and what its pixels hold (inked pixels, the target red).
 */
async function charts(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.chart .chart-canvas")].map((holder) => {
      const canvas = holder.querySelector(":scope > canvas");
      if (!canvas) return { holderW: holder.getBoundingClientRect().width, canvas: false };
      const r = canvas.getBoundingClientRect();
      const { data } = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0, red = 0, dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [R, G, B] = [data[i], data[i + 1], data[i + 2]];
        if (R < 250 || G < 250 || B < 250) inked++;
        if (R > 140 && G < 60 && B < 60) red++;
        if (R < 90 && G < 90 && B < 90) dark++;
      }
      return {
        canvas: true,
        holderW: holder.clientWidth,
        cssWidth: Number(holder.dataset.cssWidth),
        ratio: Number(holder.dataset.ratio),
        drawMs: Number(holder.dataset.drawMs),
        error: holder.dataset.error ?? null,
        w: canvas.width,
        h: canvas.height,
        cssW: r.width,
        cssH: r.height,
        inked: inked / (data.length / 4),
        red,
        dark,
        styled: holder.querySelectorAll("[style]").length + (holder.hasAttribute("style") ? 1 : 0),
        vw: innerWidth,
        dpr: devicePixelRatio,
      };
    }),
  );
}

/** At least `n` charts drawn, each at its container's present width. */
async function chartsReady(page, n) {
  await page.waitForFunction((n) => {
    const all = [...document.querySelectorAll("figure.chart .chart-canvas")];
    const drawn = all.filter((c) => c.dataset.drawMs && Number(c.dataset.cssWidth) === Math.max(200, c.clientWidth));
    return all.length >= n && drawn.length === all.length;
  }, n);
}

/** What every drawn chart must be. */
function checkChart(c) {
  assert.ok(c.canvas, "the chart has its canvas");
  assert.equal(c.error, null, "drawn without error");
  assert.equal(c.cssWidth, c.holderW < 200 ? 200 : c.holderW, "drawn at its container's CSS width");
  assert.equal(c.ratio, c.dpr, "drawn at the screen's pixel ratio");
  assert.equal(c.w, Math.round(c.cssWidth * c.ratio), "canvas pixels: CSS width × devicePixelRatio");
  assert.ok(Number.isFinite(c.drawMs) && c.drawMs >= 0, `data-draw-ms ${c.drawMs}`);
  assert.ok(Math.abs(c.cssW - c.holderW) <= 1, `shown at ${c.cssW} px in a ${c.holderW} px container`);
  assert.ok(Math.abs(c.cssH * c.ratio - c.h) <= c.ratio + 1, `height ${c.cssH} CSS px for ${c.h} canvas px`);
  assert.ok(c.cssW <= c.vw, "no wider than the window");
  assert.ok(c.inked > 0.01 && c.inked < 0.9, `not blank, not filled: ${c.inked}`);
  assert.ok(c.red > 50, `the target red is drawn (${c.red} px)`);
  assert.ok(c.dark > 20, `text ink is drawn (${c.dark} px)`);
  assert.equal(c.styled, 0, "no style attribute (CSP)");
}

const PAGES = [
  ["target/xinjiu-dongneng.t-9/", 2, "target"],
  ["document/xinjiu-dongneng/", 2, "document"],
  ["department/" + (facts.departments.find((d) => d.targets.length > 0)?.id ?? "") + "/", 1, "department"],
];

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const [route, count, kind] of PAGES) {
    const dpr = kind === "target" ? 3 : 2;
    test(`${kind} charts are drawn on a canvas at their container's width (${name}, dpr ${dpr})`, async () => {
      const { page, problems } = await openPage(env.browser, viewport, { deviceScaleFactor: dpr });
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
    await page.goto(env.srv.base + "target/xinjiu-dongneng.t-9/");
    await ready(page);
    await chartsReady(page, 1);
    const before = (await charts(page))[0];
    checkChart(before);
    await page.setViewportSize({ width: viewport.width === 360 ? 740 : 900, height: viewport.height });
    await page.waitForFunction((w) => document.querySelector("figure.chart .chart-canvas > canvas")?.width !== w, before.w);
    await chartsReady(page, 1);
    const resized = (await charts(page))[0];
    checkChart(resized);
    assert.notEqual(resized.w, before.w);
    await page.locator("button.toggle", { hasText: "大字" }).click();
    await page.waitForFunction((h) => document.querySelector("figure.chart .chart-canvas > canvas")?.height !== h, resized.h);
    await chartsReady(page, 1);
    const large = (await charts(page))[0];
    checkChart(large);
    assert.ok(large.h > resized.h, "taller chart for larger text (its height follows the font)");
    assert.ok(large.dark > resized.dark, `more ink for larger text: ${large.dark} px after ${resized.dark} px`);
    assert.deepEqual(problems(), []);
  });
}

test("a chart downloads as SVG (800 px, no style attribute) and as PNG (the canvas: its width × devicePixelRatio)", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop, { deviceScaleFactor: 2 });
  await page.goto(env.srv.base + "target/xinjiu-dongneng.t-9/");
  await ready(page);
  await chartsReady(page, 1);
  const fig = page.locator("figure.chart").first();
  const shown = (await charts(page))[0];
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), fig.locator("button", { hasText: "下载图表（SVG）" }).click()]);
  assert.match(svgDownload.suggestedFilename(), /\.svg$/);
  const svg = fs.readFileSync(await svgDownload.path(), "utf8");
  assert.match(svg, /^<svg width="800" height="\d+" viewBox="0 0 800 \d+" xmlns="http:\/\/www.w3.org\/2000\/svg">/);
  assert.ok(!svg.includes("style=") && svg.includes("2700") && svg.includes("2022年"));
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), fig.locator("button", { hasText: "下载图片（PNG）" }).click()]);
  assert.match(pngDownload.suggestedFilename(), /\.png$/);
  const png = fs.readFileSync(await pngDownload.path());
  assert.equal(png.subarray(1, 4).toString(), "PNG");
  assert.equal(png.readUInt32BE(16), shown.w, "PNG width: the canvas's");
  assert.equal(png.readUInt32BE(20), shown.h, "PNG height: the canvas's");
  assert.equal(shown.w, Math.round(shown.cssWidth * 2));
  assert.ok(png.length > 5000, `PNG of ${png.length} bytes has a drawing`);
  assert.deepEqual(problems(), []);
});

test("the data table of a target chart holds the numbers of the data file", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  const t = facts.targets.find((t) => t.id === "xinjiu-dongneng.t-9");
  await page.goto(env.srv.base + "target/" + t.id + "/");
  await ready(page);
  const table = await page.locator("figure.chart").first().locator("table").textContent();
  assert.ok(table.includes(t.baseline.text) && table.includes(t.target.text), table);
  assert.ok(table.includes(String(t.baseline.year)) && table.includes(String(t.target.year)));
  assert.deepEqual(problems(), []);
});

test("the document chart table lists every comparable target of the data file", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  await page.goto(env.srv.base + "document/lixia-shisiwu/");
  await ready(page);
  const rows = await page.locator("figure.chart").first().locator("tbody tr").allTextContents();
  const comparable = facts.targets.filter((t) => t.doc === "lixia-shisiwu" && !t.cumulative && t.baseline?.value != null && t.baseline.value !== 0 && t.target?.value != null);
  assert.equal(rows.length, comparable.length);
  for (const t of comparable) assert.ok(rows.some((r) => r.includes(t.indicator) && r.includes(t.target.text)), t.id);
  assert.deepEqual(problems(), []);
});

