// The team view as a manager uses it: two salespeople export from their own
// browser profiles, a manager opens both files in a third profile and sees
// the combined board and a row per person, while the manager's own stored
// portfolio stays byte-for-byte the same. A broken file beside a good one is
// listed and the good one opens; a colleague's evidence is previewed record
// by record before it is merged.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, useApp } from "./support.mjs";
import { ANN, BOB, allStorage, day, peopleTable, rememberedInDatabase, teamColumns, tmpFile, withApp } from "./team_support.mjs";

const app = useApp();
const { importAndMerge, exportFromOwnProfile, managerPage, openTeamFiles } = withApp(app);

test("two salespeople's exports open together in a manager's team view, and the manager's own data does not change", async () => {
  const ann = await exportFromOwnProfile(ANN, "ann-portfolio.json");
  const bob = await exportFromOwnProfile(BOB, "bob-portfolio.json");
  assert.match(ann.name, /^continuum-ann-berg-/);
  assert.match(bob.name, /^continuum-bob-chen-/);

  const page = await managerPage();
  const before = await allStorage(page);
  assert.ok(Object.keys(before).some((k) => k.startsWith("continuum/v1/client/")), "the manager has a portfolio");

  await openTeamFiles(page, [ann.path, bob.path]);
  // Files are read one after the other: wait for both people's rows.
  for (const owner of ["Ann Berg", "Bob Chen"]) {
    await page.locator(`table.team-people tr[data-owner="${owner}"]`).waitFor();
  }
  assert.deepEqual(await teamColumns(page), {
    secure: { count: 1, revenue: 50000, cards: ["c-birch"] },
    not_secure: { count: 1, revenue: 70000, cards: ["c-dune"] },
    at_risk: { count: 0, revenue: 0, cards: [] },
    // Acme is in both files and counted once; Bob's fresher check-up is shown.
    inevitable_loss: { count: 1, revenue: 100000, cards: ["c-acme"] },
    unassessed: { count: 1, revenue: 30000, cards: ["c-cedar"] },
  });
  const acme = page.locator(".team-board [data-client-id=c-acme]");
  assert.match(await acme.innerText(), /Shared: Ann Berg, Bob Chen/);

  assert.deepEqual(await peopleTable(page), {
    "Ann Berg": {
      clients: "3",
      "revenue-at-risk": "100,000",
      assessed: "66%",
      stale: "0",
      "blind-spots": "0",
      "overdue-actions": "0",
      renewals: "1",
    },
    "Bob Chen": {
      clients: "2",
      "revenue-at-risk": "100,000",
      assessed: "100%",
      stale: "0",
      "blind-spots": "0",
      "overdue-actions": "0",
      renewals: "0",
    },
  });
  // Per person and category, each from that person's own file.
  const annAtRisk = page.locator('table.team-categories tr[data-owner="Ann Berg"] td[data-category=at_risk]');
  assert.equal(await annAtRisk.getAttribute("data-count"), "1");
  assert.equal(await annAtRisk.getAttribute("data-revenue"), "100000");
  // The renewal at risk names both owners.
  assert.match(await page.locator(".team-renewals [data-client-id=c-acme]").innerText(), /Inevitable loss.*Ann Berg, Bob Chen/s);

  // A card opens the read-only record with its verdict and reasons.
  await acme.click();
  await page.locator(".team-client h1").waitFor();
  assert.equal(new URL(page.url()).pathname, "/team/client/c-acme");
  assert.equal(await page.locator("[data-verdict]").getAttribute("data-verdict"), "inevitable_loss");
  assert.equal(await page.locator("[data-reason=l_notified]").count(), 1);
  assert.match(await page.locator(".read-only-note").innerText(), /Owners: Ann Berg, Bob Chen/);
  assert.equal(await page.locator(".team-client input, .team-client textarea, .team-client select").count(), 0);
  await page.getByRole("link", { name: "← Back to the team board" }).click();
  await page.locator(".team-board [data-client-id=c-acme]").waitFor();

  // Nothing of the team reached the manager's storage or board.
  await page.waitForTimeout(600);
  assert.deepEqual(await allStorage(page), before);
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Board" }).click();
  // The team board stays while the board's piece loads: wait for it to go.
  await page.waitForURL(app.url + "/board");
  await page.locator(".team-board").waitFor({ state: "detached" });
  await page.locator("section[data-category] [data-client-id]").first().waitFor();
  const own = await page.locator("section[data-category] [data-client-id]").evaluateAll((cs) => cs.map((c) => c.getAttribute("data-client-id")));
  assert.deepEqual(own, ["c-northwind"]);

  // Moving around the app keeps the team files; without "remember", a reload forgets them.
  await nav.getByRole("link", { name: "Team" }).click();
  await page.locator(".team-board [data-client-id]").first().waitFor();
  assert.equal(await page.locator(".team-board [data-client-id]").count(), 4, "kept for the session");
  await page.reload();
  await page.locator("main h1").waitFor();
  assert.equal(await page.locator(".team-board").count(), 0);

  // "Remember" keeps the files in the browser's database, not in the local
  // storage the manager's portfolio uses; a reload brings them back; Close
  // removes them.
  await openTeamFiles(page, [ann.path, bob.path]);
  await page.locator(".team-board [data-client-id]").first().waitFor();
  await page.getByRole("button", { name: "Remember these files on this browser" }).click();
  await page.locator(".remembered").waitFor();
  assert.deepEqual(await allStorage(page), before);
  assert.equal(await rememberedInDatabase(page), 2);
  await page.reload();
  await page.locator(".team-board [data-client-id=c-acme]").waitFor();
  assert.equal(await page.locator(".team-files li").count(), 2);
  await page.getByRole("button", { name: "Close the team files" }).click();
  await page.locator(".team-board").waitFor({ state: "detached" });
  assert.deepEqual(await allStorage(page), before);
  for (let i = 0; i < 50 && (await rememberedInDatabase(page)) > 0; i++) await page.waitForTimeout(100);
  assert.equal(await rememberedInDatabase(page), 0);
  await page.reload();
  await page.locator("main h1").waitFor();
  assert.equal(await page.locator(".team-board").count(), 0);

  for (const p of [ann.page, bob.page, page]) {
    assert.deepEqual(p.problems, []);
    await p.context().close();
  }
});

