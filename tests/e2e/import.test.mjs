// Client and contact lists through the import UI: the mapping step (confirm
// a recognised export, map an unknown one with the keyboard), the date-order
// question, the preview, and re-import updating rather than duplicating.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, useApp } from "./support.mjs";

const app = useApp();
const DIR = "tests/fixtures/import";

/** Everything Continuum stores, as one text, to find imported values. */
function stored(page) {
  return page.evaluate(() => {
    let out = "";
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith("continuum/v1/client/")) out += localStorage.getItem(k) + "\n";
    }
    return out;
  });
}

/** How the compact storage writes a date: days since 1970-01-01. */
function storedDay(iso) {
  return `:${Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000)}`;
}

/** A value as stored: dates as days, the rest as written. */
function asStored(v) {
  return /^\d{4}-\d{2}-\d{2}$/.test(v) ? storedDay(v) : v;
}

async function pick(page, file) {
  await page.getByLabel("Choose a file to import…").setInputFiles(file);
  await page.locator(".import-mapping").waitFor();
}

async function confirmAndAdd(page) {
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Add and update these clients" }).click();
  await page.locator(".import-done").waitFor();
}

async function boardText(page) {
  await open(page, app, "/board");
  await page.locator("main a[data-client-id]").first().waitFor();
  return page.locator("main").innerText();
}

const CRM = [
  ["hubspot-companies.csv", "HubSpot companies", ["Northwind Logistics", "Blue Harbor Foods, Inc."], ["Sam Ortiz", "480000"]],
  ["salesforce-accounts-report.csv", "Salesforce", ["Acme Corporation", "Globex, Inc.", "Initech LLC"], ["Dana Kim", "2400000", "2026-12-31"]],
  ["pipedrive-organizations.csv", "Pipedrive", ["Tailspin Toys", "Wide World Importers"], ["Lee Chen", "310000", "2027-09-30"]],
  ["zoho-accounts.csv", "Zoho CRM accounts", ["Van Dijk B.V.", "Fourth Coffee"], ["Dana Kim", "950000"]],
  ["dynamics-accounts.csv", "Microsoft Dynamics 365", ["Litware Inc.", "Proseware GmbH"], ["Sam Ortiz", "2750000"]],
  ["german-windows-1252.csv", "Windows-1252", ["Müller Maschinenbau GmbH"], ["Jürgen Weiß", "1250000", "2026-12-31"]],
  ["french-utf16le.txt", "UTF-16", ["Café Lumière SAS", "Ørsted Rådgivning A/S"], []],
  ["clients.xlsx", "Sheet", ["Northwind Logistics", "Contoso Retail", "Fabrikam"], []],
  ["kunden.ods", "Sheet", ["Müller Maschinenbau GmbH", "Schneider & Söhne KG"], ["Anna Groß"]],
];

for (const [file, about, names, values] of CRM) {
  test(`${file}: recognised, confirmed in two clicks, on the board`, async () => {
    const page = await freshPage(app);
    await open(page, app, "/settings");
    await pick(page, `${DIR}/${file}`);
    assert.match(await page.locator(".import-source").innerText(), new RegExp(about));
    await confirmAndAdd(page);
    const board = await boardText(page);
    for (const name of names) assert.ok(board.includes(name), `${name} on the board`);
    const data = await stored(page);
    for (const v of values) assert.ok(data.includes(asStored(v)), `${v} stored`);
    assert.deepEqual(page.problems, []);
  });
}

