// The app shell under a sub-path: every route opens directly, reloads, and shows data;
// no console errors or failed requests; the panic screen renders; the first paint needs
// no JavaScript.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { startServer } from "./server.mjs";
import { useServerAndBrowser, openPage, shot, ready, VIEWPORTS, PAGES, PRERENDERED_ROUTES, ROOT } from "./harness.mjs";

const env = useServerAndBrowser();

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  test(`home page under a sub-path shows the documents (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    await page.goto(env.srv.base);
    await ready(page);
    assert.equal(await page.getAttribute("html", "lang"), "zh-CN");
    const cards = await page.locator(".cards .card").count();
    assert.equal(cards, 11, "eleven documents on the home page");
    assert.match(await page.locator(".site-nav").innerText(), /首页[\s\S]*文件[\s\S]*重点领域[\s\S]*重点工程[\s\S]*目标指标[\s\S]*责任单位[\s\S]*搜索/);
    assert.match(await page.locator(".site-footer").innerText(), /数据来源/);
    await shot(page, `home-${name}`);
    assert.deepEqual(problems(), []);
  });

  test(`deep link to a document opens directly and survives reload (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    await page.goto(`${env.srv.base}document/shenghuo-fuwu/`);
    await ready(page);
    assert.match(await page.locator("main h1").innerText(), /生活性服务业高端化发展/);
    await page.reload();
    await ready(page);
    assert.match(await page.locator("main h1").innerText(), /生活性服务业高端化发展/);
    assert.match(await page.title(), /生活性服务业/);
    await shot(page, `reader-${name}`);
    assert.deepEqual(problems(), []);
  });

  test(`navigation keeps the sub-path (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    await page.goto(env.srv.base);
    await ready(page);
    await page.locator(".site-nav a", { hasText: "文件" }).first().click();
    await page.waitForURL(/\/zwgk\/zcdl\/documents\/?$/);
    await ready(page);
    assert.equal(await page.locator(".doc-list .doc-item").count(), 11);
    await page.reload();
    await ready(page);
    assert.equal(await page.locator(".doc-list .doc-item").count(), 11);
    assert.deepEqual(problems(), []);
  });
}

test("every route page exists as a plain file", async () => {
  for (const route of ["documents", "document", "fields", "field", "projects", "project", "targets", "target", "departments", "department", "search", "about"]) {
    const res = await fetch(`${env.srv.base}${route}/`);
    assert.equal(res.status, 200, route);
    assert.match(await res.text(), /<base href="\.\.\/">/, route);
  }
});

test("first paint without JavaScript shows the prerendered page, record and document pages included; an older link's shell shows a message", async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
  const page = await context.newPage();
  await page.goto(env.srv.base);
  assert.match(await page.locator(".site-nav").innerText(), /目标指标/);
  assert.equal(await page.locator(".cards .card").count(), 11, "the documents are readable before any script");
  await page.goto(`${env.srv.base}targets/`);
  assert.equal(await page.locator(".records .record").count(), 50, "the first page of targets is readable before any script");
  await page.goto(`${env.srv.base}document/shenghuo-fuwu/`);
  assert.match(await page.locator("main h1").innerText(), /生活性服务业/);
  // Every paragraph of its text (it has one part), each at its anchor.
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/doc/shenghuo-fuwu.json"), "utf8"));
  const paragraphs = doc.sections.flatMap((s) => s.blocks).filter((b) => b.paragraph).map((b) => b.paragraph);
  assert.equal(await page.locator("main p.para").count(), paragraphs.length, "the document's text is readable before any script");
  assert.equal((await page.locator(`main #${paragraphs[5].anchor}`).innerText()).includes(paragraphs[5].text.slice(0, 20)), true);
  await page.goto(`${env.srv.base}target/xinjiu-dongneng.t-9/`);
  assert.match(await page.locator("main h1").innerText(), /高新技术企业数量/);
  assert.ok((await page.locator("figure.chart .chart-canvas > svg").count()) >= 1, "its chart, as SVG");
  assert.match(await page.locator("link[rel=canonical]").getAttribute("href"), /^\.\/target\/xinjiu-dongneng\.t-9\/$/);
  assert.match(await page.locator("meta[name=description]").getAttribute("content"), /^高新技术企业数量：/);
  await page.goto(`${env.srv.base}theme/elderly-care/`);
  assert.match(await page.locator("main h1").innerText(), /养老/);
  assert.ok((await page.locator("main .record").count()) > 0, "a theme's records are readable before any script");
  await page.goto(`${env.srv.base}department/d-37fdedec/`);
  assert.match(await page.locator("main h1").innerText(), /市发展改革委/);
  assert.ok((await page.locator("main .record").count()) > 0, "a department's tasks are readable before any script");
  await page.goto(`${env.srv.base}target/?id=xinjiu-dongneng.t-9`);
  assert.match(await page.locator("noscript").evaluate((n) => n.textContent), /JavaScript/);
  await context.close();
});

/** The text of `main` but its charts' pictures (SVG when prerendered, a canvas live). */
const mainText = (page) =>
  page.locator("main").evaluate((main) => {
    const copy = main.cloneNode(true);
    copy.querySelectorAll(".chart-canvas").forEach((c) => c.remove());
    document.body.append(copy);
    const text = copy.innerText;
    copy.remove();
    return text;
  });

