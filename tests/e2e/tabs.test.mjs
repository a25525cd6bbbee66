// Two tabs of one browser editing the same client at the same moment: a
// question answered in each is kept from both, found again after a reload,
// and a true conflict (one note written differently in each) is put to the
// user, who can keep their own (that case is covered by tests/browser_tabs.rs).
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
