// Offline after one visit, as a user meets it: open the app once, lose the
// network (the server is stopped), and it still opens, with its data, on any
// address, and takes new clients. A new release is picked up on the next
// visit with a notice, never by reloading an open page. Chromium considers
// the app installable.
//
// Each test serves its own copy of dist/ so it can stop the server or put a
// new release in place without touching the other tests.
import { test, after, before } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../tools/serve.mjs";
import { finishRelease } from "../../tools/precache.mjs";
import { withIntegrity } from "../../tools/split.mjs";
import { chromium } from "playwright-core";
import { addClient, chromiumPath, CHROMIUM_FLAGS, launchChromium, untilOffline } from "./support.mjs";

let browser;
const copies = [];

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the release build served on a free port. */
async function servedCopy() {
  const dir = mkdtempSync(join(tmpdir(), "continuum-dist-"));
  copies.push(dir);
  cpSync("dist", dir, { recursive: true });
  const server = await serve(dir);
  return { dir, server, url: server.url };
}

async function freshPageAt(app) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (msg) => {
    // Failed network requests while offline are expected; anything else is not.
    if (msg.type() === "error" && !/net::ERR_/.test(msg.text())) page.problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => page.problems.push(`page error: ${err.message}`));
  return page;
}

async function openAt(page, app, path) {
  await page.goto(app.url + path);
  await page.locator("main h1").first().waitFor();
}

/**
 * Turns the build in `dir` into what the next build looks like on the
 * server: its wasm and its pieces under a new hash, the old names gone.
 */
function asNextBuild(dir) {
  const old = readdirSync(dir).find((name) => /^split-[0-9a-f]{16}$/.test(name)).slice("split-".length);
  const next = [...old].reverse().join("");
  assert.notEqual(next, old);
  // Only the file names change (the wasm's own import names stay).
  const rewrite = (file, from, to) => writeFileSync(file, readFileSync(file, "utf8").replaceAll(from, to));
  renameSync(join(dir, `split-${old}`), join(dir, `split-${next}`));
  renameSync(join(dir, `continuum-${old}.js`), join(dir, `continuum-${next}.js`));
  renameSync(join(dir, `continuum-${old}_bg.wasm`), join(dir, `continuum-${next}_bg.wasm`));
  rewrite(join(dir, `continuum-${next}.js`), `./split-${old}/`, `./split-${next}/`);
  rewrite(join(dir, `split-${next}`, "__wasm_split.js"), `../continuum-${old}.js`, `../continuum-${next}.js`);
  const index = join(dir, "index.html");
  writeFileSync(index, withIntegrity(readFileSync(index, "utf8").replaceAll(old, next), dir));
}

function notices(page) {
  return page.locator(".notices").innerText();
}

test("after one visit the app opens with no network, keeps its data, works on deep links and adds clients", async () => {
  const app = await servedCopy();
  const page = await freshPageAt(app);
  const firstId = await addClient(page, app, "Harbour Foods");
  await untilOffline(page);

  await app.server.close();
  await page.context().setOffline(true);
  // The server is really gone: nothing answers at its address.
  await assert.rejects(fetch(app.url + "/"), "the server is stopped");

  await page.reload();
  await page.locator("main h1").first().waitFor();
  await openAt(page, app, "/board");
  assert.equal(await page.locator("main h1").first().innerText(), "Board");
  await page.locator(`[data-client-id="${firstId}"]`).filter({ hasText: "Harbour Foods" }).waitFor();

  // Deep links to pages never opened before work too.
  await openAt(page, app, `/client/${firstId}/people`);
  await page.locator("main h1").filter({ hasText: "Harbour Foods" }).waitFor();
  await openAt(page, app, "/settings");
  assert.equal(await page.locator("main h1").first().innerText(), "Settings");

  // A new client added offline is kept.
  const secondId = await addClient(page, app, "Offline Orchards");
  await page.waitForTimeout(500);
  await openAt(page, app, "/board");
  await page.reload();
  await page.locator(`[data-client-id="${secondId}"]`).filter({ hasText: "Offline Orchards" }).waitFor();
  await page.locator(`[data-client-id="${firstId}"]`).waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a new release is picked up on the next visit with a notice, never by reloading an open page", async () => {
  const app = await servedCopy();
  const page = await freshPageAt(app);
  await addClient(page, app, "Keel Marine");
  await untilOffline(page);
  const first = await page.locator('meta[name="continuum-release"]').getAttribute("content");
  await page.reload();
  await page.locator("main h1").first().waitFor();
  assert.doesNotMatch(await notices(page), /updated/i, "no notice when nothing changed");

  // The user is typing when the new release goes up.
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name: "Profile" }).click();
  const notes = page.getByLabel("Notes");
  await notes.fill("Half-typed thought");
  await page.evaluate(() => {
    window.__stillTheSamePage = true;
  });

  // The next release: new wasm pieces and a changed page, finished as the
  // build hook does it. The old pieces are no longer on the server.
  asNextBuild(app.dir);
  const index = join(app.dir, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace("<noscript>", "<noscript>Release two. "));
  const { release: second } = finishRelease(app.dir);
  assert.notEqual(second, first);

  // The browser finds the new worker, which takes over in the background.
  await page.evaluate(async () => {
    const changed = new Promise((done) => navigator.serviceWorker.addEventListener("controllerchange", done));
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    await changed;
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__stillTheSamePage), true, "the open page was not reloaded");
  assert.equal(await notes.inputValue(), "Half-typed thought", "what the user was typing is still there");
  assert.doesNotMatch(await notices(page), /updated/i, "no notice in the middle of work");
  // The open page still opens pages it has not loaded yet: the worker keeps
  // the previous release's pieces.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.__stillTheSamePage), true, "still the same page");

  // Next visit: the new release, once, with a notice.
  await page.reload();
  await page.locator("main h1").first().waitFor();
  assert.equal(await page.locator('meta[name="continuum-release"]').getAttribute("content"), second);
  assert.match(await page.locator("noscript").first().textContent(), /Release two/);
  assert.match(await notices(page), /Continuum has been updated since your last visit/);
  await page.reload();
  await page.locator("main h1").first().waitFor();
  assert.doesNotMatch(await notices(page), /updated/i, "the notice is shown once");
  assert.deepEqual(page.problems, []);
  await app.server.close();
  await page.context().close();
});

test("Chromium considers the app installable: manifest, icons and an offline worker", async () => {
  const app = await servedCopy();
  // Installing is never offered in a private (incognito-like) context, so this
  // test uses a real profile in a temporary folder.
  const profile = mkdtempSync(join(tmpdir(), "continuum-profile-"));
  copies.push(profile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: !process.env.HEADED,
    args: CHROMIUM_FLAGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.problems = [];
  page.on("console", (msg) => msg.type() === "error" && page.problems.push(`console: ${msg.text()}`));
  await openAt(page, app, "/");
  await untilOffline(page);
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send("Page.getAppManifest");
  assert.deepEqual(manifest.errors, [], "the manifest parses without errors");
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, "standalone");
  assert.ok(parsed.icons.some((i) => i.sizes === "512x512" && i.type === "image/png"));
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, [], "no reason not to offer installing");
  // Every icon the manifest names is served.
  for (const icon of parsed.icons) {
    const response = await page.request.get(app.url + icon.src);
    assert.equal(response.status(), 200, icon.src);
    assert.equal(response.headers()["content-type"], icon.type, icon.src);
  }
  assert.deepEqual(page.problems, []);
  await app.server.close();
  await page.context().close();
});
