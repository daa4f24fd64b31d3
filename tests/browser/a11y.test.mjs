// axe-core (from npm, injected into the page) reports no violations on any page, in the
// normal, large-font and high-contrast modes, at both sizes.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { useServerAndBrowser, ready, VIEWPORTS, ROOT } from "./harness.mjs";

const AXE = fs.readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
const ROUTES = ["", "themes/", "theme/elderly-care/", "targets/?theme=transport", "nope/", "documents/", "document/lixia-shisiwu/", "fields/", "field/shenghuo-fuwu.f-1/", "projects/", "project/xinjiu-dongneng.p-12/", "targets/", "target/xinjiu-dongneng.t-1/", "departments/", "search/?q=%E5%85%BB%E8%80%81", "about/", "target/missing/"];
const MODES = { normal: {}, large: { "zcdl.large-font": "1" }, contrast: { "zcdl.high-contrast": "1" } };

const env = useServerAndBrowser();

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  for (const [mode, storage] of Object.entries(MODES)) {
    if (size === "desktop" && mode === "contrast") continue;
    test(`axe: no violations (${size}, ${mode})`, async () => {
      // The strict CSP forbids injected inline scripts; only this audit bypasses it.
      const context = await env.browser.newContext({ viewport, bypassCSP: true });
      await context.addInitScript((s) => {
        for (const [k, v] of Object.entries(s)) localStorage.setItem(k, v);
      }, storage);
      const page = await context.newPage();
      const found = [];
      for (const route of ROUTES) {
        await page.goto(env.srv.base + route);
        await ready(page);
        if (route.startsWith("search")) await page.locator(".hit-group").first().waitFor({ timeout: 20000 });
        await page.addScriptTag({ content: AXE });
        const result = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          const r = await axe.run(document, { resultTypes: ["violations"] });
          return r.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")} — ${v.help}`);
        });
        for (const v of result) found.push(`${route || "/"}: ${v}`);
      }
      await context.close();
      assert.deepEqual(found, []);
    });
  }
}
