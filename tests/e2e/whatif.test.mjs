// Issue 16 as a salesperson meets it in the demo: the path to a safer
// category turned into a plan action, a what-if departure that changes the
// picture without writing anything, applying a change with one undo, and the
// board filtered to fragile clients.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, useApp } from "./support.mjs";

const app = useApp();

async function openDemoBoard(page) {
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.waitForURL(app.url + "/board");
  await page.locator(".demo-banner").waitFor();
}

// The verdict and the warning signs of one side of the what-if.
const picture = async (side) =>
  `${await side.locator("[data-whatif-verdict]").getAttribute("data-whatif-verdict")} ${await side.locator(".whatif-signs").innerText()}`;

const storage = (page) =>
  page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

test("an at-risk client: follow the path to a plan action, simulate a departure, apply and undo", async () => {
  const page = await freshPage(app);
  await openDemoBoard(page);
  const card = page.locator('[data-category="at_risk"] a[data-client-id]').first();
  const id = await card.getAttribute("data-client-id");
  await card.click();
  await page.waitForURL(new RegExp(`/client/${id}`));

  // The path panel beside the verdict: one click turns a step into an action.
  const panel = page.locator("[data-path-panel]");
  await panel.waitFor();
  assert.match(await panel.innerText(), /To reach .Loyal, not secure./);
  const step = panel.locator("li.path-step").first();
  const goal = (await step.locator(".path-goal").innerText()).trim();
  await step.getByRole("button", { name: /^Add to plan/ }).click();
  await step.getByText("In the plan").waitFor();
  await page.locator('a[data-tab="plan"]').click();
  await page.locator(".action-list").getByText(goal).first().waitFor();
  await page.locator('a[data-tab="assessment"]').click();

  // What-if: a departure changes the simulated side; nothing is written.
  const before = await storage(page);
  const today = page.locator('[data-whatif-side="today"]');
  const simulated = page.locator('[data-whatif-side="simulated"]');
  await page.getByRole("button", { name: /What if/ }).click();
  await page.getByText("Simulation started", { exact: false }).waitFor({ state: "attached" });
  assert.match(await page.locator(".whatif-banner").innerText(), /Simulation/);
  const people = page.getByLabel(/^What if /);
  const n = await people.count();
  assert.ok(n > 0, "the demo client has people");
  let changed = false;
  for (let i = 0; i < n && !changed; i++) {
    await people.nth(i).selectOption("leaves");
    changed = (await picture(today)) !== (await picture(simulated));
    if (!changed) await people.nth(i).selectOption("");
  }
  assert.ok(changed, "some departure changes the verdict or the warning signs");
  assert.equal(await storage(page), before, "a simulation writes nothing");

  // Apply, then undo: the header follows the record both ways.
  const badge = page.locator(".client-header .category-badge");
  const header = page.locator(".client-header");
  const headerBefore = await header.innerText();
  const categoryBefore = await badge.getAttribute("data-category");
  const simulatedVerdict = await simulated.locator("[data-whatif-verdict]").getAttribute("data-whatif-verdict");
  await page.getByRole("button", { name: "Apply these changes to the client" }).click();
  await page.locator(".whatif-panel").waitFor({ state: "detached" });
  assert.equal(await badge.getAttribute("data-category"), simulatedVerdict);
  assert.notEqual(await header.innerText(), headerBefore, "the departure is now real");
  await page.getByRole("button", { name: "Undo what-if changes" }).click();
  await page.getByRole("button", { name: "Undo what-if changes" }).waitFor({ state: "detached" });
  assert.equal(await badge.getAttribute("data-category"), categoryBefore);
  assert.equal(await header.innerText(), headerBefore);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("leaving the what-if discards it", async () => {
  const page = await freshPage(app);
  await openDemoBoard(page);
  await page.locator('[data-category="secure"] a[data-client-id]').first().click();
  await page.getByRole("button", { name: /What if/ }).click();
  await page.getByLabel("They invite a competitor in").check();
  await page.getByRole("button", { name: "Leave the what-if (discard)" }).click();
  await page.getByRole("button", { name: /What if/ }).click();
  assert.equal(await page.getByLabel("They invite a competitor in").isChecked(), false);
  assert.equal(
    await page.locator('[data-whatif-side="simulated"] [data-whatif-verdict]').getAttribute("data-whatif-verdict"),
    await page.locator('[data-whatif-side="today"] [data-whatif-verdict]').getAttribute("data-whatif-verdict"),
  );
  await page.context().close();
});

test("the board filters to fragile clients", async () => {
  const page = await freshPage(app);
  await openDemoBoard(page);
  const cards = page.locator("main a[data-client-id]");
  const total = await cards.count();
  await page.getByLabel("Fragile: one departure away from a worse category").check();
  await page.getByText(/^Showing \d+ of/).waitFor();
  const shown = await cards.count();
  assert.ok(shown < total, `fragile shows ${shown} of ${total}`);
  await page.getByLabel("Fragile: one departure away from a worse category").uncheck();
  await page.getByText(/on the board\.$/).waitFor();
  assert.equal(await cards.count(), total);
  await page.context().close();
});

test("at 360 px wide the what-if and the path fit, and the keyboard reaches them", async () => {
  const page = await freshPage(app, { viewport: { width: 360, height: 740 } });
  await openDemoBoard(page);
  await page.locator('[data-category="at_risk"] a[data-client-id]').first().click();
  // On a phone the verdict is one line: its reasons and path open on request.
  const more = page.getByRole("button", { name: "Show reasons" });
  await more.focus();
  await page.keyboard.press("Enter");
  assert.equal(await more.getAttribute("aria-expanded"), "true");
  await page.locator("[data-path-panel]").waitFor();
  const whatIf = page.getByRole("button", { name: /What if/ });
  await whatIf.focus();
  await page.keyboard.press("Enter");
  await page.locator(".whatif-banner").waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide`);
  await page.context().close();
});