// The id-free pages, and a document and a record of every prerendered kind.
const RECORD_ROUTES = ["document/shenghuo-fuwu/", "target/xinjiu-dongneng.t-9/", "project/xinjiu-dongneng.p-278/", "field/qingdao-fuwuye.f-1/", "theme/elderly-care/", "department/d-37fdedec/"];
for (const route of [...PRERENDERED_ROUTES, ...RECORD_ROUTES]) {
  test(`the app takes over the prerendered ${route || "home page"} without changing what it shows`, async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: VIEWPORTS.phone });
    const still = await context.newPage();
    await still.goto(env.srv.base + route);
    const prerendered = await mainText(still);
    const title = await still.title();
    await context.close();
    const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
    await page.goto(env.srv.base + route);
    await ready(page);
    assert.equal(await mainText(page), prerendered);
    assert.equal(await page.title(), title);
    // The app swapped in because its page said it had rendered its data, not because time
    // ran out; the home page has no app to swap in.
    if (route) assert.equal(await page.locator("#app").getAttribute(PAGES.takeover_attr), "rendered");
    assert.equal(await page.locator("#app").count(), 1);
    assert.equal(await page.locator("main").count(), 1, "one main landmark after the swap");
    assert.deepEqual(problems(), []);
  });
}

test("an address with a query hides the prerendered (unfiltered) view until the app has rendered", async () => {
  const { page, context, problems } = await openPage(env.browser, VIEWPORTS.phone, { allow: [".wasm", "WebAssembly", "Failed to fetch"] });
  // Without the wasm the app never takes over: what shows is the first paint alone.
  await context.route(/\.wasm$/, (r) => r.abort());
  await page.goto(`${env.srv.base}targets/?doc=shenghuo-fuwu`);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("has-query")));
  assert.equal(await page.locator(".records").isVisible(), false);
  assert.equal(await page.locator(".query-loading").isVisible(), true);
  await page.goto(`${env.srv.base}targets/`);
  assert.equal(await page.locator(".records").isVisible(), true);
  assert.equal(await page.locator(".query-loading").isVisible(), false);
  // The home page is the same whatever the query: it shows at once.
  await page.goto(`${env.srv.base}?utm_source=weixin`);
  assert.equal(await page.locator(".cards .card").first().isVisible(), true);
  assert.ok(problems().every((p) => /wasm|WebAssembly|Failed/.test(p)), problems().join("\n"));
  await context.close();
});

test("filtered addresses show the filtered records once the app has taken over", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}targets/?doc=shenghuo-fuwu`);
  await ready(page);
  const docs = await page.locator(".records .record .meta").allInnerTexts();
  assert.ok(docs.length > 0 && docs.length < 30, `only the opinion's targets, got ${docs.length}`);
  assert.deepEqual(problems(), []);
});

test("a panic shows a readable message instead of a dead page", async () => {
  // The hook that sets off a panic is only in the test build of the home page
  // (target/test-hooks, `cargo xtask test`), never in the site.
  const srv = await startServer(path.join(ROOT, "target/test-hooks"), 0, "/t/");
  const { page } = await openPage(env.browser, VIEWPORTS.phone, { allow: ["panic", "unreachable", "RuntimeError"] });
  await page.goto(`http://127.0.0.1:${srv.address().port}/t/`);
  await page.waitForFunction(() => typeof window.wasmBindings?.trigger_panic_for_test === "function");
  await page.evaluate(() => {
    try {
      window.wasmBindings.trigger_panic_for_test();
    } catch (e) {
      /* the wasm traps after the hook ran */
    }
  });
  await page.locator("#panic").waitFor({ state: "visible" });
  assert.match(await page.locator("#panic").innerText(), /页面出错，请刷新/);
  await shot(page, "panic-phone");
  srv.close();
  srv.closeAllConnections();
});

test("the site's wasm carries no test hook", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  for (const route of ["", "about/"]) {
    await page.goto(env.srv.base + route);
    await page.waitForFunction(() => window.wasmBindings !== undefined);
    assert.equal(await page.evaluate(() => Object.keys(window.wasmBindings).filter((k) => /test|bench/.test(k)).join()), "", route);
  }
  assert.deepEqual(problems(), []);
});

test("the home page runs its own small wasm, not the app; its settings carry over to the app", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.srv.base);
  await ready(page);
  assert.ok(fetched.some((p) => /home-page-[0-9a-f]+_bg\.wasm$/.test(p)), fetched.join("\n"));
  assert.ok(!fetched.some((p) => /policy-explorer/.test(p) || p.includes("/data/")), fetched.join("\n"));
  const toggle = page.locator("button.toggle", { hasText: "大字" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("large-font")));
  // The next page is the app, in large font from its first paint.
  await page.locator(".site-nav a", { hasText: "目标指标" }).click();
  await page.waitForURL(/targets\/$/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("large-font")));
  await ready(page);
  assert.equal(await page.locator("button.toggle", { hasText: "大字" }).getAttribute("aria-pressed"), "true");
  await page.locator("button.toggle", { hasText: "大字" }).click();
  await page.goto(env.srv.base);
  await ready(page);
  assert.ok(!(await page.evaluate(() => document.documentElement.classList.contains("large-font"))));
  assert.deepEqual(problems(), []);
});
