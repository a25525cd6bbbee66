// Hostile input stays inert: markup, script, `javascript:` URLs, template
// syntax, a 10,000-character word, right-to-left overrides, zero-width
// characters and emoji, typed as client, person and note values or imported in
// a file, are shown exactly as typed. Nothing runs (a sentinel global stays
// unset), no element is made from them, and the page still fits a 360-pixel
// phone screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { addClient, freshPage, open, useApp } from "./support.mjs";

const app = useApp();

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  "<script>window.__pwned=1</script>",
  "javascript:window.__pwned=1",
  '"><svg onload=window.__pwned=1>',
  "';window.__pwned=1;//",
  "{{7*7}} ${7*7} <%= 7*7 %> %00 &lt;b&gt;",
  "\u202Egnp.exe\u202C right-to-left override",
  "\u202Eunterminated override \u2067isolate",
  "שלום مرحبا mixed direction",
  "🚀 👩‍👩‍👧‍👦 zero\u200Bwidth\u200Djoiner\uFEFF",
  "W".repeat(10000),
];

function short(s) {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s);
}

/**
 * Everything that would show the input was interpreted: the sentinel, an
 * element made from it, an event-handler attribute or a script link.
 */
async function interpreted(page) {
  return page.evaluate(() => {
    const found = [];
    if (window.__pwned !== undefined) found.push("window.__pwned was set");
    for (const el of document.body.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith("on")) found.push(`<${el.localName} ${attr.name}>`);
        const url = ["href", "src", "action", "formaction", "xlink:href", "data"].includes(attr.name);
        if (url && /^\s*javascript:/i.test(attr.value)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      }
    }
    for (const el of document.body.querySelectorAll("img, script, iframe, object, embed")) {
      found.push(`<${el.localName}> in the page`);
    }
    return found;
  });
}

/** The page is no wider than the screen (nothing pushes it sideways). */
async function fitsScreen(page, where) {
  const { scroll, inner } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    inner: window.innerWidth,
  }));
  assert.ok(scroll <= inner, `${where}: the page is ${scroll}px wide on a ${inner}px screen`);
}

async function assertShownAsTyped(page, strings, where) {
  const text = await page.locator("main").textContent();
  for (const s of strings) assert.ok(text.includes(s), `${where}: ${short(s)} is shown as typed`);
  assert.deepEqual(await interpreted(page), [], `${where}: nothing was interpreted`);
  await fitsScreen(page, where);
}

const PHONE = { viewport: { width: 360, height: 740 } };

test("hostile client names, people and notes typed in are shown as text and never run", async () => {
  const page = await freshPage(app, PHONE);
  const ids = [];
  for (const s of HOSTILE) ids.push(await addClient(page, app, s));

  const last = ids.at(-1);
  await open(page, app, `/client/${last}/people`);
  for (const s of HOSTILE) {
    await page.getByRole("button", { name: "Add a person" }).click();
    await page.getByLabel("Name", { exact: true }).fill(s);
    await page.getByLabel("Notes about this person").fill(s);
    await page.getByRole("button", { name: "Add person" }).click();
    await page.getByRole("button", { name: "Add a person" }).waitFor();
  }
  await assertShownAsTyped(page, HOSTILE, "people tab");

  await open(page, app, `/client/${last}/profile`);
  await page.getByLabel("Notes").fill(HOSTILE.join("\n"));
  await page.getByLabel("Notes").press("Tab");
  await page.waitForTimeout(500);
  await page.reload();
  await page.getByLabel("Notes").waitFor();
  assert.equal(await page.getByLabel("Notes").inputValue(), HOSTILE.join("\n"), "the note is kept as typed");
  assert.deepEqual(await interpreted(page), [], "profile: nothing was interpreted");
  await fitsScreen(page, "profile tab");

  await open(page, app, "/board");
  await page.locator("[data-client-id]").first().waitFor();
  await assertShownAsTyped(page, HOSTILE, "board");
  for (const id of ids.slice(0, 3)) {
    await open(page, app, `/client/${id}`);
    await assertShownAsTyped(page, [HOSTILE[ids.indexOf(id)]], `client page ${id}`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** A version 1 file whose every text value is one of the hostile strings. */
function hostileFile() {
  const fixture = JSON.parse(readFileSync("tests/fixtures/v1-portfolio.json", "utf8"));
  const template = fixture.clients[0];
  const clients = HOSTILE.map((s, i) => {
    const client = structuredClone(template);
    client.id = `c-hostile-${i}`;
    client.profile.name = s;
    client.profile.notes = s;
    client.profile.owner = s;
    client.profile.tags = [s];
    client.stakeholders.forEach((p) => {
      p.name = s;
      p.notes = s;
    });
    client.issues.forEach((x) => (x.title = s));
    client.touchpoints.forEach((t) => (t.note = s));
    client.actions.forEach((a) => (a.title = s));
    client.assessments.forEach((a) => {
      Object.values(a.answers).forEach((answer) => (answer.note = s));
      if (a.override) a.override.reason = s;
    });
    return client;
  });
  return JSON.stringify({ ...fixture, owner: HOSTILE[0], clients });
}

test("a file full of hostile text imports as plain text and the layout holds", async () => {
  const page = await freshPage(app, PHONE);
  await open(page, app, "/settings");
  await page.getByLabel("Choose a file to import…").setInputFiles({
    name: "hostile.json",
    mimeType: "application/json",
    buffer: Buffer.from(hostileFile()),
  });
  await page.locator(".import-preview, .import-error").first().waitFor();
  assert.equal(await page.locator(".import-error").count(), 0, "the file is valid and is offered for import");
  assert.deepEqual(await interpreted(page), [], "import preview: nothing was interpreted");
  await fitsScreen(page, "import preview");
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  await page.locator(".import-done").waitFor();

  await open(page, app, "/board");
  await page.locator("[data-client-id]").first().waitFor();
  await assertShownAsTyped(page, HOSTILE, "board after import");
  for (const [i, s] of HOSTILE.entries()) {
    for (const tab of ["people", "issues", "plan", "assessment"]) {
      await open(page, app, `/client/c-hostile-${i}/${tab}`);
      await assertShownAsTyped(page, [s], `${tab} of client ${i}`);
    }
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
