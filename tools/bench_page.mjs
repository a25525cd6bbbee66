// The benchmark's page instruments and its measures of the first load, the
// demo board and the storage quota (see tools/bench.mjs).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, constants as zlib } from "node:zlib";
import { median } from "./bench_setup.mjs";

// ---------------------------------------------------------- page instruments

/**
 * Installed before the app starts in every page: timestamps of the user's
 * clicks and changes (capture phase, so before any handler of the app), the
 * start of each download, and every local storage write.
 */
export function instrument() {
  const bench = (window.__bench = { click: 0, change: 0, download: 0, writes: [] });
  addEventListener("click", () => (bench.click = performance.now()), true);
  addEventListener("change", () => (bench.change = performance.now()), true);
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) bench.download = performance.now();
    return anchorClick.call(this);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const entry = { key: String(key), chars: String(key).length + String(value).length, ok: false };
    bench.writes.push(entry);
    setItem.call(this, key, value);
    entry.ok = true;
  };
}

/**
 * Arms a watcher in the page: resolves `window.__wait` once `test()` holds
 * after a DOM change, with the time it first held and the layout forced
 * (`at`) and the time the next frame was produced (`frame`). `insertions`
 * watches only for added and removed nodes, which is all the board needs: a
 * watcher of every attribute would make the board, which sets attributes on
 * nodes already in the page, pay for records the floor never makes.
 */
export async function arm(page, test, arg, { insertions = false } = {}) {
  await page.evaluate(
    ([source, arg, insertions]) => {
      const test = new Function("arg", `return (${source})(arg);`);
      window.__wait = new Promise((resolve) => {
        const done = () => {
          const built = performance.now();
          void document.body.offsetHeight; // layout, as the floor does
          const at = performance.now();
          requestAnimationFrame(() => setTimeout(() => resolve({ built, at, frame: performance.now() }), 0));
        };
        if (test(arg)) return done();
        const observer = new MutationObserver(() => {
          if (test(arg)) {
            observer.disconnect();
            done();
          }
        });
        const all = !insertions;
        observer.observe(document, { subtree: true, childList: true, attributes: all, characterData: all });
      });
    },
    [test.toString(), arg, insertions],
  );
}
export const waited = (page) => page.evaluate(() => window.__wait);
export const bench = (page) => page.evaluate(() => window.__bench);

export async function newPage(browser) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(e.message));
  return page;
}

// ----------------------------------------------------------------- measures

/** Every file the first visit requests, gzipped at level 9. */
export async function firstLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(url + "/");
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  const parts = {};
  for (const r of responses) {
    if (!r.url().startsWith(url)) continue;
    const body = await r.body();
    const path = new URL(r.url()).pathname;
    const kind = path === "/" ? "html" : (path.split(".").pop() ?? "other");
    const gz = gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }).length;
    parts[kind] = (parts[kind] ?? 0) + gz;
  }
  await context.close();
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  return { total, parts, app: wholeApp() };
}

/**
 * Every file of the build, gzipped: what the service worker fetches and
 * stores in the background once the first page is shown, so that every
 * page also opens offline. Pages fetch their own pieces from it.
 */
export function wholeApp(dir = "dist") {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
  let total = 0;
  for (const entry of files) {
    const body = readFileSync(join(entry.parentPath ?? entry.path, entry.name));
    total += gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }).length;
  }
  return { total, files: files.length };
}

/**
 * From navigation to the demo board being shown and laid out: the page
 * itself clicks "Open the demo portfolio" as soon as the button exists, so
 * no automation delay is counted.
 */
export async function demoBoard(browser, url) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const t = (window.__demo = {});
      const observer = new MutationObserver(() => {
        if (!t.clicked) {
          // The first paint's copy of the button (in #boot) is disabled
          // until the app takes over: wait for the app's own.
          const button = [...document.querySelectorAll("button")].find(
            (b) => b.textContent.includes("Open the demo portfolio") && !b.disabled && !b.closest("#boot"),
          );
          if (button) {
            t.mounted = performance.now();
            t.clicked = true;
            setTimeout(() => button.click(), 0);
          }
        } else if (!t.board && document.querySelector("section[data-category] [data-client-id]")) {
          void document.body.offsetHeight;
          t.board = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(url + "/");
    await page.locator("section[data-category] [data-client-id]").first().waitFor();
    times.push(await page.evaluate(() => window.__demo));
    await context.close();
  }
  return { mounted: median(times.map((t) => t.mounted)), board: median(times.map((t) => t.board)) };
}

/** How many UTF-16 code units one origin's local storage accepts. */
export async function quota(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + "/team");
  const chars = await page.evaluate(() => {
    localStorage.clear();
    const fits = (n) => {
      try {
        localStorage.setItem("q", "a".repeat(n));
        return true;
      } catch {
        return false;
      } finally {
        localStorage.removeItem("q");
      }
    };
    let lo = 0;
    let hi = 1 << 25;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    return lo + 1; // plus the key
  });
  await context.close();
  return chars;
}

export const nav = (page, href) => page.locator(`nav.main-nav a[href="${href}"]`).click();
