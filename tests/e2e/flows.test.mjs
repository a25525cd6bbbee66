// Whole flows a salesperson goes through, end to end: one client walked
// through all four categories with the board following, everything found
// again after a reload; the demo visited and left with one's own data
// intact; and a check-up done with the keyboard only (the views printed,
// exported and edited in place are in flows_views.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, openDemo, useApp } from "./support.mjs";
import { answer, HEALTHY, question, skipGutCall } from "./checkup.mjs";

const app = useApp();

const CATEGORIES = ["secure", "not_secure", "at_risk", "inevitable_loss", "unassessed"];

async function verdictIs(page, id) {
  await page.locator(`[data-verdict="${id}"]`).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("[data-verdict]").count(), 1);
}

async function addClient(page, name) {
  await open(page, app, "/client/new");
  await page.getByLabel("Client name").fill(name);
  await page.getByRole("button", { name: "Add client" }).click();
  await page.waitForURL(/\/client\/[^/]+\/assessment$/);
  await page.locator("main h1").filter({ hasText: name }).waitFor();
  return new URL(page.url()).pathname.split("/")[2];
}

async function nav(page, name) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
}

/** The board column a client's card sits in, after checking it is in exactly one. */
async function columnOf(page, id) {
  await page.locator(`main a[data-client-id="${id}"]`).waitFor();
  const found = [];
  for (const c of CATEGORIES) {
    if ((await page.locator(`section[data-category="${c}"] [data-client-id="${id}"]`).count()) > 0) found.push(c);
  }
  assert.equal(found.length, 1, `the card is in exactly one column: ${found}`);
  return found[0];
}

/** Goes to the board, checks the card's column, and comes back to the check-up. */
async function boardShows(page, id, category) {
  await nav(page, "Board");
  await page.waitForURL(app.url + "/board");
  await page.locator(`section[data-category="${category}"] [data-client-id="${id}"]`).waitFor();
  assert.equal(await columnOf(page, id), category);
  await page.locator(`main a[data-client-id="${id}"]`).click();
  await page.waitForURL(app.url + `/client/${id}`);
  await question(page, "s_committed").waitFor();
}

/** The reason for a question is listed in the verdict, with the question's own words. */
async function reasonShown(page, q) {
  const reason = page.locator(`.verdict-panel [data-reason="${q}"]`);
  await reason.waitFor();
  assert.ok(await reason.isVisible(), `the reason ${q} is visible`);
  const legend = (await question(page, q).locator("legend").innerText()).trim();
  assert.ok(legend.length > 10);
  assert.equal((await reason.locator(".reason-question").innerText()).trim(), legend);
  assert.match(await reason.locator(".reason-answer").innerText(), /^(Yes|Unsure)$/);
}

