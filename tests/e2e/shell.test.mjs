// The app shell as a user meets it: the release build loads cleanly, the
// navigation changes the URL and the page, deep links and reload keep the
// route, and the browser's back button works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freshPage, open, useApp } from "./support.mjs";

const app = useApp();

const PAGES = [
  { link: "Board", path: "/board", heading: "Board" },
  { link: "Due", path: "/due", heading: "Due" },
  { link: "Team", path: "/team", heading: "Team" },
  { link: "Settings", path: "/settings", heading: "Settings" },
];

function heading(page) {
  return page.locator("main h1").first();
}

test("the release build loads with no console error and says what it is", async () => {
  const page = await freshPage(app);
  await open(page, app, "/");
  assert.equal(await page.locator("header").getByText("Continuum").count(), 1);
  const intro = await page.locator("main").innerText();
  assert.match(intro, /never|nothing is sent/i, "the first-run page says the data stays in the browser");
  assert.match(await page.title(), /Continuum/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("each navigation link changes the URL and the heading, and back returns", async () => {
  const page = await freshPage(app);
  await open(page, app, "/");
  for (const { link, path, heading: text } of PAGES) {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
    await page.waitForURL(app.url + path);
    assert.equal(await heading(page).innerText(), text);
    assert.equal(
      await page.getByRole("link", { name: link }).getAttribute("aria-current"),
      "page",
      `${link} is marked as the current page`,
    );
  }
  await page.goBack();
  await page.waitForURL(app.url + "/team");
  assert.equal(await heading(page).innerText(), "Team");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a deep link opens its page and a reload keeps it", async () => {
  const page = await freshPage(app);
  for (const { path, heading: text } of PAGES) {
    await open(page, app, path);
    assert.equal(await heading(page).innerText(), text);
    await page.reload();
    await heading(page).waitFor();
    assert.equal(new URL(page.url()).pathname, path);
    assert.equal(await heading(page).innerText(), text);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an unknown address says so instead of showing a blank page", async () => {
  const page = await freshPage(app);
  await open(page, app, "/no/such/page");
  assert.equal(await heading(page).innerText(), "Page not found");
  await page.context().close();
});

test("the server answers robots.txt, and a missing file is a 404 while app routes still open the app", async () => {
  const robots = await fetch(`${app.url}/robots.txt`);
  assert.equal(robots.status, 200);
  assert.match(robots.headers.get("content-type"), /^text\/plain/);
  assert.match(await robots.text(), /^User-agent: \*$/m);
  for (const missing of ["/continuum-missing.wasm", "/pieces/none.js", "/nothing.css"]) {
    const res = await fetch(app.url + missing);
    assert.equal(res.status, 404, `${missing} is not found`);
    assert.doesNotMatch(await res.text(), /<html/i);
  }
  const route = await fetch(`${app.url}/client/c-some-client/assessment`);
  assert.equal(route.status, 200);
  assert.match(await route.text(), /<html/i);
});
