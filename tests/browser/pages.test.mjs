// Every page at both sizes: data appears, filter URLs reopen the same view, search finds
// and highlights a known phrase, the source link highlights the right paragraph, large-font
// mode survives a reload, unknown ids say "未找到".
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, serve, openPage, shot, ready, VIEWPORTS, ROOT, openFilters } from "./harness.mjs";

const facts = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/facts.json"), "utf8"));
const env = useServerAndBrowser();

const PAGES = [
  ["documents/", "文件", ".doc-item"],
  ["fields/", "重点领域", ".records .record"],
  ["projects/", "重点工程", ".records .record"],
  ["targets/", "目标指标", ".records .record"],
  ["departments/", "责任单位", ".records .record"],
  ["about/", "关于本站与数据", "main h2"],
];

for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  for (const [route, heading, item] of PAGES) {
    test(`${route} shows its data (${name})`, async () => {
      const { page, problems } = await openPage(env.browser, viewport);
      await page.goto(env.srv.base + route);
      await ready(page);
      assert.equal(await page.locator("main h1").first().innerText(), heading);
      assert.ok((await page.locator(item).count()) > 0, `${route} lists something`);
      assert.match(await page.title(), new RegExp(heading));
      assert.equal(await page.locator('meta[name="ColumnName"]').getAttribute("content"), route === "about/" ? "关于" : heading);
      await shot(page, `${route.replace("/", "")}-${name}`);
      assert.deepEqual(problems(), []);
    });
  }

  test(`a filtered target list reopens from its URL (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    const expected = facts.targets.filter((t) => t.doc === "lixia-shisiwu" && t.attribute === "约束性").length;
    await page.goto(`${env.srv.base}targets/?doc=lixia-shisiwu&attribute=%E7%BA%A6%E6%9D%9F%E6%80%A7`);
    await ready(page);
    assert.equal(await page.locator(".records .record").count(), expected);
    assert.equal(await page.locator("#filter-doc").inputValue(), "lixia-shisiwu");
    assert.equal(await page.locator("#filter-attribute").inputValue(), "约束性");
    await page.reload();
    await ready(page);
    assert.equal(await page.locator(".records .record").count(), expected);
    await shot(page, `targets-filtered-${name}`);
    assert.deepEqual(problems(), []);
  });

  test(`search finds a known phrase and highlights it (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    await page.goto(`${env.srv.base}search/?q=${encodeURIComponent("国际消费中心城市")}`);
    await page.locator(".hit-group").first().waitFor({ timeout: 20000 });
    const marks = await page.locator("mark").allInnerTexts();
    assert.ok(marks.length > 0);
    assert.ok(marks.every((m) => m === "国际消费中心城市"), marks.join("|"));
    await shot(page, `search-${name}`);
    assert.deepEqual(problems(), []);
  });

  test(`a record's source link highlights its paragraph (${name})`, async () => {
    const { page, problems } = await openPage(env.browser, viewport);
    const t = facts.targets.find((t) => t.id === "shenghuo-fuwu.t-1") ?? facts.targets[0];
    await page.goto(`${env.srv.base}target/${encodeURIComponent(t.id)}/`);
    await ready(page);
    await page.locator(".quote footer a").click();
    await page.locator(".highlighted").waitFor();
    const text = await page.locator(".highlighted").innerText();
    const squeeze = (s) => s.replace(/\s+/g, "");
    assert.ok(squeeze(text).includes(squeeze(t.source.quote)), `${text} should contain ${t.source.quote}`);
    assert.equal(await page.locator(".highlighted").getAttribute("id"), t.source.block);
    await shot(page, `source-highlight-${name}`);
    assert.deepEqual(problems(), []);
  });
}

