// Passphrase-locked exports: a salesperson exports everything locked with a
// passphrase (typed twice, with a strength hint); the file names no client
// in clear; a manager opens it in the team view of a fresh profile, first
// with a wrong passphrase (said plainly, nothing opened or stored), then
// with the right one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { allStorage, freshPage, open, useApp } from "./support.mjs";

const app = useApp();
const PASSPHRASE = "harbour lantern copper meadow";

const PORTFOLIO = {
  format: "continuum",
  version: 1,
  owner: "Ann Berg",
  exported_at: "2026-11-25T10:00:00Z",
  clients: [
    { id: "c-acme", profile: { name: "Acme Tools", annual_revenue: 100000, owner: "Ann Berg" }, archived: false },
    { id: "c-birch", profile: { name: "Birch Farms", annual_revenue: 50000, owner: "Ann Berg" }, archived: false },
  ],
};

test("a locked export opens in the team view with its passphrase only", async () => {
  const dir = await mkdtemp(join(tmpdir(), "continuum-locked-"));
  const source = join(dir, "ann.json");
  await writeFile(source, JSON.stringify(PORTFOLIO, null, 2));

  // Ann's profile: her portfolio, exported locked.
  const ann = await freshPage(app);
  const consoleText = [];
  ann.on("console", (msg) => consoleText.push(msg.text()));
  await open(ann, app, "/settings");
  await ann.getByLabel("Choose a file to import…").setInputFiles(source);
  await ann.locator(".import-preview").waitFor();
  await ann.getByRole("button", { name: "Merge into my portfolio" }).click();
  await ann.locator(".import-done").waitFor();
  await ann.waitForTimeout(500); // the debounced save
  await open(ann, app, "/settings");

  await ann.getByLabel("Lock the file with a passphrase").check();
  const hint = ann.locator("#export-passphrase-hint");
  await ann.getByLabel("Passphrase", { exact: true }).fill("abc");
  await hint.filter({ hasText: "Too short" }).waitFor();
  await ann.getByLabel("Passphrase", { exact: true }).fill(PASSPHRASE);
  await hint.filter({ hasText: "Strong." }).waitFor();
  // Two different passphrases: nothing is downloaded, the problem is said.
  await ann.getByLabel("Passphrase again").fill(PASSPHRASE + "x");
  await ann.getByRole("button", { name: "Export everything (JSON)" }).click();
  await ann.getByText("The two passphrases differ").waitFor();

  await ann.getByLabel("Passphrase again").fill(PASSPHRASE);
  const [download] = await Promise.all([
    ann.waitForEvent("download", { timeout: 60_000 }),
    ann.getByRole("button", { name: "Export everything (JSON)" }).click(),
  ]);
  const name = download.suggestedFilename();
  assert.match(name, /-locked\.json$/);
  const path = join(dir, name);
  await download.saveAs(path);
  await ann.getByText(`Saved ${name}, locked.`).waitFor();

  const text = await readFile(path, "utf8");
  const locked = JSON.parse(text);
  assert.equal(locked.format, "continuum-locked");
  assert.equal(locked.version, 1);
  assert.deepEqual(locked.kdf, { name: "PBKDF2", hash: "SHA-256", iterations: 600000 });
  assert.equal(locked.cipher, "AES-256-GCM");
  assert.equal(Buffer.from(locked.salt, "base64").length, 16);
  assert.equal(Buffer.from(locked.nonce, "base64").length, 12);
  for (const secret of ["Acme Tools", "Birch Farms", "Ann Berg", "c-acme"]) {
    assert.ok(!text.includes(secret), `${secret} is not in the locked file`);
  }
  // The passphrase reached neither the console nor storage.
  const annStorage = JSON.stringify(await allStorage(ann));
  assert.ok(!annStorage.includes(PASSPHRASE));
  assert.ok(!consoleText.some((t) => t.includes(PASSPHRASE)));
  assert.deepEqual(ann.problems, []);

  // The manager: a fresh profile, the team view.
  const manager = await freshPage(app);
  await open(manager, app, "/team");
  const before = await allStorage(manager);
  await manager.getByLabel("Open team files…").setInputFiles(path);
  const field = manager.getByLabel(`Passphrase for ${name}`);
  await field.waitFor();
  await field.fill("harbour lantern copper meadows");
  await manager.getByRole("button", { name: "Unlock" }).click();
  await manager.getByText("Wrong passphrase").waitFor({ timeout: 60_000 });
  assert.equal(await manager.locator(".team-files li").count(), 0, "nothing opened");
  assert.deepEqual(await allStorage(manager), before, "nothing stored");

  await field.fill(PASSPHRASE);
  await manager.getByRole("button", { name: "Unlock" }).click();
  const opened = manager.locator(`.team-files li[data-file="${name}"]`);
  await opened.waitFor({ timeout: 60_000 });
  assert.match(await opened.textContent(), /Ann Berg.*2 clients/);
  assert.equal(await manager.getByLabel(`Passphrase for ${name}`).count(), 0, "the prompt is gone");
  assert.ok(!JSON.stringify(await allStorage(manager)).includes(PASSPHRASE));
  assert.deepEqual(manager.problems, []);
});
