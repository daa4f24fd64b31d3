// Hostile input and failure: every data failure says what went wrong with a retry button
// while the rest of the app keeps working; bad addresses and query strings are shown
// escaped and never crash the app; storage garbage is survived; every HTML file carries the
// CSP and every script, wasm and stylesheet carries SRI.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import crypto from "node:crypto";
import path from "node:path";
import { serve, launch, openPage, ready, VIEWPORTS, DIST, shot } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Failures the test server can serve for a data file. */
const FAULTS = {
  missing: (res) => res.writeHead(404, { "content-type": "text/plain" }).end("not found"),
  "server error": (res) => res.writeHead(500, { "content-type": "text/plain" }).end("oops"),
  truncated: (res) => res.writeHead(200, { "content-type": "application/json" }).end('{"schema_version":1,"documents":[{"id":"x"'),
  "not JSON": (res) => res.writeHead(200, { "content-type": "text/html" }).end("<html><body>维护中</body></html>"),
  "wrong schema_version": (res) => res.writeHead(200, { "content-type": "application/json" }).end('{"schema_version":99,"documents":[]}'),
  "too slow": (res) => setTimeout(() => res.writeHead(200).end("{}"), 15000),
};
const EXPECTED = {
  missing: /数据文件不存在（404）/,
  "server error": /服务器出错（500）/,
  truncated: /格式有误/,
  "not JSON": /格式有误/,
  "wrong schema_version": /版本（99）/,
  "too slow": /网络太慢/,
};

for (const [fault, respond] of Object.entries(FAULTS)) {
  test(`the documents list's index ${fault}: a plain message, a retry that works, other pages still work`, { timeout: 60000 }, async () => {
    const faults = new Map([["data/lists/documents/index.json", respond]]);
    const srv = await serve(faults);
    const { page, problems } = await openPage(browser, VIEWPORTS.phone, { allow: ["lists/documents/index.json", "Failed to load resource"] });
    await page.goto(srv.base + "documents/");
    const alert = page.locator(".load-failed[role=alert]");
    await alert.waitFor({ timeout: 20000 });
    assert.match(await alert.innerText(), EXPECTED[fault]);
    assert.match(await alert.innerText(), /重试/);
    assert.equal(await page.locator(".doc-item").count(), 0, "nothing shown half-loaded");
    await shot(page, `failure-${fault.replace(/\s/g, "-")}`);
    // Navigation still works: the about page needs no data.
    await page.locator(".site-footer a", { hasText: "关于" }).click();
    await page.locator("main h1", { hasText: "关于本站与数据" }).waitFor();
    // Back on the page, the file is asked for again and fails again; once the fault
    // clears, the retry button brings the data.
    await page.locator(".site-nav a", { hasText: "文件" }).click();
    await page.locator(".load-failed button").waitFor({ timeout: 20000 });
    faults.clear();
    await page.locator(".load-failed button").click();
    await page.locator(".doc-item").first().waitFor({ timeout: 20000 });
    assert.equal(await page.locator(".doc-item").count(), 11);
    assert.deepEqual(problems(), []);
    await srv.close();
  });
}

test("the record files failing leave the document pages working", async () => {
  const failing = FAULTS["server error"];
  const kinds = ["fields", "projects", "targets"];
  const files = [...kinds.map((k) => `data/lists/${k}/index.json`), "data/facts-departments.json"];
  const srv = await serve(new Map(files.map((f) => [f, failing])));
  const { page, problems } = await openPage(browser, VIEWPORTS.phone, { allow: ["facts-", "lists/", "Failed to load resource"] });
  await page.goto(srv.base + "targets/");
  await page.locator(".load-failed").waitFor();
  await page.goto(srv.base + "document/yanglao-fuwu/");
  await ready(page);
  assert.match(await page.locator("main h1").innerText(), /养老服务/);
  assert.ok((await page.locator(".doc-body .para").count()) > 10);
  assert.deepEqual(problems(), []);
  await srv.close();
});