test("a printed value is shown with its unit once (65万 + 万人次 → 65万人次)", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}targets/?doc=shenghuo-fuwu`);
  await ready(page);
  const text = await page.locator(".records").innerText();
  assert.match(text, /65万人次/);
  assert.doesNotMatch(text, /万万/);
  assert.deepEqual(problems(), []);
});

test("large-font mode survives a reload", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(env.srv.base + "targets/");
  await ready(page);
  await page.locator("button.toggle", { hasText: "大字" }).click();
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("large-font")));
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(size >= 18, `body font ${size}px`);
  assert.equal(await page.locator("button.toggle", { hasText: "大字" }).getAttribute("aria-pressed"), "true");
  await shot(page, "targets-large-font-phone");
  assert.deepEqual(problems(), []);
});

for (const [route, what] of [["target/nope.t-0/", "目标指标"], ["project/%3Cscript%3E/", "重点工程"], ["department/?id=", "责任单位"], ["document/missing/", "文件"], ["field/x/", "重点领域"]]) {
  test(`unknown id on ${route.split("/")[0]} says 未找到`, async () => {
    const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
    const response = await page.goto(env.srv.base + route);
    await ready(page);
    assert.equal(await page.locator("main h1").innerText(), "未找到");
    assert.match(await page.locator(".not-found").innerText(), new RegExp(what));
    // A record path with no page is the static server's 404 (with the app's 404 page); an
    // older `?id=` address is the list's page (200).
    const own404 = [`HTTP 404: ${response.url()}`, "console: Failed to load resource: the server responded with a status of 404 (Not Found)"];
    assert.equal(response.status(), route.includes("?") ? 200 : 404);
    assert.deepEqual(problems().filter((p) => !own404.includes(p)), []);
  });
}

test("an id merged into another record opens a page that leads to that record", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  const kept = facts.fields.find((f) => (f.merged ?? []).some((m) => m.includes(".p-")));
  const merged = kept.merged.find((m) => m.includes(".p-"));
  // Without script: the static page says so and links there, its canonical address the record's.
  const still = await env.browser.newContext({ javaScriptEnabled: false });
  const plain = await still.newPage();
  const res = await plain.goto(`${env.srv.base}project/${merged}/`);
  assert.equal(res.status(), 200);
  assert.equal(await plain.locator("main h1").innerText(), "已合并");
  assert.match(await plain.locator("main .not-found a").getAttribute("href"), new RegExp(`field/${kept.id.replace(".", "\\.")}/$`));
  assert.match(await plain.locator("link[rel=canonical]").getAttribute("href"), new RegExp(`field/${kept.id.replace(".", "\\.")}/$`));
  await still.close();
  // With script: the app takes the record's own address.
  await page.goto(`${env.srv.base}project/${merged}/`);
  await page.waitForURL((u) => u.pathname.endsWith(`/field/${kept.id}/`));
  await ready(page);
  assert.equal(await page.locator("main h1").innerText(), kept.title);
  assert.deepEqual(problems(), []);
});

test("a long list comes in pages of 50 that keep their filters", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  const total = facts.targets.length;
  const pages = Math.ceil(total / 50);
  await page.goto(`${env.srv.base}targets/`);
  await ready(page);
  assert.equal(await page.locator(".records .record").count(), 50);
  assert.match(await page.locator(".result-bar .count").innerText(), new RegExp(`共 ${total} 项，显示第 1–50 项`));
  const first = await page.locator(".records .record a").first().innerText();
  await page.locator(".pager a", { hasText: "下一页" }).click();
  await page.waitForURL(/[?&]page=2/);
  await page.locator(".pager", { hasText: `第 2 / ${pages} 页` }).waitFor();
  assert.notEqual(await page.locator(".records .record a").first().innerText(), first);
  // A page past the end opens the last one; the records of all pages add up.
  await page.goto(`${env.srv.base}targets/?page=999`);
  await ready(page);
  assert.equal(await page.locator(".records .record").count(), total - (pages - 1) * 50);
  // Changing a filter starts again from page 1.
  await page.goto(`${env.srv.base}targets/?page=3`);
  await ready(page);
  await openFilters(page);
  await page.locator("#filter-doc").selectOption("xinjiu-dongneng");
  await page.waitForURL((u) => u.search.includes("doc=xinjiu-dongneng") && !u.search.includes("page="));
  const inDoc = facts.targets.filter((t) => t.doc === "xinjiu-dongneng").length;
  await page.locator(".result-bar .count", { hasText: `共 ${inDoc} 项` }).waitFor();
  assert.equal(await page.locator(".records .record").count(), Math.min(50, inDoc));
  assert.deepEqual(problems(), []);
});

test("the documents list filters by region and type, from its URL and its controls", async () => {
  const docs = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/documents.json"), "utf8")).documents;
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}documents/?region=${encodeURIComponent("济南市")}`);
  await ready(page);
  const inJinan = docs.filter((d) => d.region === "济南市");
  assert.ok(inJinan.length > 1 && inJinan.length < docs.length);
  assert.equal(await page.locator(".doc-item").count(), inJinan.length);
  await page.locator("p.count", { hasText: `共 ${inJinan.length} 份文件` }).waitFor();
  assert.equal(await page.locator("#filter-region").inputValue(), "济南市");
  // No text filter: the documents are not in the search index's records.
  assert.equal(await page.locator("#filter-q").count(), 0);
  // A second filter narrows, and starts from the first page.
  await openFilters(page);
  await page.locator("#filter-kind").selectOption("实施意见");
  await page.waitForURL((u) => u.search.includes("kind=") && u.search.includes("region="));
  const both = inJinan.filter((d) => d.kind === "实施意见");
  await page.locator("p.count", { hasText: `共 ${both.length} 份文件` }).waitFor();
  assert.deepEqual(await page.locator(".doc-item h2").allInnerTexts(), both.map((d) => d.title));
  // A value no document has: an empty state that clears the filter.
  await page.goto(`${env.srv.base}documents/?kind=${encodeURIComponent("不存在")}`);
  await ready(page);
  await page.locator(".empty", { hasText: "没有符合条件的文件" }).waitFor();
  await page.locator(".empty a").click();
  await page.locator(".doc-item").nth(docs.length - 1).waitFor();
  assert.equal(await page.locator(".doc-item").count(), docs.length);
  assert.deepEqual(problems(), []);
});

