// The welcome page, the board and the due list as a user meets them: the
// demo fills all five columns with counts that match the cards, the search
// narrows them, the table sorts, the due list has work in it, and a client
// added from the welcome page lands in "Not yet assessed".
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { freshPage, open, useApp } from "./support.mjs";

const app = useApp();

const COLUMNS = ["secure", "not_secure", "at_risk", "inevitable_loss", "unassessed"];

/** Per column: the number its heading states and the cards it holds. */
async function columns(page) {
  const out = {};
  for (const id of COLUMNS) {
    const section = page.locator(`main section[data-category="${id}"]`);
    const stated = Number((await section.locator(".count").innerText()).trim());
    const cards = section.locator("a[data-client-id]");
    const categories = await cards.evaluateAll((as) => as.map((a) => a.dataset.category));
    const shown = await cards.evaluateAll((as) => as.map((a) => `${a.dataset.clientId}: ${a.textContent}`));
    out[id] = { stated, cards: categories.length, categories, shown };
  }
  return out;
}

function total(cols) {
  return Object.values(cols).reduce((n, c) => n + c.cards, 0);
}

async function openDemo(page) {
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.waitForURL(app.url + "/board");
  await page.locator("main a[data-client-id]").first().waitFor();
}

test("the demo fills all five columns, search narrows them, the table sorts, and the due list has work", async () => {
  const page = await freshPage(app);
  await openDemo(page);

  const before = await columns(page);
  for (const id of COLUMNS) {
    const col = before[id];
    assert.ok(col.cards > 0, `the ${id} column has cards`);
    assert.equal(col.stated, col.cards, `the ${id} column's count matches its cards`);
    assert.ok(
      col.categories.every((c) => c === id),
      `every card in ${id} says data-category="${id}"`,
    );
  }
  const all = total(before);

  // Search by the first word of one card's name: fewer cards, all matching.
  const name = (await page.locator("main a[data-client-id] .card-name").first().innerText()).trim();
  const word = name.split(/\s+/)[0];
  await page.getByLabel("Search").fill(word.toUpperCase());
  await page.waitForFunction(
    (n) => document.querySelectorAll("main a[data-client-id]").length < n,
    all,
  );
  const after = await columns(page);
  const shown = total(after);
  assert.ok(shown > 0 && shown < all, `search "${word}" shows ${shown} of ${all}`);
  for (const id of COLUMNS) assert.equal(after[id].stated, after[id].cards, `${id} count follows the filter`);
  const names = await page.locator("main a[data-client-id] .card-name").allInnerTexts();
  assert.ok(
    names.every((n) => n.toLowerCase().includes(word.toLowerCase())),
    `every card shown matches "${word}": ${names.join(", ")}`,
  );
  assert.match(await page.locator(".filter-status").innerText(), new RegExp(`Showing ${shown} of ${all}`));

  // Back to everyone, then the table sorted by revenue both ways.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.waitForFunction(
    (n) => document.querySelectorAll("main a[data-client-id]").length === n,
    all,
  );
  const back = await columns(page);
  for (const id of COLUMNS) {
    assert.deepEqual(back[id].shown, before[id].shown, `${id} shows the same cards, in the same order, as before the search`);
  }
  await page.getByRole("button", { name: "Table" }).click();
  const rows = page.locator("table.client-table tbody tr");
  await rows.first().waitFor();
  assert.equal(await rows.count(), all, "the table lists the same clients as the board");

  const header = page.locator('th[data-sort="revenue"]');
  const revenues = () =>
    page
      .locator("table.client-table tbody td[data-value]")
      .evaluateAll((tds) => tds.map((td) => (td.dataset.value === "" ? -1 : Number(td.dataset.value))));
  assert.equal(await header.getAttribute("aria-sort"), "none");
  await header.getByRole("button").click();
  assert.equal(await header.getAttribute("aria-sort"), "ascending");
  const up = await revenues();
  assert.equal(up.length, all);
  assert.ok(new Set(up).size > 2, "the demo has different revenues");
  for (let i = 1; i < up.length; i++) assert.ok(up[i - 1] <= up[i], `ascending at row ${i}: ${up}`);
  await header.getByRole("button").click();
  assert.equal(await header.getAttribute("aria-sort"), "descending");
  const down = await revenues();
  for (let i = 1; i < down.length; i++) assert.ok(down[i - 1] >= down[i], `descending at row ${i}: ${down}`);
  assert.equal(await page.locator('th[data-sort="name"]').getAttribute("aria-sort"), "none");

  // The due list.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Due" }).click();
  await page.waitForURL(app.url + "/due");
  const items = page.locator("main li.due-item");
  await items.first().waitFor();
  assert.ok((await items.count()) > 0, "the demo has something due");
  const kinds = await items.evaluateAll((lis) => lis.map((li) => li.dataset.kind));
  assert.ok(kinds.every((k) => ["action", "reassessment", "renewal"].includes(k)), kinds.join(","));
  const hrefs = await items.locator("a.due-client").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(hrefs.every((h) => /^\/client\/[^/]+(\/(plan|assessment))?$/.test(h)), hrefs.join(","));
  const overdue = page.locator("main li.due-item.overdue");
  for (const text of await overdue.allInnerTexts()) assert.match(text, /overdue/i, "overdue is said in words");

  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a client added on the welcome page opens its check-up and sits in Not yet assessed", async () => {
  const page = await freshPage(app);
  await open(page, app, "/board");
  assert.match(await page.locator("main").innerText(), /No clients yet/);

  await open(page, app, "/");
  assert.equal(await page.getByRole("link", { name: "Go to your board" }).count(), 0, "no board link before any client");
  // An empty name is refused, in words.
  await page.getByRole("button", { name: "Add client" }).click();
  assert.match(await page.locator(".field-problem").innerText(), /name/i);
  assert.equal(new URL(page.url()).pathname, "/");

  const name = "Quillfeather Testing Ltd";
  await page.getByLabel("Client name").fill(name);
  await page.getByRole("button", { name: "Add client" }).click();
  await page.waitForURL(/\/client\/[^/]+\/assessment$/);
  const id = new URL(page.url()).pathname.split("/")[2];
  assert.ok(id.length > 0);
  // The check-up replaces the welcome page once its piece of the app is in.
  await page.getByRole("heading", { name, level: 1 }).waitFor();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board" }).click();
  await page.waitForURL(app.url + "/board");
  const card = page.locator(`main section[data-category="unassessed"] a[data-client-id="${id}"]`);
  await card.waitFor();
  assert.equal(await card.getAttribute("data-category"), "unassessed");
  assert.equal(await card.getAttribute("href"), `/client/${id}`);
  assert.match(await card.innerText(), new RegExp(name));
  const cols = await columns(page);
  assert.equal(total(cols), 1, "only the new client is on the board");
  assert.equal(cols.unassessed.stated, 1);

  // It survives a reload (saved locally), and the welcome page now offers the board.
  await page.reload();
  await card.waitFor();
  await open(page, app, "/");
  assert.equal(await page.getByRole("link", { name: "Go to your board" }).count(), 1);

  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each card states its client's own facts, the same as the table, whatever the name holds", async () => {
  const fixture = JSON.parse(readFileSync("tests/fixtures/v1-portfolio.json", "utf8"));
  const northwind = fixture.clients.find((c) => c.id === "c-northwind");
  const soon = new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);
  const plain = (id, profile) => ({ id, profile, stakeholders: [], issues: [], touchpoints: [], assessments: [], actions: [] });
  // Three clients in one column ("Not yet assessed", largest revenue first):
  // the first name has letters outside ASCII, an emoji and markup, so the
  // cards after it only come out right if its text is measured right.
  const rocket = "Ünïcødé 🚀 <b>Bold</b> & Co";
  const clients = [
    northwind,
    plain("c-rocket", { name: rocket, annual_revenue: 1234567, contract_end: soon }),
    plain("c-zed", { name: "Zed Plain", annual_revenue: 1000 }),
    plain("c-unknown", { name: "Unknown Revenue Ltd" }),
  ];
  const page = await freshPage(app);
  await open(page, app, "/settings");
  await page.getByLabel("Choose a file to import…").setInputFiles({
    name: "cards.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ ...fixture, clients })),
  });
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  await page.locator(".import-done").waitFor();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Board" }).click();
  await page.locator("main a[data-client-id]").first().waitFor();

  const order = await page
    .locator('main section[data-category="unassessed"] a[data-client-id]')
    .evaluateAll((as) => as.map((a) => a.dataset.clientId));
  assert.deepEqual(order, ["c-rocket", "c-zed", "c-unknown"]);
  const cards = await page.locator("main a[data-client-id]").evaluateAll((as) =>
    Object.fromEntries(
      as.map((a) => {
        const text = (sel) => a.querySelector(sel)?.textContent ?? null;
        const warnings = a.querySelector(".fact.warnings");
        return [
          a.dataset.clientId,
          {
            href: a.getAttribute("href"),
            name: text(".card-name"),
            revenue: text(".fact.revenue"),
            renewal: text(".fact.renewal"),
            soon: a.querySelector(".fact.renewal")?.classList.contains("soon") ?? false,
            warnings: warnings.textContent,
            signs: warnings.getAttribute("title"),
            blindSpot: a.querySelector(".blind-spot")?.getAttribute("title") ?? null,
          },
        ];
      }),
    ),
  );

  // The signs' names, as the filter offers them (one name has a comma).
  const names = (await page.locator("#board-sign option").allTextContents()).slice(1);
  assert.ok(names.length >= 9, `the filter lists the signs: ${names}`);
  await page.getByRole("button", { name: "Table" }).click();
  for (const client of clients) {
    const id = client.id;
    const card = cards[id];
    const row = page.locator(`main table tr[data-client-id="${id}"]`);
    assert.equal(card.href, `/client/${id}`);
    assert.equal(card.name, client.profile.name, `${id}: the name exactly as typed`);
    assert.equal(card.name, await row.locator("th a").textContent(), `${id}: the table names it the same`);
    const revenue = client.profile.annual_revenue;
    assert.equal(card.revenue, revenue ? revenue.toLocaleString("en-US") : "Revenue unknown");
    const renewal = (await row.locator("time").count()) ? await row.locator("time").textContent() : null;
    assert.equal(card.renewal, renewal, `${id}: the renewal as in the table`);
    const signs = Number(await row.locator("td.num").last().textContent());
    assert.equal(card.warnings, signs === 1 ? "1 warning sign" : `${signs} warning signs`);
    const named = names.filter((n) => (card.signs ?? "").includes(n));
    assert.equal(named.length, signs, `${id}: the tooltip names each sign (${card.signs})`);
  }
  assert.equal(cards["c-rocket"].soon, true, "a renewal within three months is marked");
  assert.match(cards["c-rocket"].renewal, /^Renews in 30 days$/);
  assert.equal(cards["c-zed"].renewal, null);
  assert.match(cards["c-northwind"].blindSpot, /^Blind spot: your gut said Loyal and secure, the answers say [^.]+\.$/);
  assert.equal(cards["c-zed"].blindSpot, null);
  assert.equal(await page.locator("main b").count(), 0, "markup in a name stays text");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
