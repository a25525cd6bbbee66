// Automatic backups to a folder. Chromium's folder picker cannot be driven
// by a test, so `showDirectoryPicker` hands the app a folder of the
// origin-private file system instead (same handle interface). The day's
// backup appears as a dated file that opens, old ones beyond 30 are
// deleted (and nothing else), one file is written a day, a locked backup
// opens with its passphrase only, and one click allows writing again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createDecipheriv, pbkdf2Sync } from "node:crypto";
import { addClient, freshPage, open, useApp } from "./support.mjs";

const app = useApp();
const PASSPHRASE = "quarry heron saffron tidal";

/** Stands in a folder named "backups" of the origin-private file system. */
async function withStandInFolder(page) {
  await page.addInitScript(() => {
    window.showDirectoryPicker = async () => {
      const root = await navigator.storage.getDirectory();
      return root.getDirectoryHandle("backups", { create: true });
    };
  });
}

/** The stand-in folder's files: name → text. */
function folderFiles(page) {
  return page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle("backups", { create: true });
    const out = {};
    for await (const [name, handle] of dir.entries()) {
      out[name] = await (await handle.getFile()).text();
    }
    return out;
  });
}

function putFiles(page, names) {
  return page.evaluate(async (names) => {
    const root = await navigator.storage.getDirectory();
    const dir = await root.getDirectoryHandle("backups", { create: true });
    for (const name of names) {
      const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await w.write(`{"made by":"the test"}`);
      await w.close();
    }
  }, names);
}

function ours(files) {
  return Object.keys(files).filter((n) => /^continuum-backup-\d{4}-\d\d-\d\d(-locked)?\.json$/.test(n)).sort();
}

/** Opens a locked file as docs/file-format.md describes, without the app. */
function unlock(text, passphrase) {
  const f = JSON.parse(text);
  const body = Buffer.from(f.ciphertext, "base64");
  const key = pbkdf2Sync(Buffer.from(passphrase, "utf8"), Buffer.from(f.salt, "base64"), f.kdf.iterations, 32, "sha256");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(f.nonce, "base64"));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString("utf8");
}

test("the day's backup is written to the chosen folder, once a day, keeping the last 30", async () => {
  const page = await freshPage(app);
  await withStandInFolder(page);
  await page.clock.setFixedTime(new Date(2026, 11, 5, 12, 0, 0));
  await open(page, app, "/settings");
  const old = Array.from({ length: 31 }, (_, i) => `continuum-backup-2026-10-${String(i + 1).padStart(2, "0")}.json`);
  await putFiles(page, [...old, "notes.txt", "continuum-backup-draft.json"]);

  await addClient(page, app, "Harbor Glass");
  await open(page, app, "/settings");
  await page.getByRole("button", { name: "Choose a backup folder" }).click();
  const status = page.locator(".folder-status");
  await status.filter({ hasText: "Backing up to folder backups; last backup 2026-12-05 (today)." }).waitFor();
  await page.locator(".backup-status-line", { hasText: "Last saved to a file today (2026-12-05); no changes since." }).waitFor();

  let files = await folderFiles(page);
  const kept = ours(files);
  assert.equal(kept.length, 30, "the newest 30 of ours are kept");
  assert.ok(kept.includes("continuum-backup-2026-12-05.json"), "today's file");
  assert.ok(!kept.includes("continuum-backup-2026-10-01.json") && !kept.includes("continuum-backup-2026-10-02.json"), "the oldest two deleted");
  assert.ok("notes.txt" in files && "continuum-backup-draft.json" in files, "other files untouched");
  const backup = JSON.parse(files["continuum-backup-2026-12-05.json"]);
  assert.equal(backup.format, "continuum");
  assert.deepEqual(backup.clients.map((c) => c.profile.name), ["Harbor Glass"]);

  // Another change the same day: no second file, today's stays as written.
  await page.getByLabel("Your name (shown in exports and on your manager's team board)").fill("Ines Moe");
  await page.getByLabel("Your name (shown in exports and on your manager's team board)").press("Tab");
  await page.locator(".backup-status-line", { hasText: "1 change since." }).waitFor();
  await open(page, app, "/board");
  await page.locator(".folder-line", { hasText: "Backing up to folder backups" }).waitFor();
  await page.waitForTimeout(500);
  const sameDay = await folderFiles(page);
  assert.deepEqual(ours(sameDay), kept, "no new file the same day");
  assert.equal(sameDay["continuum-backup-2026-12-05.json"], files["continuum-backup-2026-12-05.json"]);

  // The next day, opening Continuum writes that day's file with the change.
  await page.clock.setFixedTime(new Date(2026, 11, 6, 9, 0, 0));
  await open(page, app, "/board");
  await page.locator(".folder-line", { hasText: "last backup 2026-12-06 (today)" }).waitFor();
  files = await folderFiles(page);
  assert.equal(ours(files).length, 30);
  assert.equal(JSON.parse(files["continuum-backup-2026-12-06.json"]).owner, "Ines Moe");
  assert.deepEqual(page.problems, []);
});

