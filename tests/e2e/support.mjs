// Shared harness for the end-to-end tests: serve the built release app
// (dist/) on a free local port and drive Debian's Chromium with Playwright.
// Each test gets its own browser context: a fresh profile with its own
// local storage, so tests never see each other's data.
import { after, before } from "node:test";
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../../tools/serve.mjs";

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumPath() {
  const path = process.env.CHROMIUM || "/usr/bin/chromium";
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: run ./dev.sh test`);
  return path;
}

export function launchChromium() {
  // HEADED=1 (and SLOWMO=ms) show the browser while debugging a test.
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: !process.env.HEADED,
    slowMo: Number(process.env.SLOWMO) || 0,
    args: CHROMIUM_FLAGS,
  });
}

/**
 * Starts the server and the browser before the file's tests and stops them
 * after. Returns an object whose fields are filled in once `before` ran.
 */
export function useApp() {
  const app = { url: "", browser: null };
  let server;
  before(async () => {
    if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: build with trunk first");
    server = await serve("dist");
    app.url = server.url;
    app.browser = await launchChromium();
  });
  after(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}

/**
 * A page in a fresh profile that records every console error and uncaught
 * exception, so tests can assert the app ran cleanly.
 */
export async function freshPage(app, options = {}) {
  const context = await app.browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.problems.push(`page error: ${err.message}`));
  return page;
}

/**
 * Opens a path of the app and waits until the app has mounted (index.html's
 * first paint, `#boot`, is gone then).
 */
export async function open(page, app, path = "/") {
  await page.goto(app.url + path);
  await page.waitForFunction(() => !document.getElementById("boot"));
  await page.locator("main h1").first().waitFor();
}

/**
 * Waits until the release build's service worker controls the page, so what
 * the app needs is in its cache (the worker claims the page once installed).
 */
export async function untilOffline(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 20000 });
}

/**
 * Records Content-Security-Policy violations from the first script on, in
 * `window.__violations` (read with `violations(page)`), and console messages
 * about the policy in `page.problems`.
 */
export async function watchPolicy(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text()) && msg.type() !== "error") {
      page.problems.push(`console: ${msg.text()}`);
    }
  });
}

export function violations(page) {
  return page.evaluate(() => window.__violations ?? ["the violation recorder did not run"]);
}

/** Adds a client from the new-client page and returns its id. */
export async function addClient(page, app, name) {
  await open(page, app, "/client/new");
  await page.getByLabel("Client name").fill(name);
  await page.getByRole("button", { name: "Add client" }).click();
  await page.waitForURL(/\/client\/c[0-9a-z]+\/assessment$/);
  return new URL(page.url()).pathname.split("/")[2];
}

/** Opens the demo portfolio from the welcome page and waits for its board. */
export async function openDemo(page, app) {
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.waitForURL(app.url + "/board");
  await page.locator("main a[data-client-id]").first().waitFor();
}

/** Every key and value in the page's local storage. */
export function allStorage(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}
