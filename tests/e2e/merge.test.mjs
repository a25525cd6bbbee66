// Merging a colleague's file as a person does (issue 19): the preview says
// per client what is added, updated (their version is newer) and kept, the
// merge takes the newer version of each record and keeps both notes, the
// user can merge only the clients both have, and an edit made in the app
// carries its time into the next export.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { freshPage, open, useApp } from "./support.mjs";
import { day, tmpFile } from "./team_support.mjs";

const app = useApp();

const ISSUE = { id: "i-late", title: "Invoices arrive late", opened_on: day(-40), severity: "serious", status: "open" };

function file(owner, clients) {
  return { format: "continuum", version: 3, owner, exported_at: "2026-11-25T10:00:00Z", clients };
}

// Mine: Acme with the open issue (my note, changed on 1 November), and Birch.
const MINE = file("Ann Berg", [
  {
    id: "c-acme",
    profile: { name: "Acme Tools", annual_revenue: 100000 },
    issues: [{ ...ISSUE, notes: "Finance complains every month.", changed_at: "2026-11-01T09:00:00Z" }],
    archived: false,
  },
  { id: "c-birch", profile: { name: "Birch Farms" }, archived: false },
]);

// The colleague's: the same issue resolved later, with their note, and a
// client of their own.
const THEIRS = file("Bob Chen", [
  {
    id: "c-acme",
    profile: { name: "Acme Tools", annual_revenue: 100000 },
    issues: [
      {
        ...ISSUE,
        status: "resolved",
        resolved_on: day(-2),
        notes: "Carrier replaced; their CFO confirmed.",
        changed_at: "2026-11-28T15:30:00Z",
      },
    ],
    archived: false,
  },
  { id: "c-zeta", profile: { name: "Zeta Logistics" }, archived: false },
]);

async function importFile(page, path) {
  await open(page, app, "/settings");
  await page.getByLabel("Choose a file to import…").setInputFiles(path);
  await page.locator(".import-preview").waitFor();
}

async function mergeIt(page) {
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  await page.locator(".import-done").waitFor();
  await page.waitForTimeout(500); // the debounced save
}

async function exportJson(page) {
  await open(page, app, "/settings");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export everything (JSON)" }).click(),
  ]);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

test("a colleague's file in which an issue was resolved: previewed as updated, merged with both notes, only the shared clients", async () => {
  const page = await freshPage(app);
  await importFile(page, await tmpFile("ann.json", MINE));
  await mergeIt(page);

  await importFile(page, await tmpFile("bob.json", THEIRS));
  const acme = page.locator(".added-evidence [data-client-id=c-acme]");
  const updated = acme.locator('li[data-change="updated"][data-record="issue"]');
  assert.equal(await updated.getAttribute("data-record-id"), "i-late");
  assert.match(await updated.innerText(), /Invoices arrive late .*resolved\)/);
  assert.equal(await acme.locator('li[data-change="kept"]').count(), 0);
  await acme.getByText("Updated: the file's version is newer").waitFor();

  // Bob's own client stays out when asked.
  await page.getByLabel("Merge only the client we both have").check();
  await mergeIt(page);

  await open(page, app, "/client/c-acme/issues");
  const resolved = page.locator(".cards.resolved [data-issue=i-late]");
  await resolved.waitFor();
  const notes = await resolved.locator(".issue-notes").innerText();
  assert.equal(notes, "Finance complains every month.\n\nCarrier replaced; their CFO confirmed.");
  assert.equal(await page.locator(".cards:not(.resolved) [data-issue]").count(), 0, "no open issue left");

  await open(page, app, "/board");
  await page.locator("main [data-client-id=c-acme]").waitFor();
  assert.equal(await page.locator("main [data-client-id=c-zeta]").count(), 0, "Bob's other client was not added");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an edit in the app is stamped with its time, and a file goes out, in and out again unchanged", async () => {
  const page = await freshPage(app);
  await importFile(page, await tmpFile("ann-again.json", MINE));
  await mergeIt(page);
  const before = Date.now();
  await open(page, app, "/client/c-acme/issues");
  await page.getByRole("button", { name: "Mark in progress" }).click();
  await page.waitForTimeout(500);
  const out = await exportJson(page);
  assert.equal(out.version, 3);
  const issue = out.clients.find((c) => c.id === "c-acme").issues[0];
  assert.equal(issue.status, "in_progress");
  const stamped = Date.parse(issue.changed_at);
  assert.ok(stamped >= Math.floor(before / 1000) * 1000 && stamped <= Date.now(), issue.changed_at);
  assert.match(issue.changed_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(out.clients.find((c) => c.id === "c-birch").changed_at, undefined, "untouched: no time");

  // In a fresh profile: import that export, export again: the same.
  const other = await freshPage(app);
  await importFile(other, await tmpFile("round-trip.json", out));
  await mergeIt(other);
  const again = await exportJson(other);
  delete out.exported_at;
  delete again.exported_at;
  assert.deepEqual(again, out);
  assert.deepEqual([...page.problems, ...other.problems], []);
  await page.context().close();
  await other.context().close();
});
