// The client workspace as a salesperson uses it: add a client, answer the
// check-up and watch the live verdict, keep the answers across a reload,
// record people and see the evidence suggest answers, adopt a plan proposal,
// validate the profile, override the category and delete the client.
//
// `data-question` and `data-verdict` are the contract these tests (and
// external ones) rely on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, useApp } from "./support.mjs";
import { answer, HEALTHY, question, skipGutCall } from "./checkup.mjs";

const app = useApp();

async function verdict(page) {
  return page.locator("[data-verdict]").getAttribute("data-verdict");
}

/** Waits until the live verdict shows `id`, then checks it is the only one. */
async function verdictBecomes(page, id) {
  await page.locator(`[data-verdict="${id}"]`).waitFor({ timeout: 5000 });
  assert.equal(await page.locator("[data-verdict]").count(), 1, "one live verdict on the page");
  assert.equal(await verdict(page), id);
}

async function addClient(page, name) {
  await open(page, app, "/client/new");
  await page.getByLabel("Client name").fill(name);
  await page.getByRole("button", { name: "Add client" }).click();
  await page.waitForURL(/\/client\/c[0-9a-z]+\/assessment$/);
  await page.locator("main h1").filter({ hasText: name }).waitFor();
  return new URL(page.url()).pathname.split("/")[2];
}

async function answerAllHealthy(page) {
  for (const [id, value] of Object.entries(HEALTHY)) await answer(page, id, value);
}

async function tab(page, name) {
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name }).click();
  await page.getByRole("navigation", { name: "Client" }).getByRole("link", { name }).and(page.locator('[aria-current="page"]')).waitFor();
}