test("the document filter offers every document by its short title, from the list's own index", async () => {
  const docs = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/documents.json"), "utf8")).documents;
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  const requests = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${env.srv.base}targets/`);
  await ready(page);
  const options = await page.locator("#filter-doc option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(options.slice(1), docs.map((d) => [d.id, d.short_title]));
  // Cards name their document; no file of every document's metadata is fetched.
  const first = docs.find((d) => facts.targets.some((t) => t.doc === d.id));
  assert.match(await page.locator(".records .record .meta").first().innerText(), new RegExp(first.short_title));
  assert.deepEqual(requests.filter((p) => /data\/(index|documents)\.json$/.test(p)), []);
  assert.deepEqual(problems(), []);
});

test("a long document opens at the part that holds the asked-for paragraph", async () => {
  const index = JSON.parse(fs.readFileSync(path.join(ROOT, "public/data/documents.json"), "utf8"));
  const parts = index.documents.find((d) => d.id === "xinjiu-dongneng").parts;
  assert.ok(parts.length > 1);
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  // The last paragraph lives in the last part.
  const last = `p-${parts.at(-1).last_paragraph}`;
  await page.goto(`${env.srv.base}document/xinjiu-dongneng/?at=${last}`);
  await ready(page);
  await page.locator(`#${last}.highlighted`).waitFor();
  assert.match(await page.locator(".doc-parts [aria-current]").innerText(), new RegExp(`第${parts.length}部分`));
  // The outline opens a heading of another part; its own headings stay on the page.
  await page.locator(".outline a", { hasText: "形势环境" }).first().click();
  await page.waitForURL(/at=s-/);
  // The old part stays on screen until the new one has arrived.
  await page.locator(".doc-parts [aria-current]", { hasText: "第1部分" }).waitFor();
  await page.locator(".outline a", { hasText: "总体要求" }).first().click();
  await page.waitForURL(/#s-/);
  assert.match(page.url(), /document\/xinjiu-dongneng\/.*#s-/, "an in-page heading link keeps the document open");
  assert.match(await page.locator("main h1").innerText(), /新旧动能/);
  // The next-part link at the end.
  await page.locator(".next-part a").click();
  await page.waitForURL(/part=2/);
  await page.locator(".doc-parts [aria-current]", { hasText: "第2部分" }).waitFor();
  assert.deepEqual(problems(), []);
});

test("the skip link moves to the main content without leaving the page", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  await page.goto(`${env.srv.base}targets/?doc=lixia-shisiwu`);
  await ready(page);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.waitForURL(/#main$/);
  assert.match(page.url(), /targets\/\?doc=lixia-shisiwu#main$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), "main");
  assert.equal(await page.locator("main h1").innerText(), "目标指标");
  assert.deepEqual(problems(), []);
});

test("the search box and the keyword filter keep the sub-path", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}search/`);
  await ready(page);
  await page.locator("#search-q").fill("养老");
  await page.locator("#search-q").press("Enter");
  await page.waitForURL(/search\/\?q=/);
  assert.ok(page.url().startsWith(`${env.srv.base}search/?q=`), page.url());
  await page.locator(".hit-group").first().waitFor({ timeout: 20000 });
  await page.goto(`${env.srv.base}fields/`);
  await ready(page);
  await openFilters(page);
  await page.locator("#filter-q").fill("养老");
  await page.locator("#filter-q").press("Enter");
  await page.waitForURL(/fields\/\?q=/);
  assert.ok(page.url().startsWith(`${env.srv.base}fields/?q=`), page.url());
  await ready(page);
  assert.ok((await page.locator(".records .record").count()) > 0);
  assert.deepEqual(problems(), []);
});

// A common key's number and the shard that names it (its postings are in
// `search/common/<n>-<kind>.json`, a file a kind).
function commonKey(key) {
  const dir = path.join(ROOT, "public/data/search");
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "manifest.json")) {
    const shard = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    if (shard.common && key in shard.common) return { shard: shard.common[key][0], file: `data/search/${f}`, json: shard };
  }
  assert.fail(`${key} is a common key`);
}

test("a search for a common character reads its ranked answer, not its postings; with another word, its postings", async () => {
  // 业 is a common key of the real corpus: its postings are a shard of that one key.
  const common = commonKey("业");
  const top = JSON.parse(fs.readFileSync(path.join(ROOT, `public/data/search/top/${common.shard}.json`), "utf8"));
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${env.srv.base}search/?q=${encodeURIComponent("业")}`);
  await ready(page);
  assert.ok(fetched.some((p) => p.endsWith(`data/search/top/${common.shard}.json`)), fetched.join(" "));
  assert.ok(!fetched.some((p) => p.includes("data/search/common/")), fetched.join(" "));
  // Each kind's total as the ranked file gives it.
  const labels = { target: "目标指标", project: "重点工程", field: "重点领域", department: "责任单位", text: "文件原文" };
  const headings = await page.locator(".hit-group h2").allInnerTexts();
  assert.deepEqual(
    headings.map((h) => h.replace(/（显示前.*$/, "")),
    top.groups.map((g) => `${labels[g.kind]}（${g.total}）`),
  );
  fetched.length = 0;
  await page.goto(`${env.srv.base}search/?q=${encodeURIComponent("业 发展")}`);
  await ready(page);
  for (const kind of ["target", "project", "field", "department", "text"]) {
    assert.ok(fetched.some((p) => p.endsWith(`data/search/common/${common.shard}-${kind}.json`)), fetched.join(" "));
  }
  assert.ok(!fetched.some((p) => p.includes("data/search/top/")), fetched.join(" "));
  assert.ok((await page.locator(".hit").count()) > 0);
  assert.deepEqual(problems(), []);
});

