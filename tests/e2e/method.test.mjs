// METHOD.md's promises as a person meets them in the demo: an override
// never hides the computed category, on the board card or in the CSV
// summary a manager downloads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { freshPage, open, useApp } from "./support.mjs";

const app = useApp();

const NAMES = {
  secure: "Loyal and secure",
  not_secure: "Loyal, not secure",
  at_risk: "At risk",
  inevitable_loss: "Inevitable loss",
};

/** Follows a link of the main navigation (no reload: demo edits live in memory). */
async function nav(page, name) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
}

async function openDemo(page) {
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.waitForURL(app.url + "/board");
  await page.locator("main a[data-client-id]").first().waitFor();
}

/** Splits one CSV line into cells (quotes as the summary writes them). */
function cells(line) {
  const out = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
    else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) { out.push(cell); cell = ""; }
    else cell += ch;
  }
  out.push(cell);
  return out;
}

test("an override shows both categories on the card and in the CSV summary", async () => {
  const page = await freshPage(app);
  await openDemo(page);
  // An assessed demo client, placed by the engine.
  const card = page.locator('main [data-category="at_risk"] a[data-client-id]:not(:has(.overridden))').first();
  const id = await card.getAttribute("data-client-id");
  const name = (await card.locator(".card-name").innerText()).trim();
  await card.click();
  await page.waitForURL(new RegExp(`/client/${id}`));
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name: "Check-up" }).click();
  await page.locator("summary", { hasText: "Override the category" }).click();
  await page.getByLabel("Place the client in").selectOption("secure");
  await page.getByLabel("Reason for the override").fill("Their board renewed the framework in person");
  await page.getByRole("button", { name: "Override", exact: true }).click();
  await page.locator('.verdict-computed[data-computed="at_risk"]').waitFor();

  await nav(page, "Board");
  const moved = page.locator(`main [data-category="secure"] a[data-client-id="${id}"]`);
  await moved.waitFor();
  const note = moved.locator(".overridden");
  assert.equal(await note.getAttribute("data-computed"), "at_risk");
  assert.match(await note.innerText(), /computed: At risk/);

  await nav(page, "Settings");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export a summary (CSV)" }).click(),
  ]);
  const text = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
  const lines = text.split("\r\n").filter(Boolean).map(cells);
  const header = lines[0];
  const shown = header.indexOf("Category");
  const computed = header.indexOf("Computed category");
  assert.ok(shown >= 0 && computed === shown + 1, `columns side by side: ${header}`);
  const row = lines.find((cells) => cells[0] === name);
  assert.ok(row, `${name} is in the summary`);
  assert.equal(row[shown], NAMES.secure);
  assert.equal(row[computed], NAMES.at_risk);
  // A client nobody overrode has the same category twice.
  const plain = lines.slice(1).find((cells) => cells[0] !== name && cells[shown] === NAMES.at_risk);
  if (plain) assert.equal(plain[computed], NAMES.at_risk);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a client marked lost lists alike clients; a lesson adds a follow-up and its link opens the client", async () => {
  const page = await freshPage(app);
  await openDemo(page);
  const card = page.locator('main [data-category="at_risk"] a[data-client-id]').first();
  const id = await card.getAttribute("data-client-id");
  await card.click();
  await page.waitForURL(new RegExp(`/client/${id}`));
  assert.equal(await page.locator(".lessons").count(), 0, "no lessons before the loss");
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name: "Profile" }).click();
  await page.getByLabel("Lost on").fill("2026-11-30");
  await page.getByLabel("Lost on").press("Tab");
  const lesson = page.locator(".lessons .lesson-list li").first();
  await lesson.waitFor();
  const other = await lesson.getAttribute("data-lesson");
  assert.notEqual(other, id);
  assert.match(await lesson.innerText(), /shares: \S/);
  await lesson.getByRole("button", { name: /^Add a follow-up action for / }).click();
  await lesson.getByRole("button", { name: "Follow-up added" }).waitFor();
  await lesson.getByRole("link").click();
  await page.waitForURL(new RegExp(`/client/${other}`));
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name: "Plan" }).click();
  await page.getByText(/Check for what came before losing/).first().waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the board's movement table: a count lists the clients behind it, each linked", async () => {
  const page = await freshPage(app);
  await openDemo(page);
  await page.locator("summary", { hasText: "Movement since the previous check-up" }).click();
  const count = page.locator(".movement-table button").first();
  await count.waitFor();
  const n = Number((await count.innerText()).trim());
  assert.ok(n > 0);
  const label = await count.getAttribute("aria-label");
  await count.click();
  await page.locator(".movement-picked h3", { hasText: label }).waitFor();
  const links = page.locator(".movement-picked li a");
  assert.equal(await links.count(), n, "as many clients as the count says");
  const href = await links.first().getAttribute("href");
  await links.first().click();
  await page.waitForURL(app.url + href);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
