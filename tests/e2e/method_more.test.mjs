// More of METHOD.md on screen, as a person meets it: the gut call comes
// before the verdict's reasons, the board filters to clients like a lost
// one, on a phone the verdict is one line that never covers the question
// being answered, and the team view shows who moved across every member.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addClient as addClientTo, freshPage, open, openDemo as openDemoIn, useApp } from "./support.mjs";
import { answer, HEALTHY, question, skipGutCall } from "./checkup.mjs";

const app = useApp();
const addClient = (page, name) => addClientTo(page, app, name);
const openDemo = (page) => openDemoIn(page, app);

async function verdictIs(page, id) {
  await page.locator(`[data-verdict="${id}"]`).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("[data-verdict]").count(), 1);
}

/** All healthy, then one at-risk answer: the verdict is "At risk" for one reason. */
async function answerAtRisk(page) {
  for (const [q, v] of Object.entries(HEALTHY)) await answer(page, q, v);
  await answer(page, "r_price", "yes");
  await verdictIs(page, "at_risk");
}

const reason = (page, q) => page.locator(`.verdict-panel [data-reason="${q}"]`);

test("gut first: the reasons wait for the gut call, then gut and answers are compared", async () => {
  const page = await freshPage(app);
  await addClient(page, "Gut First Co");
  const gut = page.locator("fieldset.gut");
  assert.equal(await gut.getAttribute("data-gut-call"), "owed");
  // The gut question comes before the first question of the check-up.
  const above = await page.evaluate(() => {
    const g = document.querySelector("fieldset.gut");
    const q = document.querySelector("fieldset[data-question]");
    return Boolean(g.compareDocumentPosition(q) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(above, "the gut call is asked above the questions");

  // Answered without a gut call: the verdict shows, its reasons wait.
  await answerAtRisk(page);
  assert.equal(await reason(page, "r_price").count(), 0, "no reason before the gut call");
  assert.equal(await page.locator(".verdict-panel [data-path-panel]").count(), 0, "no path before the gut call");
  assert.ok(await page.getByRole("button", { name: /^Show why/ }).isVisible());

  // The gut says secure: the reasons show, and the gap is named a blind spot.
  await gut.getByLabel("Loyal and secure").check();
  await page.locator('fieldset.gut[data-gut-call="given"]').waitFor();
  await reason(page, "r_price").waitFor();
  assert.match(
    await page.locator("[data-gut-comparison]").innerText(),
    /^Blind spot: your gut said Loyal and secure, the answers say At risk, 2 steps worse than you thought\.$/,
  );
  await verdictIs(page, "at_risk");

  // Clearing the placement owes the call again; "Show why" skips it.
  await gut.getByRole("button", { name: "Clear my placement" }).click();
  await page.locator('fieldset.gut[data-gut-call="owed"]').waitFor();
  assert.equal(await reason(page, "r_price").count(), 0);
  assert.equal(await page.locator("[data-gut-comparison]").count(), 0);
  await page.getByRole("button", { name: /^Show why/ }).click();
  await page.locator('fieldset.gut[data-gut-call="skipped"]').waitFor();
  await reason(page, "r_price").waitFor();
  assert.equal(await page.locator("[data-gut-comparison]").count(), 0, "nothing to compare after a skip");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("gut first: the skip button itself, and an earlier check-up holds nothing back", async () => {
  const page = await freshPage(app);
  await addClient(page, "Skipper Ltd");
  await skipGutCall(page);
  await answerAtRisk(page);
  await reason(page, "r_price").waitFor();

  // A demo client's check-up is days old: its reasons show at once.
  await openDemo(page);
  const card = page.locator('main [data-category="at_risk"] a[data-client-id]').first();
  const id = await card.getAttribute("data-client-id");
  await card.click();
  await page.waitForURL(new RegExp(`/client/${id}`));
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name: "Check-up" }).click();
  await page.locator(".verdict-panel [data-reason]").first().waitFor();
  assert.notEqual(await page.locator("fieldset.gut").getAttribute("data-gut-call"), "owed");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the board filters to the clients like a lost client: the lessons of its loss", async () => {
  const page = await freshPage(app);
  await openDemo(page);
  const card = page.locator('main [data-category="at_risk"] a[data-client-id]').first();
  const id = await card.getAttribute("data-client-id");
  const name = (await card.locator(".card-name").innerText()).trim();
  await card.click();
  await page.waitForURL(new RegExp(`/client/${id}`));
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name: "Profile" }).click();
  await page.getByLabel("Lost on").fill("2026-11-30");
  await page.getByLabel("Lost on").press("Tab");
  await page.locator(".lessons .lesson-list li").first().waitFor();
  const lessons = await page.locator(".lessons .lesson-list li").evaluateAll((els) => els.map((e) => e.dataset.lesson));
  assert.ok(lessons.length > 0);

  const like = page.getByLabel("Like a lost client");
  const shownAreTheLessons = async () => {
    await page.locator(".filter-status", { hasText: `Showing ${lessons.length} of` }).waitFor();
    const shown = await page
      .locator("main [data-category] a[data-client-id]")
      .evaluateAll((els) => els.map((e) => e.dataset.clientId));
    assert.deepEqual([...shown].sort(), [...lessons].sort(), "the board shows exactly the lessons of the loss");
    assert.ok(!shown.includes(id), "never the lost client itself");
  };
  // The lessons' own link opens the board filtered to them.
  await page.locator(".lessons").getByRole("link", { name: "See them on the board" }).click();
  await page.waitForURL(new RegExp(`/board\\?like=${id}$`));
  await shownAreTheLessons();
  assert.equal(await like.inputValue(), id);

  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.locator(".filter-status", { hasText: "on the board" }).waitFor();
  const before = await page.locator("main [data-category] a[data-client-id]").count();
  assert.ok(lessons.length < before, "the filter leaves some clients out");
  assert.equal(await like.inputValue(), "");
  // And the board's own filter, chosen by name, gives the same.
  await like.selectOption({ label: `Like ${name} (lost)` });
  await shownAreTheLessons();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("on a phone the verdict is one line that never covers the question being answered", async () => {
  const page = await freshPage(app, { viewport: { width: 360, height: 780 } });
  await addClient(page, "Pocket Co");
  await skipGutCall(page);
  await answerAtRisk(page);
  const panel = page.locator(".verdict-panel");
  const line = await page.locator("[data-verdict]").innerText();
  assert.match(line, /At risk/);
  assert.match(line, /1 reason/);
  // The answered count, and the change just made with where it moved from.
  assert.match(line, /\b\d+\/25\b/);
  const change = page.locator(".verdict-line .verdict-change");
  assert.ok(await change.isVisible(), "the change just made is on the line");
  assert.match(await change.innerText(), /^Last change: “.+” Yes, moved from Loyal and secure$/);
  const box = await panel.boundingBox();
  assert.ok(box.height < 100, `the folded panel is one line (${box.height}px high)`);
  assert.equal(await reason(page, "r_price").isVisible(), false, "the reasons wait to be asked for");

  for (const q of ["s_committed", "n_shops", "r_price", "l_notified", "l_we_changed"]) {
    for (const value of ["yes", "no", "unsure"]) {
      const radio = question(page, q).locator(`input[type="radio"][value="${value}"]`);
      // The harshest scroll: the radio brought to the bottom of the screen.
      await radio.evaluate((el) => el.scrollIntoView({ block: "end" }));
      const hit = await radio.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return at === el || at === el.closest("label") || el.closest("label").contains(at);
      });
      assert.ok(hit, `${q}=${value} is not covered by the verdict`);
    }
  }

  const toggle = page.getByRole("button", { name: "Show reasons" });
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await reason(page, "r_price").waitFor();
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await reason(page, "r_price").waitFor({ state: "hidden" });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the team view shows who moved across every member's clients", async () => {
  const page = await freshPage(app);
  await open(page, app, "/team");
  await page.getByRole("button", { name: "Open a demo team" }).click();
  await page.getByText("Demo team.", { exact: false }).first().waitFor();
  const movement = page.locator(".team-movement");
  await movement.locator("summary", { hasText: "Movement since the previous check-up" }).click();
  const counts = await movement
    .locator(".movement-table td[data-from][data-to]")
    .evaluateAll((tds) => tds.map((td) => ({ from: td.dataset.from, to: td.dataset.to, n: Number(td.innerText.trim()) })));
  const moved = counts.filter((c) => c.from !== c.to).reduce((s, c) => s + c.n, 0);
  assert.ok(moved > 0, "someone moved in the demo team");
  assert.equal(await movement.locator("ul.movers li").count(), moved, "every move in the table is listed");

  const count = movement.locator(".movement-table button").first();
  const n = Number((await count.innerText()).trim());
  const label = await count.getAttribute("aria-label");
  await count.click();
  await movement.locator(".movement-picked h3", { hasText: label }).waitFor();
  const links = movement.locator(".movement-picked li a");
  assert.equal(await links.count(), n, "as many clients as the count says");
  const href = await links.first().getAttribute("href");
  assert.match(href, /^\/team\/client\//, "a count opens the team's read-only record");
  await links.first().click();
  await page.waitForURL(app.url + href);
  await page.locator(".team-client h1").waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
