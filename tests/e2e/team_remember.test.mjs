// Remembering a team on this browser and coming back to it: files kept in
// the browser's database (never in the local storage the manager's own
// portfolio uses), a twenty-person team of rich files read with progress and
// back on the next visit without picking, team files an earlier version kept
// in local storage still opening, and the demo team surviving a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, useApp } from "./support.mjs";
import { BOB, allStorage, peopleTable, rememberedInDatabase, richFile, teamColumns, tmpFile, withApp } from "./team_support.mjs";

const app = useApp();
const { managerPage, openTeamFiles } = withApp(app);

test("a full local storage does not stop a team being remembered; a database that refuses says so and the files stay open", async () => {
  const page = await freshPage(app);
  await openTeamFiles(page, [await tmpFile("bob-full.json", BOB)]);
  await page.locator(".team-board [data-client-id=c-dune]").waitFor();
  // Fill this origin's local storage with something that is not Continuum's.
  await page.evaluate(() => {
    for (const size of [256 * 1024, 1024]) {
      for (let i = 0; ; i++) {
        try {
          localStorage.setItem(`filler-${size}-${i}`, "x".repeat(size));
        } catch {
          break;
        }
      }
    }
  });
  const filled = await allStorage(page);
  await page.getByRole("button", { name: "Remember these files on this browser" }).click();
  await page.locator(".remembered").waitFor();
  assert.deepEqual(await allStorage(page), filled);
  await page.reload();
  await page.locator(".team-board [data-client-id=c-dune]").waitFor();
  await page.getByRole("button", { name: "Close the team files" }).click();
  await page.locator(".team-board").waitFor({ state: "detached" });

  // A browser whose database has no room left refuses the files.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.reload();
  await openTeamFiles(page, [await tmpFile("bob-full.json", BOB)]);
  await page.locator(".team-board [data-client-id=c-dune]").waitFor();
  await page.getByRole("button", { name: "Remember these files on this browser" }).click();
  await page.getByText("could not be remembered").waitFor();
  assert.match(await page.locator(".team-status").innerText(), /not enough room/);
  assert.equal(await page.locator(".team-board [data-client-id]").count(), 2);
  assert.equal(await page.locator(".remembered").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("team files remembered in local storage by an earlier version still open, and move to the database", async () => {
  const page = await freshPage(app);
  await open(page, app, "/settings");
  await page.evaluate((text) => localStorage.setItem("continuum/v1/team/000/bob-old.json", text), JSON.stringify(BOB));
  await open(page, app, "/team");
  await page.locator(".team-board [data-client-id=c-dune]").waitFor();
  await page.locator(".remembered").waitFor();
  await page.waitForFunction(() => !Object.keys(localStorage).some((k) => k.startsWith("continuum/v1/team/")));
  assert.equal(await rememberedInDatabase(page), 1);
  await page.reload();
  await page.locator(".team-board [data-client-id=c-dune]").waitFor();
  assert.equal(await page.locator('.team-files li[data-file="bob-old.json"]').count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a team of twenty people with 250 clients each is read with progress, remembered, and back on the next visit without picking files", async () => {
  const paths = [];
  for (let p = 1; p <= 20; p++) paths.push(await tmpFile(`seller-${p}.json`, richFile(p, 250)));
  const page = await managerPage();
  const before = await allStorage(page);
  await open(page, app, "/team");
  // Every text the live region shows while the files are read.
  await page.evaluate(() => {
    const region = document.querySelector(".team-status");
    window.__said = [];
    new MutationObserver(() => window.__said.push(region.textContent)).observe(region, { subtree: true, childList: true, characterData: true });
  });
  assert.equal(await page.locator(".team-status").getAttribute("aria-live"), "polite");
  await page.getByLabel("Open team files…").setInputFiles(paths);
  await page.locator(".team-files li").nth(19).waitFor({ timeout: 30000 });
  const said = await page.evaluate(() => window.__said);
  assert.ok(said.some((t) => /^Reading files: \d+ of 20$/.test(t)), said.join(" | "));
  const counts = async () =>
    page.locator(".team-board .column-stats .count").evaluateAll((cs) => cs.map((c) => Number(c.textContent)));
  const shown = await counts();
  assert.equal(shown.reduce((a, b) => a + b, 0), 5000);
  assert.equal(await page.locator("table.team-people tbody tr").count(), 20);

  await page.getByRole("button", { name: "Remember these files on this browser" }).click();
  await page.locator(".remembered").waitFor({ timeout: 30000 });
  assert.doesNotMatch(await page.locator(".team-status").innerText(), /could not/);
  assert.deepEqual(await allStorage(page), before, "the manager's own storage is untouched");
  await page.reload();
  await page.locator(".team-files li").nth(19).waitFor({ timeout: 30000 });
  assert.deepEqual(await counts(), shown);
  assert.equal(await page.locator(".remembered").count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a reload in the demo team keeps the demo and the page open; closing it is one click and stays closed", async () => {
  const page = await freshPage(app);
  await open(page, app, "/team");
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByRole("button", { name: "Open a demo team" }).click();
  await page.locator("table.team-people tbody tr").first().waitFor();
  const people = Object.keys(await peopleTable(page)).sort();
  const columns = await teamColumns(page);
  await page.reload();
  await page.locator("table.team-people tbody tr").first().waitFor();
  assert.equal(new URL(page.url()).pathname, "/team");
  assert.equal(await page.locator(".demo-team").count(), 1);
  assert.deepEqual(Object.keys(await peopleTable(page)).sort(), people);
  assert.deepEqual(await teamColumns(page), columns);
  // Still nothing stored that would mark a returning user.
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);

  await page.getByRole("button", { name: "Close the team files" }).click();
  await page.getByRole("button", { name: "Open a demo team" }).waitFor();
  await page.reload();
  await page.getByRole("button", { name: "Open a demo team" }).waitFor();
  assert.equal(await page.locator(".team-board").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
