// Pages fit a 360 px phone: no route is wider than the viewport, in normal, large-font and
// high-contrast modes (a page wider than the phone scrolls sideways and cuts off controls).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useServerAndBrowser, openPage, ready, PAGES, PRERENDERED_ROUTES } from "./harness.mjs";

const env = useServerAndBrowser();
const PHONE = { width: 360, height: 740 };
const ROUTES = [
  ...PRERENDERED_ROUTES,
  "targets/?doc=lixia-shisiwu",
  "projects/?doc=xinjiu-dongneng",
  "document/lixia-shisiwu/",
  "document/xinjiu-dongneng/",
  "target/xinjiu-dongneng.t-9/",
  "project/xinjiu-dongneng.p-113/",
  "field/qingdao-fuwuye.f-1/",
  "department/d-missing/",
  "search/?q=%E5%85%BB%E8%80%81",
  "nope/",
];
const MODES = { normal: [], large: ["large-font"], contrast: ["high-contrast"] };

for (const [mode, classes] of Object.entries(MODES)) {
  test(`no page is wider than a 360 px phone (${mode})`, async () => {
    const { page, context, problems } = await openPage(env.browser, PHONE, { allow: ["404"] });
    await context.addInitScript((classes) => {
      for (const c of classes) localStorage.setItem(`zcdl.${c}`, "1");
    }, classes);
    const wide = [];
    for (const route of ROUTES) {
      await page.goto(env.srv.base + route);
      if (route !== "nope/") await ready(page);
      const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      if (width > PHONE.width) wide.push(`${route || "/"}: ${width} px`);
    }
    assert.deepEqual(wide, [], `pages wider than ${PHONE.width} px in ${mode} mode`);
    // The unknown ids' own 404s (a static server's answer for a path with no page).
    assert.deepEqual(problems().filter((p) => !/nope|d-missing|status of 404/.test(p)), []);
    assert.ok(PAGES.pages.length > 0);
  });
}

test("on a phone the filters fold behind 筛选, results come first, and a chip removes its filter", async () => {
  const { page, problems } = await openPage(env.browser, PHONE);
  await page.goto(`${env.srv.base}projects/?doc=xinjiu-dongneng&kind=${encodeURIComponent("平台")}`);
  await ready(page);
  assert.equal(await page.locator("#filter-body").isVisible(), false, "folded at first");
  const first = await page.locator(".records .record").first().boundingBox();
  assert.ok(first && first.y < PHONE.height, `a record shows on the first screen (y = ${first?.y})`);
  const chips = await page.locator(".chips .chip").allInnerTexts();
  assert.equal(chips.length, 2, chips.join(" | "));
  assert.match(await page.locator(".filter-toggle").innerText(), /已选 2 项/);
  await page.locator(".filter-toggle").click();
  assert.equal(await page.locator(".filter-toggle").getAttribute("aria-expanded"), "true");
  assert.equal(await page.locator("#filter-body").isVisible(), true);
  // Removing the document filter keeps the kind.
  await page.locator(".chip", { hasText: "文件" }).click();
  await page.waitForURL((u) => !u.search.includes("doc=") && u.search.includes("kind="));
  // The list's next page of records is fetched; the chips follow once it is in.
  await page.waitForFunction(() => document.querySelectorAll(".chips .chip").length === 1);
  assert.match(await page.locator(".chips .chip").innerText(), /类型/);
  assert.deepEqual(problems(), []);
});