test("the check-up places the client live, explains why, and survives a reload", async () => {
  const page = await freshPage(app);
  const id = await addClient(page, "Acme Tools");
  assert.equal(await page.locator("[data-question]").count(), 25, "all 25 questions are asked");
  await verdictBecomes(page, "unassessed");
  assert.equal(
    await page.getByRole("link", { name: "Check-up" }).getAttribute("aria-current"),
    "page",
    "the check-up tab is current",
  );
  // Gut first: the reasons wait for the gut call; this test skips it.
  await skipGutCall(page);

  // All healthy but the last: secure must be earned by a full questionnaire.
  const entries = Object.entries(HEALTHY);
  for (const [q, value] of entries.slice(0, -1)) await answer(page, q, value);
  await verdictBecomes(page, "unassessed");
  assert.match(await page.locator(".verdict-panel").innerText(), /Still open/);
  const [lastQ, lastA] = entries.at(-1);
  await answer(page, lastQ, lastA);
  await verdictBecomes(page, "secure");
  assert.match(await page.locator(".progress-line").innerText(), /Answered 25 of 25/);

  // One at-risk signal: the verdict moves and names the question and note.
  await answer(page, "r_price", "yes");
  await question(page, "r_price").getByLabel("Evidence or comment").fill("Asked for three quotes in March");
  await question(page, "r_price").getByLabel("Evidence or comment").press("Tab");
  await verdictBecomes(page, "at_risk");
  const reason = page.locator('.verdict-panel [data-reason="r_price"]');
  await reason.filter({ hasText: "three quotes" }).waitFor();
  assert.match(await reason.innerText(), /price/i, "the reason shows the question text");
  assert.match(await reason.innerText(), /Yes/);
  assert.equal(await page.locator('.client-header [data-category="at_risk"]').count(), 1, "the header badge follows");
  // Triage is offered for an at-risk client.
  assert.equal(await page.getByRole("link", { name: "Triage" }).count(), 1);

  await page.waitForTimeout(500);
  await page.reload();
  await question(page, "r_price").waitFor();
  await verdictBecomes(page, "at_risk");
  assert.equal(await page.locator('[data-question] input[type="radio"]:checked').count(), 25);
  assert.equal(await question(page, "r_price").locator('input[value="yes"]').isChecked(), true);
  assert.equal(
    await question(page, "r_price").getByLabel("Evidence or comment").inputValue(),
    "Asked for three quotes in March",
  );
  assert.equal(new URL(page.url()).pathname, `/client/${id}/assessment`);
  // The skip belongs to this session: after a reload the reasons wait again.
  await skipGutCall(page);
  await page.locator('.verdict-panel [data-reason="r_price"]').waitFor();

  // Clearing the answer takes the reason away again.
  await question(page, "r_price").getByRole("button", { name: /Clear/ }).click();
  await verdictBecomes(page, "unassessed");
  assert.equal(await page.locator('.verdict-panel [data-reason="r_price"]').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a dissatisfied person suggests dissent, Accept records it, and a proposal becomes an action", async () => {
  const page = await freshPage(app);
  await addClient(page, "Borealis Freight");
  await skipGutCall(page);
  await answerAllHealthy(page);
  await verdictBecomes(page, "secure");
  assert.equal(await question(page, "s_dissent").locator(".suggestion").count(), 0, "no suggestion without evidence");

  await tab(page, "People");
  await page.getByRole("button", { name: "Add a person" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Dana Cole");
  await page.getByLabel("Job title").fill("Head of logistics");
  await page.getByLabel("Stance").selectOption("dissatisfied");
  await page.getByRole("button", { name: "Add person" }).click();
  await page.locator(".person").filter({ hasText: "Dana Cole" }).waitFor();
  await page.getByRole("button", { name: "Add a person" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Sam Promo");
  await page.getByLabel("Stance").selectOption("promoter");
  await page.getByRole("button", { name: "Add person" }).click();
  await page.locator(".person").filter({ hasText: "Sam Promo" }).waitFor();
  const groups = await page.locator(".stance-group").evaluateAll((els) => els.map((e) => e.dataset.stance));
  assert.deepEqual(groups, ["dissatisfied", "promoter"], "obstacles come first");

  await tab(page, "Check-up");
  const suggestion = question(page, "s_dissent").locator(".suggestion");
  await suggestion.waitFor();
  assert.match(await suggestion.innerText(), /Dana Cole/, "the suggestion shows its evidence");
  assert.match(await suggestion.innerText(), /Yes/);
  // Suggested, not yet answered: the stored answer is still "no".
  assert.equal(await question(page, "s_dissent").locator('input[value="no"]').isChecked(), true);
  await verdictBecomes(page, "secure");
  await suggestion.getByRole("button", { name: "Accept" }).click();
  await verdictBecomes(page, "not_secure");
  assert.equal(await question(page, "s_dissent").locator('input[value="yes"]').isChecked(), true);
  assert.equal(await question(page, "s_dissent").locator(".suggestion").count(), 0);
  assert.match(
    await question(page, "s_dissent").getByLabel("Evidence or comment").inputValue(),
    /Dana Cole/,
    "the evidence is kept as the note",
  );
  await page.locator('.verdict-panel [data-reason="s_dissent"]').waitFor();

  await tab(page, "Plan");
  const first = page.locator(".proposal").first();
  const title = (await first.locator(".proposal-title").innerText()).trim();
  assert.ok(title.length > 0);
  const before = await page.locator(".proposal").count();
  await first.getByRole("button", { name: /Adopt/ }).click();
  const adopted = page.locator(".action-list .action-title input");
  await adopted.first().waitFor();
  assert.equal(await adopted.first().inputValue(), title);
  assert.equal(await page.locator(".proposal").count(), before - 1, "an adopted proposal is not proposed again");
  const due = await page.locator(".action-list .action-due input").first().inputValue();
  assert.match(due, /^\d{4}-\d{2}-\d{2}$/, "the action has a due date");

  // Done survives a reload.
  await page.locator(".action-list .action").first().getByRole("checkbox").check();
  await page.waitForTimeout(500);
  await page.reload();
  await page.locator(".action-list .action-title input").first().waitFor();
  assert.equal(await page.locator(".action-list .action-title input").first().inputValue(), title);
  assert.equal(await page.locator(".action-list .action").first().getByRole("checkbox").isChecked(), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the profile refuses what it cannot read and keeps what it can", async () => {
  const page = await freshPage(app);
  const id = await addClient(page, "Cobalt Labs");
  await tab(page, "Profile");

  const revenue = page.getByLabel("Annual revenue");
  await revenue.fill("12k");
  await revenue.press("Tab");
  const revenueField = page.locator(".field").filter({ has: revenue });
  await revenueField.locator(".field-error").waitFor();
  assert.equal(await revenue.getAttribute("aria-invalid"), "true");

  const end = page.getByLabel("Contract end");
  await end.fill("2026-02-30");
  await end.press("Tab");
  const endField = page.locator(".field").filter({ has: end });
  await endField.locator(".field-error").waitFor();
  assert.match(await endField.locator(".field-error").innerText(), /not a day/);

  await page.getByLabel("Margin").fill("22%");
  await page.getByLabel("Margin").press("Tab");
  await page.getByLabel("Tags").fill("logistics, key account,  ,logistics");
  await page.getByLabel("Tags").press("Tab");
  await page.getByLabel("Strategic importance").selectOption("high");
  const name = page.getByLabel("Name", { exact: true });
  await name.fill("Cobalt Laboratories");
  await name.press("Tab");
  await page.locator("main h1").filter({ hasText: "Cobalt Laboratories" }).waitFor();

  await page.waitForTimeout(500);
  await page.reload();
  await page.getByLabel("Annual revenue").waitFor();
  assert.equal(await page.getByLabel("Annual revenue").inputValue(), "", "invalid revenue was not saved");
  assert.equal(await page.getByLabel("Contract end").inputValue(), "", "an impossible date was not saved");
  assert.equal(await page.getByLabel("Margin").inputValue(), "22%");
  assert.equal(await page.getByLabel("Tags").inputValue(), "logistics, key account");
  assert.equal(await page.getByLabel("Strategic importance").inputValue(), "high");

  await page.getByLabel("Annual revenue").fill("1,250,000");
  await page.getByLabel("Annual revenue").press("Tab");
  assert.equal(await page.locator(".field-error").count(), 0, "a valid value clears the message");
  await page.waitForTimeout(500);
  await page.reload();
  await page.getByLabel("Annual revenue").waitFor();
  assert.equal(await page.getByLabel("Annual revenue").inputValue(), "1,250,000");
  assert.equal(new URL(page.url()).pathname, `/client/${id}/profile`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("issues show their age, triage needs loss reasons, an override shows both, delete leaves", async () => {
  const page = await freshPage(app);
  const id = await addClient(page, "Delta Print");
  await answer(page, "l_notified", "yes");
  await verdictBecomes(page, "inevitable_loss");

  await tab(page, "Issues & contacts");
  await page.locator("summary", { hasText: "Add an issue" }).click();
  await page.getByLabel("Issue", { exact: true }).fill("Late deliveries");
  await page.getByLabel("Severity").selectOption("serious");
  const opened = new Date(Date.now() - 45 * 86400000);
  const ymd = `${opened.getFullYear()}-${String(opened.getMonth() + 1).padStart(2, "0")}-${String(opened.getDate()).padStart(2, "0")}`;
  await page.getByLabel("Opened on").fill(ymd);
  await page.getByRole("button", { name: "Add issue" }).click();
  const issue = page.locator(".issue").filter({ hasText: "Late deliveries" });
  await issue.waitFor();
  assert.match(await issue.innerText(), /Open 45 days/);
  await page.getByRole("button", { name: "Record contact" }).click();
  await page.locator(".touchpoint").first().waitFor();

  await tab(page, "Triage");
  await page.getByLabel("Let go well").check();
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.locator(".triage-form .field-error").waitFor();
  assert.match(await page.locator(".triage-form .field-error").innerText(), /why the client is being lost/i);
  await page.getByLabel("Why the client is being lost").fill("Moved purchasing to their parent group");
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.locator('.recorded[data-outcome="let_go_well"]').waitFor();

  await tab(page, "History");
  assert.equal(await page.locator(".history-chart svg circle").count(), 1);
  assert.match(await page.locator(".history-table tbody").innerText(), /Inevitable loss/);

  await tab(page, "Check-up");
  await page.locator("summary", { hasText: "Override the category" }).click();
  await page.getByLabel("Place the client in").selectOption("at_risk");
  await page.getByRole("button", { name: "Override", exact: true }).click();
  await page.locator(".override .field-error").waitFor();
  await verdictBecomes(page, "inevitable_loss");
  await page.getByLabel("Reason for the override").fill("Their new CFO reopened the talks");
  await page.getByRole("button", { name: "Override", exact: true }).click();
  await verdictBecomes(page, "at_risk");
  assert.equal(await page.locator('.verdict-computed[data-computed="inevitable_loss"]').count(), 1, "the computed category stays visible");
  await page.getByRole("button", { name: "Clear override" }).click();
  await verdictBecomes(page, "inevitable_loss");

  await page.getByRole("button", { name: "Delete client" }).click();
  await page.waitForURL(app.url + "/board");
  await open(page, app, `/client/${id}`);
  assert.equal(await page.locator("main h1").first().innerText(), "Client not found");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
