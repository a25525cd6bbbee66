// The release build split into pieces loaded on demand (tools/split.mjs):
// the built files fit together, a first visit fetches only the shell (with
// the pieces' loader script), each
// page fetches its own pieces when it is opened, and the service worker
// stores every piece so pages open offline (offline.test.mjs goes further).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { freshPage, useApp } from "./support.mjs";

const app = useApp();
const index = () => readFileSync("dist/index.html", "utf8");
const splitDir = () => readdirSync("dist").find((name) => /^split-[0-9a-f]{16}$/.test(name));

test("the built files name each other: glue, loader, pieces and integrity hashes", () => {
  const dir = splitDir();
  assert.ok(dir, "dist/ has a split-<hash> folder");
  const glueName = readdirSync("dist").find((f) => /^continuum-[0-9a-f]+\.js$/.test(f));
  const base = glueName.slice(0, -3);
  assert.equal(base.slice("continuum-".length), dir.slice("split-".length), "one hash names both");
  const html = index();
  assert.ok(html.includes(`/${base}.js`) && html.includes(`/${base}_bg.wasm`), "index.html loads the split build");
  assert.match(html, new RegExp(`<link rel="modulepreload" href="/${dir}/__wasm_split\\.js"`), "the loader is preloaded with the glue");

  const glue = readFileSync(join("dist", glueName), "utf8");
  assert.match(glue, new RegExp(`from "\\./${dir}/__wasm_split\\.js"`), "the glue imports the loader from the folder");
  const loader = readFileSync(join("dist", dir, "__wasm_split.js"), "utf8");
  assert.match(loader, new RegExp(`from "\\./\\.\\./${base}\\.js"`), "the loader imports the glue");
  const named = [...loader.matchAll(/"\.\/([^"]+\.wasm)"/g)].map((m) => m[1]);
  assert.ok(named.length > 5, `the loader names the pieces (${named.length})`);
  const present = new Set(readdirSync(join("dist", dir)));
  for (const piece of named) assert.ok(present.has(piece), `${piece} exists`);

  for (const [, href, integrity] of html.matchAll(/<link\b[^>]*\bhref="\/([^"]+)"[^>]*\bintegrity="([^"]+)"/g)) {
    const digest = createHash("sha384").update(readFileSync(join("dist", href))).digest("base64");
    assert.equal(integrity, `sha384-${digest}`, `${href}'s integrity hash matches the file`);
  }
  const worker = readFileSync("dist/sw.js", "utf8");
  for (const piece of present) assert.ok(worker.includes(`/${dir}/${piece}`), `the service worker stores ${piece}`);
});

test("a first visit fetches only the shell; the board fetches its pieces when opened", async () => {
  // No service worker: every piece comes from the network, where the test
  // can slow it down (offline.test.mjs covers the worker).
  const page = await freshPage(app, { serviceWorkers: "block" });
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(app.url + "/");
  await page.getByRole("heading", { name: "Welcome to Continuum" }).waitFor();
  await page.waitForLoadState("networkidle");
  // The pieces' loader (a small script) is part of the shell.
  assert.ok(requested.some((path) => /^\/split-[0-9a-f]+\/__wasm_split\.js$/.test(path)), "the loader is fetched");
  const pieces = () => requested.filter((path) => path.includes("/split-") && path.endsWith(".wasm"));
  assert.deepEqual(pieces(), [], "no piece of the app is fetched for the welcome page");

  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.locator('section[data-category="secure"] [data-client-id]').first().waitFor();
  assert.ok(pieces().length > 0, "the board's pieces are fetched when it opens");

  // On a slow network the page being left stays, marked busy, until the
  // next page's pieces are in; then the next page replaces it.
  await page.route("**/split-*/*.wasm", async (route) => {
    await new Promise((done) => setTimeout(done, 400));
    await route.continue();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Due" }).click();
  await page.locator('main[aria-busy="true"]').waitFor();
  assert.equal(await page.locator("main h1").first().innerText(), "Board", "the board stays while Due loads");
  await page.getByRole("heading", { name: "Due", level: 1 }).waitFor();
  assert.equal(await page.locator("main").getAttribute("aria-busy"), null, "no longer busy");
  assert.deepEqual(page.problems, []);
});

test("stored clients are read before any page shows, and every page opens", async () => {
  const page = await freshPage(app);
  await page.goto(app.url + "/");
  await page.getByLabel("Client name").fill("Harbour Freight");
  await page.getByRole("button", { name: "Add client" }).click();
  await page.locator("fieldset[data-question]").first().waitFor();
  await page.locator('fieldset[data-question] input[type="radio"]').first().check();
  // The save waits for its piece and the debounce; the key appears after it.
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("continuum/v1/client/")));

  for (const path of ["/board", "/due", "/team", "/settings", "/"]) {
    await page.goto(app.url + path);
    await page.locator("main h1").first().waitFor();
    // The page never shows an empty portfolio while the stored one is read.
    if (path === "/board") {
      assert.equal(await page.locator("[data-client-id]").count(), 1, "the board shows the stored client");
    }
  }
  await page.getByRole("link", { name: "Go to your board" }).waitFor();
  assert.deepEqual(page.problems, []);
});

