// Takes viewport-sized screenshots of the given routes for a person to look at:
// `node tests/browser/look.mjs phone targets/ "document/lixia-shisiwu/"`; LARGE=1 for
// large-font mode, NOSCRIPT=1 with script off (the prerendered page), FULL=1 the whole page.
import { serve, launch, openPage, ready, VIEWPORTS, SHOTS } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";

const [size = "phone", ...routes] = process.argv.slice(2);
const large = process.env.LARGE === "1";
const noscript = process.env.NOSCRIPT === "1";
const full = process.env.FULL === "1";
const srv = await serve();
const browser = await launch();
fs.mkdirSync(SHOTS, { recursive: true });
for (const route of routes.length ? routes : [""]) {
  const { page, context } = await openPage(browser, VIEWPORTS[size], { javaScriptEnabled: !noscript });
  if (large) await context.addInitScript(() => localStorage.setItem("zcdl.large-font", "1"));
  await page.goto(srv.base + route);
  if (!noscript) await ready(page).catch(() => {});
  // Fonts loaded and two frames drawn: what a person would see.
  if (!noscript) await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const name = `look-${size}${large ? "-large" : ""}${noscript ? "-noscript" : ""}-${route.replace(/[^a-z0-9]+/gi, "_") || "home"}.png`;
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: full });
  console.log(path.join(SHOTS, name));
}
await browser.close();
await srv.close();
