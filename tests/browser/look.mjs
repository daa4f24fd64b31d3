// Takes viewport-sized screenshots of the given routes for a person to look at:
// `node tests/browser/look.mjs phone targets/ "document/?id=lixia-shisiwu"`
import { serve, launch, openPage, ready, VIEWPORTS, SHOTS } from "./harness.mjs";
import fs from "node:fs";
import path from "node:path";

const [size = "phone", ...routes] = process.argv.slice(2);
const large = process.env.LARGE === "1";
const srv = await serve();
const browser = await launch();
fs.mkdirSync(SHOTS, { recursive: true });
for (const route of routes.length ? routes : [""]) {
  const { page, context } = await openPage(browser, VIEWPORTS[size]);
  if (large) await context.addInitScript(() => localStorage.setItem("zcdl.large-font", "1"));
  await page.goto(srv.base + route);
  await ready(page).catch(() => {});
  // Fonts loaded and two frames drawn: what a person would see.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
  const name = `look-${size}${large ? "-large" : ""}-${route.replace(/[^a-z0-9]+/gi, "_") || "home"}.png`;
  await page.screenshot({ path: path.join(SHOTS, name) });
  console.log(path.join(SHOTS, name));
}
await browser.close();
await srv.close();
