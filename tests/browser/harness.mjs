// Shared browser-test harness: serves dist/ under a sub-path from the plain static server,
// drives Debian Chromium through playwright-core (no downloaded browser), records console
// errors, failed requests and requests that leave 127.0.0.1, and saves screenshots under
// target/screenshots/ for people to look at.
import { chromium } from "playwright-core";
import { before, after } from "node:test";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer } from "./server.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.join(ROOT, "dist");
export const PREFIX = "/zwgk/zcdl/";
export const SHOTS = path.join(ROOT, "target/screenshots");
export const VIEWPORTS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 800 },
};

/**
 * The app's page table and the names the app, the build and the tests share, as the build
 * exported them (`model::pages::table_json`, written by `cargo xtask test` to target/pages.json).
 */
export const PAGES = JSON.parse(fs.readFileSync(path.join(ROOT, "target/pages.json"), "utf8"));
/** The pages the build prerenders, as routes relative to the app root ("" is the home page). */
export const PRERENDERED_ROUTES = PAGES.pages.filter((p) => p.prerendered).map((p) => (p.segment ? `${p.segment}/` : ""));

export async function serve(faults = new Map()) {
  const server = await startServer(DIST, 0, PREFIX, faults);
  // A test that fails before it closes its server must not keep the test file running.
  server.unref();
  const { port } = server.address();
  const close = () =>
    new Promise((r) => {
      server.close(r);
      // Keep-alive connections of a still-open page would otherwise hold close() open.
      server.closeAllConnections();
    });
  return { server, base: `http://127.0.0.1:${port}${PREFIX}`, close };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/**
 * A page that remembers every problem it saw. `problems()` lists console errors, page
 * errors, failed requests, HTTP errors and requests to other hosts.
 */
export async function openPage(browser, viewport, { deviceScaleFactor = 1, allow = [], javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, javaScriptEnabled, locale: "zh-CN" });
  const page = await context.newPage();
  const problems = [];
  const allowed = (text) => allow.some((a) => text.includes(a));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !allowed(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => {
    if (!allowed(String(err))) problems.push(`pageerror: ${err}`);
  });
  page.on("requestfailed", (req) => {
    // A request the browser cancels because the page navigated away is not a failure.
    const error = req.failure()?.errorText ?? "";
    if (!allowed(req.url()) && error !== "net::ERR_ABORTED") problems.push(`request failed: ${req.url()} ${error}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400 && !allowed(res.url())) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on("request", (req) => {
    const host = new URL(req.url()).hostname;
    if (!["127.0.0.1", ""].includes(host) && !req.url().startsWith("data:") && !req.url().startsWith("blob:")) {
      problems.push(`third-party request: ${req.url()}`);
    }
  });
  return { page, context, problems: () => problems.slice() };
}

export async function shot(page, name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Opens the filter panel where it folds behind the 筛选 button (phones). */
export async function openFilters(page) {
  const toggle = page.locator(".filter-toggle");
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await page.locator("#filter-body").waitFor({ state: "visible" });
  }
}

/** Waits until the app has replaced the static shell or prerendered view and the data has arrived. */
export async function ready(page) {
  await page.waitForFunction(
    (attr) => !document.querySelector(`[${attr}]`) && !document.querySelector(".loading") && document.querySelector("main h1"),
    PAGES.prerendered_attr,
    { timeout: 15000 },
  );
}

/**
 * Registers a server and a browser for the whole test file: `env.srv.base`, `env.browser`.
 * Call at the top level of a test file.
 */
export function useServerAndBrowser() {
  const env = { srv: null, browser: null };
  before(async () => {
    env.srv = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.srv?.close();
  });
  return env;
}