test("a file with errors is listed with where and what, and the good file beside it opens", async () => {
  const page = await freshPage(app);
  const good = await tmpFile("bob.json", BOB);
  await openTeamFiles(page, [good, "tests/fixtures/malformed/wrong-types.json"]);
  const failed = page.locator('.team-failed li[data-file="wrong-types.json"]');
  await failed.waitFor();
  assert.match(await failed.innerText(), /clients\[0\]\.profile\.annual_revenue: expected a whole number/);
  await page.locator(".team-board [data-client-id=c-dune]").waitFor();
  assert.equal(await page.locator(".team-files li").count(), 1);

  // Dropped on the team page, a file opens here (not in the import of your own portfolio).
  const text = JSON.stringify(ANN);
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "ann-dropped.json", { type: "application/json" }));
    document.querySelector(".team-page").dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await page.locator('.team-files li[data-file="ann-dropped.json"]').waitFor();
  assert.equal(new URL(page.url()).pathname, "/team");
  assert.equal(await page.locator(".team-board [data-client-id]").count(), 4);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a colleague's evidence on a shared client is previewed record by record, then merged without removing anything", async () => {
  const bob = await exportFromOwnProfile(BOB, "bob-evidence.json");
  const page = await freshPage(app);
  await importAndMerge(page, await tmpFile("ann-own.json", ANN));

  await open(page, app, "/settings");
  await page.getByLabel("Choose a file to import…").setInputFiles(bob.path);
  const shared = page.locator(".added-evidence [data-client-id=c-acme]");
  await shared.waitFor();
  const records = await shared.locator('li[data-record][data-change="added"]').evaluateAll((lis) =>
    lis.map((li) => [li.dataset.record, li.dataset.recordId ?? "", li.textContent]),
  );
  assert.deepEqual(
    records.filter(([kind]) => kind !== "field"),
    [
      ["stakeholder", "s-bob-cto", "Person: Ravi Technical"],
      ["issue", "i-bob-api", `Issue: API outages in October (opened ${day(-30)}, open)`],
      ["touchpoint", "t-bob-call", `Contact: ${day(-6)}: CTO says they are leaving.`],
      ["assessment", "a-bob", `Check-up: ${day(-5)}: Inevitable loss`],
    ],
  );
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  await page.locator(".import-done").waitFor();

  await open(page, app, "/client/c-acme/people");
  const people = page.locator("main");
  await page.getByText("Ravi Technical").first().waitFor();
  assert.match(await people.innerText(), /Olga Buyer/, "Ann's own contact is kept");
  assert.deepEqual(page.problems, []);
  await page.context().close();
  await bob.page.context().close();
});

test("a manager with no files yet opens a demo team: five invented people on one board, nothing stored", async () => {
  const page = await freshPage(app);
  await open(page, app, "/team");
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.getByRole("button", { name: "Open a demo team" }).click();
  await page.getByText("Demo team.", { exact: false }).first().waitFor();
  const people = await peopleTable(page);
  assert.deepEqual(Object.keys(people).sort(), ["Alex Moreau", "Jonas Hale", "Lena Okafor", "Priya Nair", "Tom Becker"]);
  const columns = await teamColumns(page);
  for (const category of ["secure", "not_secure", "at_risk", "inevitable_loss"]) {
    assert.ok(columns[category]?.count > 0, `${category} has demo clients on the team board`);
  }
  // A demo is never remembered, and the manager's storage is untouched.
  assert.equal(await page.getByRole("button", { name: "Remember these files on this browser" }).count(), 0);
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), before);
  await page.getByRole("button", { name: "Close the team files" }).click();
  await page.getByRole("button", { name: "Open a demo team" }).waitFor();
  assert.equal(await page.locator("table.team-people").count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