test("a broken page of a list says so, and the list's other pages still work", async () => {
  const srv = await serve(new Map([["data/lists/projects/1.json", FAULTS.truncated]]));
  const { page, problems } = await openPage(browser, VIEWPORTS.phone, { allow: ["lists/projects/1.json", "Failed to load resource"] });
  // Page 1 shows records 0–49: chunks 0 and 1 (25 records each).
  await page.goto(srv.base + "projects/");
  await page.locator(".load-failed[role=alert]").waitFor();
  assert.match(await page.locator(".load-failed").innerText(), /格式有误/);
  await page.goto(srv.base + "projects/?page=3");
  await ready(page);
  assert.ok((await page.locator(".records .record").count()) > 0);
  assert.deepEqual(problems(), []);
  await srv.close();
});

// Hostile addresses: [name, path below the app root, what the page must show].
const LONG = "长".repeat(10000);
const ADDRESSES = [
  ["script in search", "search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", /没有找到包含“<script>alert\(1\)<\/script>”/],
  ["img onerror in search", "search/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", /没有找到/],
  ["10 000 characters in search", `search/?q=${encodeURIComponent(LONG)}`, /没有找到/],
  ["broken percent-encoding in search", "search/?q=%E4%B8%ZZ%", /搜索/],
  ["lone percent", "targets/?q=%", /目标指标/],
  ["RTL override and zero-width", `search/?q=${encodeURIComponent("\u202e养老\u200b")}`, /搜索/],
  ["emoji", `search/?q=${encodeURIComponent("🏠养老")}`, /没有找到|共找到/],
  ["NUL byte", "search/?q=%00%00", /搜索/],
  ["SQL-looking", "search/?q=1%27%20OR%20%271%27%3D%271", /没有找到/],
  ["script as document id", "document/?id=%3Cscript%3E", /未找到/],
  ["path traversal as document id", "document/?id=..%2F..%2Fetc%2Fpasswd", /未找到/],
  ["unknown target id", "target/?id=xinjiu-dongneng.t-999", /未找到/],
  ["unknown project id", "project/?id=nope", /未找到/],
  ["unknown field id", "field/?id=%F0%9F%92%A5", /未找到/],
  ["unknown department id", "department/?id=d-00000000", /未找到/],
  ["empty id", "target/?id=", /未找到/],
  ["10 000 characters as id", `target/?id=${"x".repeat(10000)}`, /未找到/],
  ["repeated id parameter", "target/?id=a&id=b", /未找到/],
  // A record address with no page of its own: the static server answers 404 with the app's
  // 404 page (nginx's `error_page`), whose app shows the record page's 未找到.
  ["script as record id in the path", "target/%3Cscript%3E/", /未找到/, "404"],
  ["path traversal in the path", "document/..%2F..%2Fetc%2Fpasswd/", null, "refused"],
  ["unknown target in the path", "target/xinjiu-dongneng.t-999/", /未找到/, "404"],
  ["10 000 characters as id in the path", `field/${"x".repeat(10000)}/`, /未找到/, "404"],
  ["unknown filter value", "targets/?doc=%3Cb%3Enope%3C%2Fb%3E", /没有符合条件的目标指标/],
  ["unknown filter key", "targets/?evil=1&__proto__=x", /共 \d+ 项/],
  ["year that is not a year", "targets/?year=20x5", /没有符合条件/],
  ["10 000 characters as filter", `projects/?q=${encodeURIComponent(LONG)}`, /没有符合条件的重点工程/],
  ["javascript: scheme in at", "document/?id=yanglao-fuwu&at=javascript:alert(1)", /养老服务/],
  ["unknown paragraph anchor", "document/?id=yanglao-fuwu&at=p-99999", /养老服务/],
  ["fragment with script", "about/#%3Cscript%3E", /关于本站与数据/],
];