test("an unknown file is mapped with the keyboard", async () => {
  const page = await freshPage(app);
  await open(page, app, "/settings");
  await pick(page, {
    name: "odd.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Who,Money made,Boss\nQuokka Works,125000,Rae Lin\nWombat Ltd,99000,Rae Lin\n"),
  });
  const cont = page.getByRole("button", { name: "Continue" });
  assert.equal(await cont.isDisabled(), true, "nothing to continue with before a name column");
  await page.getByLabel("Column “Who” becomes").focus();
  await page.getByLabel("Column “Who” becomes").selectOption("Client name");
  await page.getByLabel("Column “Money made” becomes").selectOption("Annual revenue");
  await page.getByLabel("Column “Boss” becomes").selectOption("Owner");
  await cont.focus();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Add and update these clients" }).click();
  await page.locator(".import-done").waitFor();
  const board = await boardText(page);
  assert.ok(board.includes("Quokka Works") && board.includes("Wombat Ltd"));
  const data = await stored(page);
  assert.ok(data.includes("125000") && data.includes("Rae Lin"));
  // The same header row again: the mapping is remembered.
  await open(page, app, "/settings");
  await pick(page, {
    name: "odd2.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Who,Money made,Boss\nNumbat Co,5000,Rae Lin\n"),
  });
  assert.equal(await page.getByLabel("Column “Who” becomes").inputValue(), "Client name");
  assert.equal(await cont.isDisabled(), false);
});

test("the date-order question is asked and answered", async () => {
  const page = await freshPage(app, { locale: "en-US" });
  await open(page, app, "/settings");
  await pick(page, `${DIR}/ambiguous-dates.csv`);
  const group = page.getByRole("group", { name: /Contract end/ });
  await group.waitFor();
  assert.equal(await group.getByLabel(/Month first/).isChecked(), true, "en-US suggests month first");
  assert.match(await group.innerText(), /3 April 2027/);
  await group.getByLabel(/Day first/).check();
  await confirmAndAdd(page);
  const data = await stored(page);
  assert.ok(data.includes(storedDay("2027-04-03")), "03/04/2027 read day first");
  assert.ok(!data.includes(storedDay("2027-03-04")), "not month first");
});

test("a re-import updates clients rather than duplicating them", async () => {
  const page = await freshPage(app);
  await open(page, app, "/settings");
  await pick(page, `${DIR}/hubspot-companies.csv`);
  await confirmAndAdd(page);
  const before = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("continuum/v1/client/")).length);
  await open(page, app, "/settings");
  await pick(page, {
    name: "hubspot-again.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Record ID,Company name,Company owner,Annual Revenue\n5012345601,Northwind Logistics,Dana Kim,999000\n"),
  });
  await page.getByRole("button", { name: "Continue" }).click();
  assert.equal(await page.locator('[data-preview="new"]').innerText(), "0");
  await page.getByRole("button", { name: "Add and update these clients" }).click();
  await page.locator(".import-done").waitFor();
  const after = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("continuum/v1/client/")).length);
  assert.equal(after, before);
});

test("a contacts file adds people and lists those who match no client", async () => {
  const page = await freshPage(app);
  await open(page, app, "/settings");
  await pick(page, `${DIR}/hubspot-companies.csv`);
  await confirmAndAdd(page);
  await open(page, app, "/settings");
  await pick(page, `${DIR}/hubspot-contacts.csv`);
  await page.getByRole("button", { name: "Continue" }).click();
  const unmatched = await page.locator(".people-unmatched").innerText();
  assert.match(unmatched, /Lena Fischer/);
  assert.match(await page.locator(".people-added").innerText(), /Maria Lopez/);
  await page.getByRole("button", { name: "Add and update these clients" }).click();
  await page.locator(".import-done").waitFor();
  const data = await stored(page);
  assert.ok(data.includes("Maria Lopez") && data.includes("Aiko Tanaka"));
});

test("bad input names row and column and changes nothing", async () => {
  const page = await freshPage(app);
  await open(page, app, "/settings");
  await pick(page, {
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("Client,Revenue\nGood Co,100\nBad Co,12k€\n"),
  });
  await page.getByRole("button", { name: "Continue" }).click();
  const alert = await page.locator(".import-error").innerText();
  assert.match(alert, /Row 3/);
  assert.match(alert, /Nothing was changed/);
  assert.equal(await stored(page), "");
});