// At a library of hundreds of documents a common word's postings in the document text are
// hundreds of kilobytes; a search of it with another word then answers the records at once
// and searches the text when asked. The real corpus's are small, so the shard that names
// 业 is served here giving its text postings' size over the limit (128 KB,
// `search_index::TEXT_AT_ONCE_BYTES`).
test("a search whose common words' text postings are large answers the records, then the text when asked", async () => {
  const common = commonKey("业");
  const query = `search/?q=${encodeURIComponent("业 发展")}`;
  const groups = async (page) =>
    (await page.locator(".hit-group h2").allInnerTexts()).map((h) => h.replace(/（显示前.*$/, ""));
  // The whole answer, as the shipped data gives it.
  const whole = await openPage(env.browser, VIEWPORTS.phone);
  await whole.page.goto(env.srv.base + query);
  await ready(whole.page);
  const all = await groups(whole.page);
  assert.ok(all.some((h) => h.startsWith("文件原文（")), all.join(" "));
  const records = all.filter((h) => !h.startsWith("文件原文"));
  const total = (hs) => hs.reduce((n, h) => n + Number(h.match(/（(\d+)）/)[1]), 0);

  common.json.common["业"][1] = 128 * 1024 + 1;
  const body = JSON.stringify(common.json);
  const srv = await serve(new Map([[common.file, (res) => res.writeHead(200, { "content-type": "application/json" }).end(body)]]));
  try {
    const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
    const fetched = [];
    page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(srv.base + query);
    await ready(page);
    // The records as before, and the text not searched: none of its postings or chunks.
    assert.deepEqual(await groups(page), [...records, "文件原文"]);
    assert.equal(await page.locator("p.count").innerText(), `在文件原文以外共找到 ${total(records)} 处。也查找文件原文`);
    assert.equal(
      await page.getByRole("link", { name: "也查找文件原文" }).getAttribute("href"),
      await page.getByRole("link", { name: "在文件原文中查找" }).getAttribute("href"),
    );
    assert.ok(fetched.some((p) => p.endsWith(`data/search/common/${common.shard}-project.json`)), fetched.join(" "));
    assert.ok(!fetched.some((p) => p.endsWith(`-text.json`) || p.includes("data/search/text/")), fetched.join(" "));
    await shot(page, "search-text-later-phone");
    // Asked, the text too: the whole answer, its postings fetched now.
    fetched.length = 0;
    await page.getByRole("link", { name: "在文件原文中查找" }).click();
    await page.waitForURL(/text=1/);
    await page.locator(".hit-group h2", { hasText: "文件原文（" }).waitFor();
    await ready(page);
    assert.deepEqual(await groups(page), all);
    assert.equal(await page.locator("p.count").innerText(), `共找到 ${total(all)} 处`);
    assert.ok(fetched.some((p) => p.endsWith(`data/search/common/${common.shard}-text.json`)), fetched.join(" "));
    assert.deepEqual(problems(), []);
  } finally {
    await srv.close();
  }
});

