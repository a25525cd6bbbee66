// Two tabs of one browser editing the same client at the same moment: a
// question answered in each is kept from both, found again after a reload,
// and a true conflict (one note written differently in each) is put to the
// user, who can keep their own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addClient, freshPage, useApp } from "./support.mjs";
import { answer, question } from "./checkup.mjs";

const app = useApp();

async function openCheckup(page, id) {
  await page.goto(`${app.url}/client/${id}/assessment`);
  await question(page, "s_committed").waitFor();
}

test("two tabs answering different questions of one client at once keep both answers", async () => {
  const first = await freshPage(app);
  const id = await addClient(first, app, "Twin Tabs Trading");
  await first.waitForTimeout(600);
  const second = await first.context().newPage();
  second.problems = [];
  second.on("pageerror", (err) => second.problems.push(`page error: ${err.message}`));
  await openCheckup(second, id);
  await openCheckup(first, id);

  // At the same moment: neither tab has seen the other's save yet.
  await Promise.all([answer(first, "s_dissent", "yes"), answer(second, "r_price", "yes")]);
  await first.waitForTimeout(1500);

  for (const page of [first, second]) {
    await page.reload();
    await question(page, "s_committed").waitFor();
    assert.equal(await question(page, "s_dissent").locator('input[value="yes"]').isChecked(), true);
    assert.equal(await question(page, "r_price").locator('input[value="yes"]').isChecked(), true);
    await page.locator('[data-verdict="at_risk"]').waitFor();
  }
  assert.deepEqual(first.problems, []);
  assert.deepEqual(second.problems, []);
  await first.context().close();
});

test("the same note written differently in two tabs is put to the user, who can keep theirs", async () => {
  const first = await freshPage(app);
  const id = await addClient(first, app, "Split Decision Ltd");
  await first.waitForTimeout(600);
  const second = await first.context().newPage();
  await openCheckup(second, id);
  await openCheckup(first, id);

  await answer(first, "r_price", "yes");
  await answer(second, "r_price", "yes");
  const note = (page) => question(page, "r_price").getByLabel("Evidence or comment");
  await Promise.all([
    note(first).fill("They asked for 10% off").then(() => note(first).press("Tab")),
    note(second).fill("Price was never raised").then(() => note(second).press("Tab")),
  ]);
  await first.waitForTimeout(1500);

  // Whichever tab saved second is told, naming the question and both notes.
  const told = [];
  for (const page of [first, second]) {
    if ((await page.getByRole("button", { name: "Keep my version of these" }).count()) > 0) told.push(page);
  }
  assert.equal(told.length, 1, "one tab has the conflict to decide");
  const [page] = told;
  const text = await page.locator(".notice.warning").last().innerText();
  assert.match(text, /They asked for 10% off/);
  assert.match(text, /Price was never raised/);
  const mine = page === first ? "They asked for 10% off" : "Price was never raised";
  await page.getByRole("button", { name: "Keep my version of these" }).click();
  await page.waitForTimeout(800);
  await page.reload();
  await question(page, "r_price").waitFor();
  assert.equal(await note(page).inputValue(), mine);
  await first.context().close();
});
