// The first paint comes from index.html itself, before the wasm arrives:
// the welcome page for a first visit, the header and "Opening your data…"
// otherwise; the app then takes over without anything moving, and the
// policy allows no script beyond the hashed loader and same-origin files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, useApp, violations, watchPolicy } from "./support.mjs";

const app = useApp();

/** A page whose wasm never arrives: only index.html's first paint shows. */
async function withoutWasm(options) {
  const page = await freshPage(app, options);
  await page.route("**/*.wasm", (route) => route.abort());
  return page;
}

/** Text and place of every part of the welcome page a visitor sees first. */
async function layout(page, root) {
  return page.locator(`${root} .welcome`).evaluate((welcome) =>
    [...welcome.querySelectorAll("h1, h2, h3, p.lead, p.privacy, li, .way-in, .button, label")]
      .filter((el) => el.offsetParent !== null)
      .map((el) => {
        const box = el.getBoundingClientRect();
        return {
          text: el.innerText.trim(),
          box: [box.x, box.y, box.width, box.height].map(Math.round),
        };
      }),
  );
}

test("a first visit sees the welcome page before the app runs, and nothing moves when it does", async () => {
  const bare = await withoutWasm({ viewport: { width: 1280, height: 900 } });
  await watchPolicy(bare);
  await bare.goto(app.url + "/");
  const heading = bare.getByRole("heading", { name: "Welcome to Continuum" });
  await heading.waitFor();
  assert.equal(await bare.getByText("Opening your data…").isVisible(), false);
  // Nothing can be used before the app runs: the controls wait for it.
  assert.equal(await bare.getByRole("button", { name: "Open the demo portfolio" }).isDisabled(), true);
  assert.equal(await bare.getByLabel("Client name").isDisabled(), true);
  const before = await layout(bare, "#boot");
  assert.ok(before.length > 10, "the whole welcome page is painted");
  assert.deepEqual(await violations(bare), []);
  await bare.context().close();

  const page = await freshPage(app, { viewport: { width: 1280, height: 900 } });
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).and(page.locator(":enabled")).waitFor();
  const after = await layout(page, "main");
  assert.deepEqual(after, before, "the app's welcome page is the first paint, word for word and box for box");
  assert.equal(await page.locator("#boot").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a returning user and a deep link see the shell, not a welcome that would vanish", async () => {
  // No service worker, so the blocked wasm stays blocked on the second visit.
  const page = await freshPage(app, { serviceWorkers: "block" });
  await open(page, app, "/");
  await page.getByLabel("Client name").fill("Harbour Foods");
  await page.getByRole("button", { name: "Add client" }).click();
  await page.locator("main h1").filter({ hasText: "Harbour Foods" }).waitFor();
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith("continuum")));
  await page.route("**/*.wasm", (route) => route.abort());
  for (const path of ["/", "/board"]) {
    await page.goto(app.url + path);
    await page.getByText("Opening your data…").waitFor();
    assert.equal(await page.getByRole("heading", { name: "Welcome to Continuum" }).isVisible(), false, path);
    assert.equal(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board" }).isVisible(), true);
  }
  await page.unroute("**/*.wasm");
  await open(page, app, "/board");
  await page.locator("main [data-client-id]").first().waitFor();
  assert.equal(await page.getByText("Opening your data…").count(), 0);
  await page.context().close();

  const stranger = await withoutWasm();
  await stranger.goto(app.url + "/due");
  await stranger.getByText("Opening your data…").waitFor();
  await stranger.context().close();
});

test("the app's code is fetched only after the first paint, so it never delays it", async () => {
  const page = await freshPage(app);
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).and(page.locator(":enabled")).waitFor();
  const { paint, code } = await page.evaluate(async () => {
    const entries = await new Promise((resolve) =>
      new PerformanceObserver((list) => resolve(list.getEntries())).observe({
        type: "largest-contentful-paint",
        buffered: true,
      }),
    );
    const first = entries[0];
    return {
      paint: first.renderTime || first.startTime,
      code: performance
        .getEntriesByType("resource")
        .filter((r) => /\/continuum-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(r.name).pathname))
        .map((r) => ({ name: new URL(r.name).pathname, start: r.startTime })),
    };
  });
  assert.equal(code.length, 2, `the glue and the wasm were fetched: ${JSON.stringify(code)}`);
  for (const file of code) {
    assert.ok(file.start >= paint, `${file.name} was requested at ${file.start} ms, before the first paint at ${paint} ms`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
