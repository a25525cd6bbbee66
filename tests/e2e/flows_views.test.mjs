// Views a salesperson prints, exports or edits in place, end to end: the
// print views, the due list exported to a calendar, the board's distribution
// chart, and issue and contact texts edited in place.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { question } from "./checkup.mjs";
import { addClient, freshPage, open, openDemo, useApp } from "./support.mjs";

const app = useApp();

const CATEGORIES = ["secure", "not_secure", "at_risk", "inevitable_loss", "unassessed"];

async function nav(page, name) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
}

test("the board and a client print without controls, and the brief fits one page", async () => {
  const page = await freshPage(app);
  await openDemo(page, app);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("navigation", { name: "Main" }).isVisible(), false, "no navigation on paper");
  assert.equal(await page.locator("form.filters").isVisible(), false, "no filters on paper");
  const visibleButtons = await page.locator("button").evaluateAll((bs) => bs.filter((b) => b.offsetParent !== null).length);
  assert.equal(visibleButtons, 0, "no button on paper");
  for (const c of CATEGORIES) {
    assert.ok(await page.locator(`section[data-category="${c}"] h2`).isVisible(), `the ${c} column prints`);
  }
  assert.ok(await page.locator("main a[data-client-id]").first().isVisible(), "cards print");
  const boardPdf = await page.pdf({ format: "A4" });
  assert.equal(boardPdf.subarray(0, 5).toString(), "%PDF-");

  // A client with people, issues and actions: its brief.
  await page.emulateMedia({ media: "screen" });
  const card = page.locator('section[data-category="at_risk"] a[data-client-id]').first();
  const id = await card.getAttribute("data-client-id");
  const name = (await card.locator(".card-name").innerText()).trim();
  await card.click();
  await page.waitForURL(app.url + `/client/${id}`);
  await question(page, "s_committed").waitFor();
  assert.equal(await page.locator(".print-brief").isVisible(), false, "the brief is for paper only");
  assert.equal(await page.getByRole("button", { name: "Print brief" }).count(), 1);

  await page.emulateMedia({ media: "print" });
  const brief = page.locator(".print-brief");
  assert.ok(await brief.isVisible(), "the brief prints");
  assert.equal(await page.locator(".client-tab").isVisible(), false, "the tab does not print");
  assert.equal(await page.locator(".client-tabs").isVisible(), false, "the tab bar does not print");
  assert.equal(await page.getByRole("navigation", { name: "Main" }).isVisible(), false);
  assert.equal(await page.locator("button").evaluateAll((bs) => bs.filter((b) => b.offsetParent !== null).length), 0);
  assert.ok(await page.locator(".client-header h1").isVisible());
  assert.equal((await page.locator(".client-header h1").innerText()).trim(), name);
  assert.match(await page.locator(".client-header .category-badge").innerText(), /At risk/);
  const text = await brief.innerText();
  for (const heading of ["Why this category", "Key people", "Open issues", "Open actions"]) {
    assert.match(text, new RegExp(heading), `the brief has "${heading}"`);
  }
  assert.ok((await brief.locator(".brief-reasons li").count()) > 0, "the reasons are printed");
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  assert.equal(pdf.subarray(0, 5).toString(), "%PDF-");
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, "the brief is one A4 page");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the due list exports one item or all of them as an iCalendar file", async () => {
  const page = await freshPage(app);
  await openDemo(page, app);
  await nav(page, "Due");
  await page.waitForURL(app.url + "/due");
  const items = page.locator("main li.due-item");
  await items.first().waitFor();
  const total = await items.count();

  const [all] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /Add all to calendar/ }).click(),
  ]);
  assert.match(all.suggestedFilename(), /^continuum-due-\d{4}-\d{2}-\d{2}\.ics$/);
  const text = await readFile(await all.path(), "utf8");
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), text.slice(0, 80));
  assert.ok(text.endsWith("END:VCALENDAR\r\n"));
  assert.ok(!/[^\r]\n/.test(text), "every line ends with CRLF");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `line too long: ${line}`);
  assert.equal((text.match(/\r\nBEGIN:VEVENT\r\n/g) || []).length, total, "one event per due item");
  const uids = [...text.matchAll(/\r\nUID:([^\r]*)/g)].map((m) => m[1]);
  assert.equal(new Set(uids).size, total, "every event has its own UID");

  // One item: its own file, whose date and client match the row.
  const row = items.first();
  const due = await row.locator("time").getAttribute("datetime");
  const client = (await row.locator(".due-client").innerText()).trim();
  const [one] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: /Add to calendar/ }).click(),
  ]);
  assert.match(one.suggestedFilename(), new RegExp(`${due}\\.ics$`));
  const single = (await readFile(await one.path(), "utf8")).replace(/\r\n /g, "");
  assert.equal((single.match(/BEGIN:VEVENT/g) || []).length, 1);
  assert.match(single, new RegExp(`\r\nDTSTART;VALUE=DATE:${due.replaceAll("-", "")}\r\n`));
  const escaped = client.replace(/\\/g, "\\\\").replace(/[;,]/g, (c) => `\\${c}`);
  assert.ok(single.includes(escaped), `the event names ${client}`);
  assert.ok(uids.includes(single.match(/\r\nUID:([^\r]*)/)[1]), "the same UID as in the full export");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the board's chart shows clients and revenue per category, in colour, pattern and words", async () => {
  const page = await freshPage(app);
  await openDemo(page, app);
  const panel = (measure) => page.locator(`svg.dist-chart[data-measure="${measure}"]`);
  for (const m of ["clients", "revenue"]) {
    assert.equal(await panel(m).getAttribute("role"), "img");
    assert.equal(await panel(m).locator("title").textContent(), await panel(m).getAttribute("aria-label"));
  }
  const label = await panel("clients").getAttribute("aria-label");
  assert.match(label, /^Clients per category\./);
  assert.match(await panel("revenue").getAttribute("aria-label"), /^Annual revenue per category\./);

  async function numbers() {
    const out = {};
    for (const c of CATEGORIES) {
      const stated = Number((await page.locator(`section[data-category="${c}"] .count`).innerText()).trim());
      const row = panel("clients").locator(`g.dist-row[data-category="${c}"]`);
      const bar = row.locator("rect.bar");
      out[c] = {
        stated,
        value: Number(await bar.getAttribute("data-value")),
        width: Number(await bar.getAttribute("width")),
        label: (await row.locator(".dist-label").textContent()).trim(),
        cell: Number(
          (await page.locator(`table.dist-table tr[data-category="${c}"] td`).first().textContent()).trim(),
        ),
        fill: await row.locator("rect.texture").getAttribute("fill"),
      };
    }
    return out;
  }
  const before = await numbers();
  const max = Math.max(...Object.values(before).map((n) => n.value));
  const fills = new Set();
  for (const [c, n] of Object.entries(before)) {
    assert.equal(n.value, n.stated, `${c}: the chart counts the column's clients`);
    assert.equal(n.cell, n.stated, `${c}: the table says the same`);
    assert.ok(Math.abs(n.width - (200 * n.value) / max) < 0.01, `${c}: bar length is proportional`);
    assert.ok(n.label.length > 0, `${c}: the bar is named`);
    assert.ok(label.includes(`${n.label}: ${n.stated} client`), `the aria-label gives ${c}'s count`);
    fills.add(n.fill);
  }
  assert.equal(fills.size, CATEGORIES.length, "each category has its own pattern");

  // The chart follows the filters.
  const word = (await page.locator("main a[data-client-id] .card-name").first().innerText()).trim().split(/\s+/)[0];
  await page.getByLabel("Search").fill(word);
  await page.waitForFunction(
    (n) => document.querySelectorAll("main a[data-client-id]").length < n,
    Object.values(before).reduce((a, n) => a + n.value, 0),
  );
  const after = await numbers();
  for (const [c, n] of Object.entries(after)) assert.equal(n.value, n.stated, `${c} follows the search`);

  // On a phone the panels stack and nothing is wider than the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  const boxes = await page.locator("svg.dist-chart").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
  assert.ok(boxes[1] > boxes[0] + 50, `the panels stack: ${boxes}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), "no sideways scrolling");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("issue and contact texts can be edited in place, from the keyboard, and kept", async () => {
  const page = await freshPage(app);
  const id = await addClient(page, app, "Editable Goods");
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name: "Issues & contacts" }).click();
  await page.locator("summary", { hasText: "Add an issue" }).click();
  await page.getByLabel("Issue", { exact: true }).fill("Invoices late");
  await page.getByRole("button", { name: "Add issue" }).click();
  const issue = page.locator(".issue").filter({ hasText: "Invoices late" });
  await issue.waitFor();

  // Edit with the keyboard: the button, then the field has focus.
  await issue.getByRole("button", { name: "Edit Invoices late" }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Edit the issue Invoices late" });
  await form.waitFor();
  const title = form.getByLabel("Issue", { exact: true });
  assert.equal(await title.evaluate((el) => el === document.activeElement), true, "the title field has focus");
  assert.equal(await title.inputValue(), "Invoices late");
  // An empty title is refused, in words, and nothing changes.
  await title.fill("  ");
  await page.keyboard.press("Enter");
  await form.locator(".field-error").waitFor();
  assert.match(await form.locator(".field-error").innerText(), /title/);
  await title.fill("Invoices three weeks late");
  await form.getByLabel("Details").fill("Finance says since the new ERP");
  await form.getByLabel("Issue", { exact: true }).press("Enter");
  const edited = page.locator(".issue").filter({ hasText: "Invoices three weeks late" });
  await edited.waitFor();
  assert.match(await edited.innerText(), /since the new ERP/);
  assert.equal(await form.count(), 0, "the form closes on save");

  // Escape cancels without saving.
  await edited.getByRole("button", { name: /^Edit/ }).click();
  await page.getByRole("form", { name: /Edit the issue/ }).getByLabel("Issue", { exact: true }).fill("Should not stay");
  await page.keyboard.press("Escape");
  await page.getByRole("form", { name: /Edit the issue/ }).waitFor({ state: "detached" });
  assert.equal(await page.locator(".issue").filter({ hasText: "Should not stay" }).count(), 0);
  // The focus is back on the Edit button, so the keyboard user keeps their place.
  await page.waitForFunction(() => document.activeElement?.classList.contains("edit-text"));
  assert.match(await page.evaluate(() => document.activeElement.innerText), /Edit/);

  // A contact's note.
  await page.getByRole("form", { name: "Record a contact" }).getByLabel("Note").fill("Quick call");
  await page.getByRole("button", { name: "Record contact" }).click();
  const contact = page.locator(".touchpoint").filter({ hasText: "Quick call" });
  await contact.waitFor();
  await contact.getByRole("button", { name: /Edit note/ }).click();
  const noteForm = page.getByRole("form", { name: /Edit the note of the contact/ });
  await noteForm.getByLabel("Note").fill("Call about the late invoices; promised a fix by Friday");
  await noteForm.getByRole("button", { name: "Save" }).click();
  await page.locator(".touchpoint").filter({ hasText: "promised a fix by Friday" }).waitFor();

  await page.waitForTimeout(600);
  await page.reload();
  await page.locator(".issue").filter({ hasText: "Invoices three weeks late" }).waitFor();
  assert.match(await page.locator(".issue").first().innerText(), /since the new ERP/);
  await page.locator(".touchpoint").filter({ hasText: "promised a fix by Friday" }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/client/${id}/issues`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
