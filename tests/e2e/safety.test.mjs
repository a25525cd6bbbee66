// Keeping the data safe: a locked file imported in Settings (a wrong
// passphrase changes nothing, the right one leads to the usual preview);
// the backup status after an export and the reminder once the clock has
// moved on; two team files of one name from different people both shown.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCipheriv, pbkdf2Sync, randomBytes } from "node:crypto";
import { addClient, allStorage, freshPage, open, useApp } from "./support.mjs";

const app = useApp();
const PASSPHRASE = "willow ferry granite orchard";

function portfolio(owner, names) {
  return {
    format: "continuum",
    version: 1,
    owner,
    exported_at: "2026-11-25T10:00:00Z",
    clients: names.map((name, i) => ({
      id: `c-${owner.split(" ")[0].toLowerCase()}-${i}`,
      profile: { name, annual_revenue: 10000 * (i + 1), owner },
      archived: false,
    })),
  };
}

/** Locks an export as docs/file-format.md describes, without the app. */
function lockedFile(plain, passphrase) {
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = pbkdf2Sync(Buffer.from(passphrase, "utf8"), salt, 600000, 32, "sha256");
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  const body = Buffer.concat([cipher.update(Buffer.from(plain, "utf8")), cipher.final(), cipher.getAuthTag()]);
  return JSON.stringify({
    format: "continuum-locked",
    version: 1,
    kdf: { name: "PBKDF2", hash: "SHA-256", iterations: 600000 },
    salt: salt.toString("base64"),
    cipher: "AES-256-GCM",
    nonce: nonce.toString("base64"),
    ciphertext: body.toString("base64"),
  });
}

test("a locked file imported in Settings asks for its passphrase; a wrong one changes nothing", async () => {
  const dir = await mkdtemp(join(tmpdir(), "continuum-safety-"));
  const path = join(dir, "cora-locked.json");
  const plain = JSON.stringify(portfolio("Cora Holm", ["Elm Bakery", "Fjord Freight"]));
  await writeFile(path, lockedFile(plain, PASSPHRASE));

  const page = await freshPage(app);
  const consoleText = [];
  page.on("console", (msg) => consoleText.push(msg.text()));
  await open(page, app, "/settings");
  const before = await allStorage(page);
  await page.getByLabel("Choose a file to import…").setInputFiles(path);
  const field = page.getByLabel("Passphrase for cora-locked.json");
  await field.waitFor();
  await field.fill("willow ferry granite orchards");
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.getByText("Wrong passphrase").waitFor({ timeout: 60_000 });
  assert.equal(await page.locator(".import-preview").count(), 0, "no preview");
  assert.deepEqual(await allStorage(page), before, "nothing stored");

  await field.fill(PASSPHRASE);
  await page.getByRole("button", { name: "Unlock" }).click();
  await page.locator(".import-preview").waitFor({ timeout: 60_000 });
  assert.match(await page.locator(".import-preview").innerText(), /2 new clients/);
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  await page.locator(".import-done").waitFor();
  await open(page, app, "/board");
  await page.locator("[data-client-id]", { hasText: "Fjord Freight" }).waitFor();
  assert.ok(!JSON.stringify(await allStorage(page)).includes(PASSPHRASE), "passphrase not stored");
  assert.ok(!consoleText.some((t) => t.includes(PASSPHRASE)), "passphrase not logged");
  assert.deepEqual(page.problems, []);
});

test("the backup status follows exports and changes, and the reminder comes when the clock moves on", async () => {
  const page = await freshPage(app);
  await page.clock.setFixedTime(new Date(2026, 11, 1, 12, 0, 0));
  await addClient(page, app, "Gale Optics");
  await open(page, app, "/settings");
  const status = page.locator(".backup-status-line");
  await status.filter({ hasText: "Not saved to a file yet: 1 change only in this browser." }).waitFor();
  assert.equal(await page.getByLabel("Remind me when changes are not saved to a file").inputValue(), "weekly");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export everything (JSON)" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await status.filter({ hasText: "Last saved to a file today (2026-12-01); no changes since." }).waitFor();

  await page.getByLabel("Your name (shown in exports and on your manager's team board)").fill("Dana Vik");
  await page.getByLabel("Your name (shown in exports and on your manager's team board)").press("Tab");
  await status.filter({ hasText: "1 change since." }).waitFor();
  await open(page, app, "/board");
  await page.locator(".backup-line", { hasText: "Last saved to a file today" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Remind me later" }).count(), 0, "no reminder yet");

  // Eight days on: the change is in no file for over a week.
  await page.clock.setFixedTime(new Date(2026, 11, 9, 12, 0, 0));
  await open(page, app, "/board");
  const later = page.getByRole("button", { name: "Remind me later" });
  await later.waitFor();
  await page.locator(".backup-line", { hasText: "8 days ago (2026-12-01); 1 change since." }).waitFor();
  await later.click();
  await later.waitFor({ state: "detached" });
  await open(page, app, "/board");
  await page.waitForTimeout(300);
  assert.equal(await later.count(), 0, "snoozed after a reload too");

  // A week after dismissing, it is back; one click exports and clears it.
  await page.clock.setFixedTime(new Date(2026, 11, 16, 12, 0, 0));
  await open(page, app, "/board");
  await later.waitFor();
  const [again] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export everything now" }).click(),
  ]);
  assert.match(again.suggestedFilename(), /2026-12-16/);
  await later.waitFor({ state: "detached" });
  await page.locator(".backup-line", { hasText: "Last saved to a file today (2026-12-16); no changes since." }).waitFor();
  assert.deepEqual(page.problems, []);
});

test("Settings says whether the browser keeps the storage, and how much is used", async () => {
  const page = await freshPage(app);
  await open(page, app, "/settings");
  const granted = await page.evaluate(() => navigator.storage.persisted());
  const words = page.locator(".persistence-words");
  await words.filter({ hasText: granted ? "agreed to keep" : "has not agreed" }).waitFor();
  await page.locator(".storage-estimate", { hasText: /MB used/ }).waitFor();
});

test("two team files of one name from different people are both shown", async () => {
  const dir = await mkdtemp(join(tmpdir(), "continuum-namesakes-"));
  mkdirSync(join(dir, "a"));
  mkdirSync(join(dir, "b"));
  const ann = join(dir, "a", "export.json");
  const bo = join(dir, "b", "export.json");
  await writeFile(ann, JSON.stringify(portfolio("Ann Berg", ["Acme Tools"])));
  await writeFile(bo, JSON.stringify(portfolio("Bo Lind", ["Birch Farms", "Cedar Mills"])));

  const page = await freshPage(app);
  await open(page, app, "/team");
  await page.getByLabel("Open team files…").setInputFiles(ann);
  await page.locator('.team-files li[data-owner="Ann Berg"]').waitFor();
  await page.getByLabel("Open team files…").setInputFiles(bo);
  await page.locator('.team-files li[data-owner="Bo Lind"]').waitFor();
  const rows = page.locator('.team-files li[data-file="export.json"]');
  assert.equal(await rows.count(), 2, "neither replaced the other");
  assert.match(await rows.nth(0).innerText(), /Ann Berg.*1 client/);
  assert.match(await rows.nth(1).innerText(), /Bo Lind.*2 clients/);
  await page.getByText("Another file named export.json is already open from someone else").waitFor();
  assert.deepEqual(page.problems, []);
});
