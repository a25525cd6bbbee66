// Shared by the team view's end-to-end tests (team.test.mjs and
// team_remember.test.mjs): two salespeople's files, a generator of large rich
// files, and helpers that read the team board and this origin's storage.
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allStorage, freshPage, open } from "./support.mjs";

export { allStorage };


/** A date `days` from today (local time, as the app reads it). */
export function day(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function assessment(id, daysAgo, answers, verdict, extra = {}) {
  return { id, date: day(-daysAgo), answers, verdict, ...extra };
}

export function client(id, name, revenue, owner, rest = {}) {
  return { id, profile: { name, annual_revenue: revenue, owner }, archived: false, ...rest };
}

export function file(owner, clients) {
  return { format: "continuum", version: 1, owner, exported_at: "2026-11-25T10:00:00Z", clients };
}

// Ann: Acme at risk (checked 20 days ago, renews in two months), Birch placed
// secure, Cedar not yet assessed.
export const ANN = file("Ann Berg", [
  client("c-acme", "Acme Tools", 100000, "Ann Berg", {
    stakeholders: [{ id: "s-ann-buyer", name: "Olga Buyer", role: "decision_maker", senior: true, stance: "neutral" }],
    assessments: [assessment("a-ann", 20, { r_price: { answer: "yes" } }, "at_risk")],
  }),
  client("c-birch", "Birch Farms", 50000, "Ann Berg", {
    assessments: [
      assessment("a-birch", 10, {}, "unassessed", { override: { category: "secure", reason: "Long contract, happy team." } }),
    ],
  }),
  client("c-cedar", "Cedar Bank", 30000, "Ann Berg"),
]);
ANN.clients[0].profile.contract_end = day(60);

// Bob: his own record of Acme, checked 5 days ago (fresher: it is the one
// shown), with a person, an issue and a contact Ann does not have; and Dune,
// not secure.
export const BOB = file("Bob Chen", [
  client("c-acme", "Acme Tools", 100000, "Bob Chen", {
    stakeholders: [{ id: "s-bob-cto", name: "Ravi Technical", role: "influencer", senior: true, stance: "opposed" }],
    issues: [{ id: "i-bob-api", title: "API outages in October", opened_on: day(-30), severity: "serious", status: "open" }],
    touchpoints: [{ id: "t-bob-call", date: day(-6), channel: "call", kind: "business", note: "CTO says they are leaving." }],
    assessments: [assessment("a-bob", 5, { l_notified: { answer: "yes" } }, "inevitable_loss")],
  }),
  client("c-dune", "Dune Media", 70000, "Bob Chen", {
    assessments: [assessment("a-dune", 10, { s_dissent: { answer: "yes" } }, "not_secure")],
  }),
]);

let dir;
export async function tmpFile(name, data) {
  dir ??= await mkdtemp(join(tmpdir(), "continuum-team-"));
  const path = join(dir, name);
  await writeFile(path, typeof data === "string" ? data : JSON.stringify(data, null, 2));
  return path;
}






/** How many team files the browser's database holds for this origin. */
export function rememberedInDatabase(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, no) => {
      const req = indexedDB.open("team-files");
      req.onsuccess = () => ok(req.result);
      req.onerror = () => no(req.error);
    });
    if (!db.objectStoreNames.contains("files")) return 0;
    const n = await new Promise((ok) => (db.transaction("files").objectStore("files").count().onsuccess = (e) => ok(e.target.result)));
    db.close();
    return n;
  });
}

/** Column -> {count, revenue} on the team board. */
export function teamColumns(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll(".team-board section[data-category]")].map((col) => [
        col.getAttribute("data-category"),
        {
          count: Number(col.querySelector(".count").textContent),
          revenue: Number(col.querySelector("[data-revenue]").getAttribute("data-revenue")),
          cards: [...col.querySelectorAll("[data-client-id]")].map((c) => c.getAttribute("data-client-id")),
        },
      ]),
    ),
  );
}

/** Salesperson -> {field: text} from the per-person table. */
export function peopleTable(page) {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("table.team-people tbody tr")].map((tr) => [
        tr.getAttribute("data-owner"),
        Object.fromEntries([...tr.querySelectorAll("td[data-field]")].map((td) => [td.dataset.field, td.textContent])),
      ]),
    ),
  );
}


/** A salesperson's file of `n` clients, each with people, issues, contacts and a check-up. */
export function richFile(person, n) {
  const owner = `Seller ${String(person).padStart(2, "0")}`;
  const clients = Array.from({ length: n }, (_, i) => {
    const id = `c-${person}-${i}`;
    const risky = i % 3 === 0;
    return client(id, `Client ${person}-${i}`, 10000 + i * 37, owner, {
      stakeholders: Array.from({ length: 4 }, (_, k) => ({
        id: `s-${id}-${k}`, name: `Contact ${k} at ${id}`, role: "influencer", senior: k === 0, stance: "neutral",
      })),
      issues: Array.from({ length: 3 }, (_, k) => ({
        id: `i-${id}-${k}`, title: `Issue ${k}: late deliveries and questions on invoices`, opened_on: day(-30 - k), severity: "serious", status: "open",
      })),
      touchpoints: Array.from({ length: 6 }, (_, k) => ({
        id: `t-${id}-${k}`, date: day(-7 * k - 1), channel: "call", kind: "business", note: `Call ${k}: went through the renewal and the open questions on the roadmap.`,
      })),
      assessments: [
        risky
          ? assessment(`a-${id}`, 10, { r_price: { answer: "yes" } }, "at_risk")
          : assessment(`a-${id}`, 10, { s_dissent: { answer: "yes" } }, "not_secure"),
      ],
    });
  });
  return file(owner, clients);
}


/** The helpers that open pages of `app`. */
export function withApp(app) {
  async function importAndMerge(page, path) {
    await open(page, app, "/settings");
    await page.getByLabel("Choose a file to import…").setInputFiles(path);
    await page.locator(".import-preview").waitFor();
    await page.getByRole("button", { name: "Merge into my portfolio" }).click();
    await page.locator(".import-done").waitFor();
    await page.waitForTimeout(500); // the debounced save
  }

  /** A salesperson's own profile: their portfolio, exported with the Settings button. */
  async function exportFromOwnProfile(data, name) {
    const page = await freshPage(app);
    await importAndMerge(page, await tmpFile(name, data));
    await open(page, app, "/settings");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export everything (JSON)" }).click(),
    ]);
    const path = await tmpFile(download.suggestedFilename(), "");
    await download.saveAs(path);
    assert.deepEqual(page.problems, []);
    return { page, path, name: download.suggestedFilename() };
  }

  /** The manager's profile, with a portfolio of their own already stored. */
  async function managerPage() {
    const page = await freshPage(app);
    await importAndMerge(page, "tests/fixtures/v1-portfolio.json");
    return page;
  }

  async function openTeamFiles(page, paths) {
    await open(page, app, "/team");
    await page.getByLabel("Open team files…").setInputFiles(paths);
  }
  return { importAndMerge, exportFromOwnProfile, managerPage, openTeamFiles };
}
