// The app's own router (`src/router.rs`): links open pages in place (no reload), the back
// and forward buttons follow, the main navigation marks the current section and no other
// link, and links the browser must keep (downloads, modifier keys) are left to it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useServerAndBrowser, openPage, ready, VIEWPORTS } from "./harness.mjs";

const env = useServerAndBrowser();

/** Text of the links marked `aria-current="page"` in `scope`. */
async function current(page, scope) {
  return page.locator(`${scope} a[aria-current="page"]`).allInnerTexts();
}

test("links open pages in place; back and forward follow; the navigation marks the section", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}targets/?year=2025`);
  await ready(page);
  await page.evaluate(() => { window.__samePage = true; });
  assert.deepEqual(await current(page, ".site-nav"), ["目标指标"], "the section is current whatever the query");
  assert.deepEqual(await current(page, "main"), [], "no record link points at this address");

  const first = page.locator("main li.record a").first();
  const name = (await first.innerText()).trim();
  await first.click();
  await page.waitForURL(/\/zwgk\/zcdl\/target\/[^/?]+\/$/);
  await ready(page);
  assert.equal((await page.locator("main h1").innerText()).trim(), name);
  assert.equal(await page.evaluate(() => window.__samePage), true, "opened in place, not reloaded");
  assert.deepEqual(await current(page, ".site-nav"), [], "a target's page is not the targets list");
  assert.equal(await page.evaluate(() => window.scrollY), 0, "a new page starts at its top");

  await page.goBack();
  await page.waitForURL(/\/zwgk\/zcdl\/targets\/\?year=2025$/);
  await ready(page);
  assert.match(await page.locator("main h1").innerText(), /目标指标/);
  assert.equal(await page.locator("#filter-year").inputValue(), "2025", "the list reads the query it came back to");
  await page.goForward();
  await page.waitForURL(/\/zwgk\/zcdl\/target\/[^/?]+\/$/);
  await ready(page);
  assert.equal((await page.locator("main h1").innerText()).trim(), name);
  assert.equal(await page.evaluate(() => window.__samePage), true);

  await page.locator(".site-nav a", { hasText: "首页" }).click();
  await page.waitForURL(/\/zwgk\/zcdl\/$/);
  await ready(page);
  assert.deepEqual(await current(page, ".site-nav"), ["首页"], "home is current on the home page only");
  assert.deepEqual(problems(), []);
});

test("the browser keeps downloads and clicks with a modifier key", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.desktop);
  await page.goto(`${env.srv.base}about/`);
  await ready(page);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator("main a[download]").first().click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  assert.match(page.url(), /\/about\/$/, "a download does not open a page");

  const [popup] = await Promise.all([
    page.context().waitForEvent("page"),
    page.locator(".site-nav a", { hasText: "目标指标" }).click({ modifiers: ["Shift"] }),
  ]);
  await popup.waitForLoadState();
  assert.match(popup.url(), /\/targets\/$/, "shift-click opens the page in a new window");
  assert.match(page.url(), /\/about\/$/, "and this window stays");
  await popup.close();
  assert.deepEqual(problems(), []);
});

test("an older link (target/?id=…) opens the record and takes its own address", async () => {
  const { page, problems } = await openPage(env.browser, VIEWPORTS.phone);
  await page.goto(`${env.srv.base}target/?id=xinjiu-dongneng.t-9`);
  await page.waitForURL(/\/zwgk\/zcdl\/target\/xinjiu-dongneng\.t-9\/$/);
  await ready(page);
  assert.match(await page.locator("main h1").innerText(), /高新技术企业数量/);
  await page.goto(`${env.srv.base}document/?id=yanglao-fuwu&at=p-3`);
  await page.waitForURL(/\/zwgk\/zcdl\/document\/yanglao-fuwu\/\?at=p-3$/);
  await ready(page);
  assert.match(await page.locator("main h1").innerText(), /养老服务/);
  assert.deepEqual(problems(), []);
});
