// Files in and out, as a user does it: import a file with a preview, export
// it (a real download), open the export in a fresh browser profile and find
// the same board; a broken file dropped on the page changes nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { freshPage, open, useApp } from "./support.mjs";

const app = useApp();
const FIXTURE = "tests/fixtures/v1-portfolio.json";

/** Every Continuum key in the page's local storage, for before/after checks. */
function storageSnapshot(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith("continuum")) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** The board as a user sees it: client id -> column. */
async function boardCards(page) {
  await open(page, app, "/board");
  await page.locator("[data-client-id]").first().waitFor();
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("section[data-category] [data-client-id]")].map((card) => [
        card.getAttribute("data-client-id"),
        card.closest("section[data-category]").getAttribute("data-category"),
      ]),
    ),
  );
}

async function importFile(page, files) {
  await open(page, app, "/settings");
  await page.getByLabel("Choose a file to import…").setInputFiles(files);
  await page.locator(".import-preview, .import-error").first().waitFor();
}

test("export downloads the portfolio and a fresh profile imports the same board", async () => {
  const page = await freshPage(app);
  await importFile(page, FIXTURE);
  assert.equal(await page.locator("[data-preview=new]").innerText(), "2");
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  await page.locator(".import-done").waitFor();
  await page.reload();
  const before = await boardCards(page);
  // The fixture's second client is archived and lost, so it stays off the board.
  assert.deepEqual(Object.keys(before), ["c-northwind"]);

  await open(page, app, "/settings");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export everything (JSON)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^continuum-dana-kim-\d{4}-\d{2}-\d{2}\.json$/);
  const path = await download.path();
  const exported = JSON.parse(await readFile(path, "utf8"));
  assert.equal(exported.format, "continuum");
  assert.equal(exported.owner, "Dana Kim");
  assert.deepEqual(exported.clients.map((c) => c.id).sort(), ["c-brightpath", "c-northwind"]);

  const other = await freshPage(app);
  await importFile(other, path);
  assert.equal(await other.locator("[data-preview=new]").innerText(), "2");
  await other.getByRole("button", { name: "Replace my portfolio" }).click();
  await other.locator(".import-done").waitFor();
  assert.deepEqual(await boardCards(other), before);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(other.problems, []);
  await page.context().close();
  await other.context().close();
});

test("a broken file dropped on the page is explained and changes nothing", async () => {
  const page = await freshPage(app);
  await importFile(page, FIXTURE);
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  await page.locator(".import-done").waitFor();
  await page.waitForTimeout(500); // let the debounced save land
  const before = await storageSnapshot(page);
  assert.ok(Object.keys(before).length > 1, "the imported clients are stored");

  await open(page, app, "/board");
  const broken = await readFile("tests/fixtures/malformed/truncated.json", "utf8");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "truncated.json", { type: "application/json" }));
    document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, broken);
  const message = page.locator(".import-error");
  await message.waitFor();
  const text = await message.innerText();
  assert.match(text, /truncated\.json could not be imported/);
  assert.match(text, /Nothing was changed/);
  await page.waitForTimeout(500);
  assert.deepEqual(await storageSnapshot(page), before);
  await page.context().close();
});

test("every malformed file gets its own message", async () => {
  const page = await freshPage(app);
  const seen = new Set();
  for (const name of ["truncated", "wrong-types", "unknown-version", "duplicate-ids", "impossible-date", "not-json"]) {
    await importFile(page, `tests/fixtures/malformed/${name}.json`);
    const text = await page.locator(".import-error").innerText();
    assert.match(text, /Nothing was changed/, name);
    seen.add(text.replace(`${name}.json`, ""));
  }
  assert.equal(seen.size, 6, "six different explanations");
  assert.deepEqual(await storageSnapshot(page), {}, "nothing was stored");
  await page.context().close();
});