/** Pages' console errors, without the ones a blocked fetch logs by design. */
const unexpected = (page) =>
  page.problems.filter((p) => !/Failed to load resource|net::ERR_FAILED|TypeError: Failed to fetch|split/i.test(p));

test("a piece that cannot be fetched is reported, the app keeps running, and the next try fetches it", async () => {
  const page = await freshPage(app, { serviceWorkers: "block" });
  await page.goto(app.url + "/");
  await page.getByRole("heading", { name: "Welcome to Continuum" }).waitFor();
  await page.route("**/split-*/*.wasm", (route) => route.abort());

  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.locator(".notices").getByText(/could not open the demo: part of the app could not be fetched/).waitFor();
  assert.equal(page.url(), app.url + "/", "the welcome page stays");
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Due" }).click();
  await page.getByRole("heading", { name: "This page could not be opened", level: 1 }).waitFor();
  await page.getByRole("button", { name: "Reload the page" }).first().waitFor();

  // The app is still alive (a failed load used to abort the wasm): the next
  // try, with the network back, fetches the pieces without a reload.
  await page.evaluate(() => (window.__samePage = true));
  await page.unroute("**/split-*/*.wasm");
  await nav.getByRole("link", { name: "Board" }).click();
  await page.getByRole("heading", { name: "Board", level: 1 }).waitFor();
  await nav.getByRole("link", { name: "Due" }).click();
  await page.getByRole("heading", { name: "Due", level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.__samePage), true, "not reloaded");
  assert.deepEqual(unexpected(page), []);
});

test("a change made before the saving code has arrived is saved when it arrives, and leaving meanwhile asks first", async () => {
  const page = await freshPage(app, { serviceWorkers: "block" });
  // The saving piece hangs until the test lets it through.
  const held = [];
  await page.route("**/split_saved_data.wasm", (route) => held.push(route));
  await page.goto(app.url + "/");
  await page.waitForFunction(() => !document.getElementById("boot"));
  await page.getByLabel("Client name").fill("Harbour Freight");
  // The request is seen by the test a moment after the app makes it.
  for (let i = 0; i < 50 && held.length === 0; i++) await page.waitForTimeout(100);
  assert.ok(held.length > 0, "typing a first name already asks for the saving code");
  await page.getByRole("button", { name: "Add client" }).click();
  await page.locator('fieldset[data-question] input[type="radio"]').first().check();
  await page.waitForTimeout(600); // past the save delay: the save is waiting for its code
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("continuum/v1/client/")));
  assert.deepEqual(await stored(), [], "nothing could be written yet");

  // Closing now would lose the change: the browser asks, and staying keeps it.
  const asked = new Promise((resolve) => page.once("dialog", resolve));
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  assert.equal(dialog.type(), "beforeunload");
  await dialog.dismiss();

  for (const route of held) await route.continue();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("continuum/v1/client/")));
  const [key] = await stored();
  assert.match(await page.evaluate((k) => localStorage.getItem(k), key), /Harbour Freight/);

  // Saved: leaving no longer asks.
  let askedAgain = false;
  page.on("dialog", (d) => {
    askedAgain = true;
    d.accept();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForEvent("close");
  assert.equal(askedAgain, false);
});

test("stored data whose reading code cannot be fetched is not shown as empty, and nothing stored changes", async () => {
  const page = await freshPage(app, { serviceWorkers: "block" });
  await page.goto(app.url + "/");
  await page.getByLabel("Client name").fill("Quayside Metals");
  await page.getByRole("button", { name: "Add client" }).click();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("continuum/v1/client/")));
  const snapshot = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const before = await snapshot();

  await page.route("**/split_saved_data.wasm", (route) => route.abort());
  await page.goto(app.url + "/board");
  await page.locator(".notices").getByText(/could not open your saved data/).waitFor();
  await page.getByRole("status").getByText("Opening your data…").waitFor();
  assert.equal(await page.locator("[data-client-id]").count(), 0);
  assert.equal(await snapshot(), before, "local storage unchanged");

  await page.unroute("**/split_saved_data.wasm");
  await page.locator(".notices").getByRole("button", { name: "Reload the page" }).click();
  await page.locator('[data-client-id]').first().waitFor();
  assert.match(await page.locator("[data-client-id]").innerText(), /Quayside Metals/);
});