test("a list's text filter reads the matches in that list of each common word, never their postings", async () => {
  const common = commonKey("业");
  const matches = JSON.parse(fs.readFileSync(path.join(ROOT, `public/data/search/list/${common.shard}-projects.json`), "utf8"));
  let count = 0;
  for (let i = 1; i < matches.runs.length; i += 2) count += matches.runs[i];
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${env.srv.base}projects/?q=${encodeURIComponent("业")}`);
  await ready(page);
  assert.ok(fetched.some((p) => p.endsWith(`data/search/list/${common.shard}-projects.json`)), fetched.join(" "));
  assert.ok(!fetched.some((p) => p.includes("data/search/common/") || p.includes("data/search/top/")), fetched.join(" "));
  // The count the page gives is the file's.
  assert.match(await page.locator(".result-bar").innerText(), new RegExp(`共\\s*${count}\\s*项`));
  // With another word, still that file and no postings; the count is the search's.
  const search = await openPage(env.browser, VIEWPORTS.phone);
  await search.page.goto(`${env.srv.base}search/?q=${encodeURIComponent("业 发展")}`);
  await ready(search.page);
  const heading = await search.page.locator(".hit-group h2", { hasText: "重点工程（" }).innerText();
  const found = heading.match(/（(\d+)）/)[1];
  fetched.length = 0;
  await page.goto(`${env.srv.base}projects/?q=${encodeURIComponent("业 发展")}`);
  await ready(page);
  assert.ok(fetched.some((p) => p.endsWith(`data/search/list/${common.shard}-projects.json`)), fetched.join(" "));
  assert.ok(!fetched.some((p) => p.includes("data/search/common/") || p.includes("data/search/top/")), fetched.join(" "));
  assert.match(await page.locator(".result-bar").innerText(), new RegExp(`共\\s*${found}\\s*项`));
  assert.deepEqual(problems(), []);
});

test("a search shows the first hits of each kind, a record kind's every hit in its list, more text on demand", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}search/?q=${encodeURIComponent("养老")}`);
  await ready(page);
  const targets = page.locator(".hit-group").filter({ has: page.locator("h2", { hasText: "目标指标（" }) });
  const total = Number((await targets.locator("h2").innerText()).match(/（(\d+)）/)[1]);
  assert.equal(await targets.locator(".hit").count(), 10, "ten hits at first");
  assert.ok(total > 10, `more targets than shown (${total})`);
  // The list, filtered by the same words, holds exactly the targets the search found.
  await targets.locator(".more a").click();
  await page.waitForURL(/targets\/\?q=/);
  await ready(page);
  assert.match(await page.locator(".result-bar .count").innerText(), new RegExp(`共 ${total} 项`));
  // Text hits: more on the search page itself.
  await page.goto(`${env.srv.base}search/?q=${encodeURIComponent("养老")}`);
  await ready(page);
  const text = page.locator(".hit-group").filter({ has: page.locator("h2", { hasText: "文件原文（" }) });
  await text.locator(".more a", { hasText: "显示更多" }).click();
  await page.waitForURL(/n=30/);
  await page.waitForFunction(() => [...document.querySelectorAll(".hit-group")].some((g) => g.textContent.includes("文件原文") && g.querySelectorAll(".hit").length > 10));
  assert.deepEqual(problems(), []);
});
