// Themes as the way in: the home page offers them, each theme page gathers its records
// across documents with a chart, and the lists filter by theme; an unknown address gets
// the site's own 404 page.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, serve, openPage, ready, shot, VIEWPORTS, ROOT, openFilters } from "./harness.mjs";

const env = useServerAndBrowser();
const data = (f) => JSON.parse(fs.readFileSync(path.join(ROOT, "public/data", f), "utf8"));
const themes = data("themes.json").themes;
const targets = data("facts.json").targets;

test("the home page offers every theme, before any script runs", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  await page.goto(env.srv.base);
  const names = await page.locator(".theme-tiles .name").allInnerTexts();
  assert.deepEqual(names, themes.map((t) => t.name));
  await context.close();
});

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  test(`a theme page gathers its targets (charted), projects, fields, documents and departments (${size})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    const theme = themes.find((t) => t.id === "elderly-care");
    await page.goto(`${env.srv.base}theme/elderly-care/`);
    await ready(page);
    assert.equal(await page.locator("main h1").innerText(), theme.name);
    assert.match(await page.locator("#theme-targets").innerText(), new RegExp(`（${theme.counts.targets}）`));
    assert.match(await page.locator("#theme-projects").innerText(), new RegExp(`（${theme.counts.projects}）`));
    // The theme's targets are charted (on a canvas, drawn once the page has its width).
    await page.waitForFunction(() => document.querySelector(".theme .chart-canvas")?.dataset.cssWidth);
    assert.equal(await page.locator(".theme .chart-canvas canvas").first().isVisible(), true);
    // Each card names the document it comes from; the full list is one link away.
    const first = targets.find((t) => t.themes.includes("elderly-care"));
    assert.ok(first);
    await page.locator(".more a", { hasText: "目标指标" }).click();
    await page.waitForURL(/targets\/\?theme=elderly-care/);
    await ready(page);
    await page.locator(".result-bar .count", { hasText: `共 ${theme.counts.targets} 项` }).waitFor();
    await shot(page, `theme-targets-${size}`);
    assert.deepEqual(problems(), []);
  });
}

test("the list filters offer the themes and a theme filter is a removable chip", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}projects/`);
  await ready(page);
  await openFilters(page);
  await page.locator("#filter-theme").selectOption("transport");
  await page.waitForURL(/theme=transport/);
  const name = themes.find((t) => t.id === "transport").name;
  await page.locator(".chip", { hasText: name }).waitFor();
  const n = themes.find((t) => t.id === "transport").counts.projects;
  await page.locator(".result-bar .count", { hasText: `共 ${n} 项` }).waitFor();
  assert.deepEqual(problems(), []);
});

// A theme's or a department's page reads its own topic file and the chunks of the cards it
// shows: no list index, no documents' names, no member file (each names the whole library).
test("a theme page and a department page fetch their topic file, not the lists", async () => {
  const dept = data("facts-departments.json").departments.find((d) => d.counts.targets > 0);
  for (const [address, topic] of [
    ["theme/elderly-care/", "lists/topics/theme-elderly-care.json"],
    [`department/${dept.id}/`, `lists/topics/dept-${dept.id}.json`],
  ]) {
    const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
    const requests = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname.split("/data/")[1] ?? ""));
    await page.goto(env.srv.base + address);
    await ready(page);
    assert.ok((await page.locator(".records .record").count()) > 0, address);
    const data = requests.filter((p) => p);
    assert.ok(data.includes(topic), `${address}: ${data}`);
    assert.deepEqual(data.filter((p) => /^lists\/(names|[a-z]+\/(index|[a-z]+-\d+))\.json$/.test(p)), [], address);
    assert.deepEqual(problems(), []);
  }
});

// A theme of a large library comes from hundreds of documents: its page lists the ten with
// the most records and folds the others away. Today's themes come from at most eleven, so
// the topic file is served here with thirty.
test("a theme of many documents lists the ten with the most records and folds the others away", async () => {
  const file = "data/lists/topics/theme-elderly-care.json";
  const topic = data("lists/topics/theme-elderly-care.json");
  const [id, title] = topic.documents[0];
  topic.documents = Array.from({ length: 30 }, (_, i) => [id, `${title}·${i}`, (i * 7) % 30 + 1]);
  const body = JSON.stringify(topic);
  const srv = await serve(new Map([[file, (res) => res.writeHead(200, { "content-type": "application/json" }).end(body)]]));
  try {
    const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
    await page.goto(`${srv.base}theme/elderly-care/`);
    await ready(page);
    const section = page.locator("section[aria-labelledby=theme-docs]");
    assert.match(await section.locator("h2").innerText(), /（30）/);
    const byCount = [...topic.documents].sort((a, b) => b[2] - a[2]);
    const leading = await section.locator(":scope > ul li").allInnerTexts();
    assert.deepEqual(leading, byCount.slice(0, 10).map(([, t, n]) => `${t} ${n} 项`));
    const folded = section.locator("details.more-docs");
    assert.equal(await folded.locator("summary").innerText(), "其余 20 份文件（按文件顺序）");
    assert.equal(await folded.evaluate((d) => d.open), false);
    await folded.locator("summary").click();
    const rest = topic.documents.filter((d) => !byCount.slice(0, 10).includes(d));
    assert.deepEqual(await folded.locator("li").allInnerTexts(), rest.map(([, t, n]) => `${t} ${n} 项`));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), VIEWPORTS.phone.width);
    // A folded link opens its document in place, like any other.
    await page.evaluate(() => (window.__stayed = true));
    await folded.locator("li a").first().click();
    await page.waitForURL(new RegExp(`document/${id}/`));
    await ready(page);
    assert.equal(await page.evaluate(() => window.__stayed), true);
    assert.deepEqual(problems(), []);
  } finally {
    await srv.close();
  }
});

// An unknown id is never a request for a topic file.
test("an unknown department says so and fetches no topic file", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${env.srv.base}department/?id=../../etc`);
  await ready(page);
  assert.match(await page.locator("main").innerText(), /没有编号为“..\/..\/etc”的责任单位/);
  assert.deepEqual(requests.filter((p) => p.includes("/topics/")), []);
  assert.deepEqual(problems(), []);
});

test("an unknown theme says so and links back", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  // No page at that path: the static server's 404, with the app's 404 page whose app says so.
  const response = await page.goto(`${env.srv.base}theme/nope/`);
  assert.equal(response.status(), 404);
  await ready(page);
  assert.match(await page.locator("main").innerText(), /没有编号为“nope”的主题/);
  const own404 = [`HTTP 404: ${response.url()}`, "console: Failed to load resource: the server responded with a status of 404 (Not Found)"];
  assert.deepEqual(problems().filter((p) => !own404.includes(p)), []);
});

test("an unknown address gets the site's own 404 page with navigation, also without script", async () => {
  for (const js of [false, true]) {
    const context = await env.browser.newContext({ javaScriptEnabled: js, viewport: VIEWPORTS.phone });
    const page = await context.newPage();
    const res = await page.goto(`${env.srv.base}zwgk/no/such/page/`);
    assert.equal(res.status(), 404);
    await page.locator("main h1", { hasText: "页面不存在" }).waitFor();
    assert.match(await page.locator(".site-nav").innerText(), /主题/);
    const home = await page.locator(".not-found a", { hasText: "返回首页" }).getAttribute("href");
    assert.equal(home, "/zwgk/zcdl/");
    await context.close();
  }
});