test("one client walks through all four categories, the board follows, and a reload keeps it all", async () => {
  const page = await freshPage(app);
  const id = await addClient(page, "Fourfold Metals");
  await verdictIs(page, "unassessed");
  await skipGutCall(page);

  for (const [q, v] of Object.entries(HEALTHY)) await answer(page, q, v);
  await verdictIs(page, "secure");
  assert.match(await page.locator(".verdict-panel").innerText(), /Every check is healthy/);
  assert.equal(await page.locator(".verdict-panel [data-reason]").count(), 0, "no reason against a secure client");
  await boardShows(page, id, "secure");

  // Each step adds one worse signal; the verdict names it and the card moves.
  const steps = [
    ["s_dissent", "yes", "not_secure"],
    ["r_price", "yes", "at_risk"],
    ["l_notified", "yes", "inevitable_loss"],
  ];
  for (const [q, v, category] of steps) {
    await answer(page, q, v);
    await verdictIs(page, category);
    await reasonShown(page, q);
    assert.equal(
      await page.locator(`.verdict-panel [data-reason="${q}"]`).getAttribute("data-category"),
      category,
      `${q} is a reason for ${category}`,
    );
    assert.equal(await page.locator(`.client-header .category-badge[data-category="${category}"]`).count(), 1);
    await boardShows(page, id, category);
  }

  // Changing one answer back moves the card back a step.
  await answer(page, "l_notified", "no");
  await verdictIs(page, "at_risk");
  assert.equal(await page.locator('.verdict-panel [data-reason="l_notified"]').count(), 0);
  await reasonShown(page, "r_price");
  await boardShows(page, id, "at_risk");

  // A reload finds the answers, the verdict and the board placement.
  await page.waitForTimeout(600);
  await page.reload();
  await question(page, "s_committed").waitFor();
  await verdictIs(page, "at_risk");
  const expected = { ...HEALTHY, s_dissent: "yes", r_price: "yes" };
  for (const [q, v] of Object.entries(expected)) {
    assert.equal(
      await question(page, q).locator(`input[value="${v}"]`).isChecked(),
      true,
      `${q} is still ${v} after the reload`,
    );
  }
  await skipGutCall(page);
  await reasonShown(page, "s_dissent");
  await reasonShown(page, "r_price");
  await open(page, app, "/board");
  assert.equal(await columnOf(page, id), "at_risk");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the demo can be visited, changed and left, and one's own client is there as it was", async () => {
  const page = await freshPage(app);
  const id = await addClient(page, "Own Client Works");
  await answer(page, "l_notified", "yes");
  const note = question(page, "l_notified").getByLabel("Evidence or comment");
  await note.fill("Told us in the October review");
  await note.press("Tab");
  await verdictIs(page, "inevitable_loss");
  await page.waitForTimeout(600);

  await openDemo(page, app);
  await page.locator(".demo-banner").waitFor();
  const demoIds = await page.locator("main a[data-client-id]").evaluateAll((as) => as.map((a) => a.dataset.clientId));
  assert.ok(demoIds.length > 10, "the demo has its clients");
  assert.ok(!demoIds.includes(id), "one's own client is not on the demo board");

  // A change in the demo (an answer on a demo client's check-up) stays there.
  await page.locator('main section[data-category="secure"] a[data-client-id]').first().click();
  await question(page, "l_notified").waitFor();
  await answer(page, "l_notified", "yes");
  await verdictIs(page, "inevitable_loss");

  await page.getByRole("button", { name: "Leave the demo" }).click();
  await page.locator(".demo-banner").waitFor({ state: "detached" });
  await nav(page, "Board");
  await page.waitForURL(app.url + "/board");
  await page.locator(`main a[data-client-id="${id}"]`).waitFor();
  assert.equal(await page.locator("main a[data-client-id]").count(), 1, "the demo clients are gone");
  assert.equal(await columnOf(page, id), "inevitable_loss");

  await page.locator(`main a[data-client-id="${id}"]`).click();
  await verdictIs(page, "inevitable_loss");
  assert.equal(await question(page, "l_notified").locator('input[value="yes"]').isChecked(), true);
  assert.equal(
    await question(page, "l_notified").getByLabel("Evidence or comment").inputValue(),
    "Told us in the October review",
  );

  // Storage holds one's own client only, and a reload shows just that.
  await page.waitForTimeout(600);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("continuum/v1/client/")));
  assert.deepEqual(stored, [`continuum/v1/client/${id}`]);
  await open(page, app, "/board");
  await page.locator(`main a[data-client-id="${id}"]`).waitFor();
  assert.equal(await page.locator("main a[data-client-id]").count(), 1);
  assert.equal(await page.locator(".demo-banner").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a check-up can be done with the keyboard alone", async () => {
  const page = await freshPage(app);
  await addClient(page, "Keyboard Only Co");
  await verdictIs(page, "unassessed");
  await skipGutCall(page);
  await page.locator("main h1").first().focus();

  /** Presses Tab until focus is on a radio of question `q` (or gives up). */
  async function tabTo(q) {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const at = await page.evaluate(() => {
        const el = document.activeElement;
        const fs = el && el.closest("[data-question]");
        return el && el.type === "radio" && fs ? fs.dataset.question : null;
      });
      if (at === q) return;
    }
    throw new Error(`Tab never reached question ${q}`);
  }
  const focused = () =>
    page.evaluate(() => ({
      value: document.activeElement.value,
      name: document.activeElement.name,
      visible: document.activeElement.matches(":focus-visible"),
    }));
  const checked = (q) => question(page, q).locator("input:checked").evaluateAll((els) => els.map((e) => e.value));

  // The first question: arrows move between yes, no and unsure, and select.
  await tabTo("s_committed");
  let f = await focused();
  assert.equal(f.value, "yes", "Tab enters the group on its first choice");
  assert.ok(f.visible, "the focused choice shows a focus ring");
  await page.keyboard.press("Space");
  assert.deepEqual(await checked("s_committed"), ["yes"]);
  await page.keyboard.press("ArrowRight");
  assert.deepEqual(await checked("s_committed"), ["no"]);
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await checked("s_committed"), ["unsure"]);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.deepEqual(await checked("s_committed"), ["yes"]);
  f = await focused();
  assert.equal(f.value, "yes");
  assert.equal(f.name, await question(page, "s_committed").locator('input[value="no"]').getAttribute("name"), "one group, one name");

  // Every other question: Tab to it, then Space (yes) or an arrow (no).
  for (const [q, v] of Object.entries(HEALTHY).slice(1)) {
    await tabTo(q);
    await page.keyboard.press(v === "yes" ? "Space" : "ArrowRight");
    assert.deepEqual(await checked(q), [v], `${q} answered ${v} from the keyboard`);
  }
  await verdictIs(page, "secure");
  assert.match(await page.locator(".progress-line").innerText(), /Answered 25 of 25/);

  // A worse answer from the keyboard moves the verdict and names the reason.
  await page.keyboard.press("ArrowLeft"); // l_we_changed: no -> yes
  await verdictIs(page, "inevitable_loss");
  await page.locator('.verdict-panel [data-reason="l_we_changed"]').waitFor();
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