for (const [name, address, expected, served] of ADDRESSES) {
  test(`hostile address: ${name}`, async () => {
    const srv = await serve();
    const { page, problems } = await openPage(browser, VIEWPORTS.phone);
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      d.dismiss();
    });
    if (served === "refused") {
      // A path that leaves the site: the server refuses it before any page or script.
      const res = await page.request.get(srv.base + address);
      assert.ok([400, 403, 404].includes(res.status()), `status ${res.status()}`);
      assert.doesNotMatch(await res.text(), /<script/);
      await srv.close();
      return;
    }
    const response = await page.goto(srv.base + address);
    assert.equal(response.status(), served === "404" ? 404 : 200);
    await ready(page);
    // Search results render after the search data is in: wait for the expected text itself.
    await page
      .waitForFunction(([source, flags]) => new RegExp(source, flags).test(document.querySelector("main")?.innerText ?? ""), [expected.source, expected.flags], { timeout: 15000 })
      .catch(() => {});
    assert.match(await page.locator("main").innerText(), expected);
    assert.equal(dialogs, 0, "no script ran");
    assert.ok(await page.locator("#panic").isHidden(), "no panic");
    assert.equal(await page.locator("main script, main img[onerror]").count(), 0);
    // The 404 of the address itself is what a static server must say; nothing else fails.
    const expected404 = [`HTTP 404: ${response.url()}`, "console: Failed to load resource: the server responded with a status of 404 (Not Found)"];
    const others = problems().filter((p) => !(served === "404" && expected404.includes(p)));
    assert.deepEqual(others, []);
    await srv.close();
  });
}

test("an unknown route inside the app shows the 404 page with links onward", async () => {
  const srv = await serve();
  const { page, problems } = await openPage(browser, VIEWPORTS.phone);
  // The about page runs the app (the home page has only its own small wasm).
  await page.goto(srv.base + "about/");
  await ready(page);
  await page.evaluate(() => {
    history.pushState({}, "", location.pathname.replace(/about\/$/, "") + "no-such-page/");
    dispatchEvent(new PopStateEvent("popstate"));
  });
  await page.locator("main h1", { hasText: "页面不存在" }).waitFor();
  assert.ok((await page.locator(".not-found a").count()) >= 2);
  assert.deepEqual(problems(), []);
  await srv.close();
});

for (const [name, init] of [
  ["garbage values", () => { localStorage.setItem("zcdl.large-font", "💥{"); localStorage.setItem("zcdl.high-contrast", "x".repeat(5000)); }],
  ["storage that throws", () => { Storage.prototype.getItem = () => { throw new Error("denied"); }; Storage.prototype.setItem = () => { throw new Error("quota"); }; }],
]) {
  test(`settings storage with ${name} falls back to defaults and the toggles still work`, async () => {
    const srv = await serve();
    const { page, context, problems } = await openPage(browser, VIEWPORTS.phone);
    await context.addInitScript(init);
    await page.goto(srv.base + "targets/");
    await ready(page);
    assert.equal(await page.evaluate(() => document.documentElement.className), "");
    await page.locator("button.toggle", { hasText: "大字" }).click();
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains("large-font")));
    assert.deepEqual(problems(), []);
    await srv.close();
  });
}

test("every HTML file has the CSP meta; every script, wasm and stylesheet has SRI", () => {
  const htmls = [path.join(DIST, "index.html"), ...fs.readdirSync(DIST, { withFileTypes: true }).filter((d) => d.isDirectory() && fs.existsSync(path.join(DIST, d.name, "index.html"))).map((d) => path.join(DIST, d.name, "index.html"))];
  assert.ok(htmls.length >= 13);
  for (const file of htmls) {
    const html = fs.readFileSync(file, "utf8");
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? "";
    assert.match(csp, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'; style-src 'self';/, file);
    // The one inline script (reader settings before the first paint) runs only because the
    // CSP names its hash; any other inline script would be blocked.
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(inline.length, 1, `${file}: one inline script`);
    const hash = crypto.createHash("sha256").update(inline[0]).digest("base64");
    assert.ok(csp.includes(`'sha256-${hash}'`), `${file}: inline script hash in the CSP`);
    assert.doesNotMatch(html, /\sstyle="/, `${file}: style attribute`);
    for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
      // The icon and the canonical address are not loaded as code; the inline script is
      // covered by its hash.
      if (/rel="(icon|canonical)"/.test(tag) || tag === "<script>") continue;
      assert.match(tag, /integrity="sha384-/, `${file}: ${tag}`);
    }
    assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)/, `${file}: no other origin`);
  }
});