test("a locked backup opens with its passphrase only, which is never stored", async () => {
  const page = await freshPage(app);
  const consoleText = [];
  page.on("console", (msg) => consoleText.push(msg.text()));
  await withStandInFolder(page);
  await page.clock.setFixedTime(new Date(2026, 11, 5, 12, 0, 0));
  await open(page, app, "/settings");
  await page.getByRole("button", { name: "Choose a backup folder" }).click();
  const status = page.locator(".folder-status");
  await status.filter({ hasText: "no backup written yet" }).waitFor();
  await page.getByLabel("Lock backups with a passphrase").check();
  await page.getByLabel("Backup passphrase", { exact: true }).fill(PASSPHRASE);
  await page.getByLabel("Backup passphrase again").fill(PASSPHRASE + "x");
  await page.getByRole("button", { name: "Use this passphrase for backups" }).click();
  await page.getByText("The two passphrases differ").waitFor();
  await page.getByLabel("Backup passphrase again").fill(PASSPHRASE);
  await page.getByRole("button", { name: "Use this passphrase for backups" }).click();
  await status.filter({ hasText: "locked with the passphrase" }).waitFor();

  // The first change is backed up, locked (made on this page, so the
  // passphrase in memory stays).
  const name = page.getByLabel("Your name (shown in exports and on your manager's team board)");
  await name.fill("Juniper Vale");
  await name.press("Tab");
  await status.filter({ hasText: "last backup 2026-12-05 (today)" }).waitFor({ timeout: 60_000 });
  const files = await folderFiles(page);
  assert.deepEqual(ours(files), ["continuum-backup-2026-12-05-locked.json"]);
  const locked = files["continuum-backup-2026-12-05-locked.json"];
  assert.ok(!locked.includes("Juniper Vale"), "nothing in clear");
  assert.equal(JSON.parse(locked).format, "continuum-locked");
  assert.throws(() => unlock(locked, "not the passphrase"));
  const opened = JSON.parse(unlock(locked, PASSPHRASE));
  assert.equal(opened.format, "continuum");
  assert.equal(opened.owner, "Juniper Vale");

  // After a reload the passphrase is gone: backups wait for it.
  await page.clock.setFixedTime(new Date(2026, 11, 6, 9, 0, 0));
  await open(page, app, "/settings");
  await name.fill("Kai Rowe");
  await name.press("Tab");
  await status.filter({ hasText: "waiting for the passphrase" }).waitFor();
  assert.deepEqual(ours(await folderFiles(page)), ["continuum-backup-2026-12-05-locked.json"]);
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  assert.ok(!stored.includes(PASSPHRASE), "passphrase not in local storage");
  assert.ok(!consoleText.some((t) => t.includes(PASSPHRASE)), "passphrase not logged");
  assert.deepEqual(page.problems, []);
});

test("when the browser asks again, one click on the board allows backups; stopping forgets the folder", async () => {
  const page = await freshPage(app);
  await withStandInFolder(page);
  // The browser forgets the permission on each visit until it is asked.
  await page.addInitScript(() => {
    let allowed = false;
    FileSystemHandle.prototype.queryPermission = async () => (allowed ? "granted" : "prompt");
    FileSystemHandle.prototype.requestPermission = async () => {
      allowed = true;
      return "granted";
    };
  });
  await page.clock.setFixedTime(new Date(2026, 11, 5, 12, 0, 0));
  await open(page, app, "/settings");
  await page.getByRole("button", { name: "Choose a backup folder" }).click();
  await page.locator(".folder-status", { hasText: "Backing up to folder backups" }).waitFor();

  await addClient(page, app, "Kestrel Labs");
  await open(page, app, "/board");
  const allow = page.getByRole("button", { name: "Allow backups to backups again" });
  await allow.waitFor();
  await page.locator(".folder-line", { hasText: "permission again" }).waitFor();
  assert.deepEqual(ours(await folderFiles(page)), [], "nothing written without permission");
  await allow.click();
  await page.locator(".folder-line", { hasText: "last backup 2026-12-05 (today)" }).waitFor();
  assert.deepEqual(ours(await folderFiles(page)), ["continuum-backup-2026-12-05.json"]);

  await open(page, app, "/settings");
  await page.getByRole("button", { name: "Stop backing up to this folder" }).click();
  await page.getByRole("button", { name: "Choose a backup folder" }).waitFor();
  await open(page, app, "/settings");
  await page.getByRole("button", { name: "Choose a backup folder" }).waitFor();
  assert.equal(await page.locator(".folder-line").count(), 0);
  assert.deepEqual(page.problems, []);
});

test("where the browser cannot write to a folder, Settings says so and offers no folder", async () => {
  const page = await freshPage(app);
  await page.addInitScript(() => {
    delete window.showDirectoryPicker;
    delete Window.prototype.showDirectoryPicker;
    if ("showDirectoryPicker" in window) window.showDirectoryPicker = undefined;
  });
  await open(page, app, "/settings");
  await page.locator(".folder-status", { hasText: "This browser cannot write backups to a folder" }).waitFor();
  assert.equal(await page.getByRole("button", { name: "Choose a backup folder" }).count(), 0);
});
