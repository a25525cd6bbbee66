// The demo as someone trying the app meets it: a reload while the demo is
// open keeps the demo and the page, and leaving it is still one click that
// brings back one's own data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { addClient, freshPage, open, useApp } from "./support.mjs";

const app = useApp();

test("a reload while in the demo keeps the demo and the page; leaving it is one click", async () => {
  const page = await freshPage(app);
  const own = await addClient(page, app, "Own Data Stays");
  await page.waitForTimeout(600);
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.waitForURL(app.url + "/board");
  await page.locator(".demo-banner").waitFor();
  const demo = page.locator("main a[data-client-id]").first();
  const demoId = await demo.getAttribute("data-client-id");
  await demo.click();
  await page.waitForURL(new RegExp(`/client/${demoId}`));
  const name = (await page.locator("main h1").first().innerText()).trim();

  await page.reload();
  await page.locator(".demo-banner").waitFor();
  await page.locator("main h1").filter({ hasText: name }).waitFor();
  assert.match(new URL(page.url()).pathname, new RegExp(`^/client/${demoId}`));

  await page.getByRole("button", { name: "Leave the demo" }).click();
  await page.locator(".demo-banner").waitFor({ state: "detached" });
  await open(page, app, "/board");
  await page.locator(`main a[data-client-id="${own}"]`).waitFor();
  assert.equal(await page.locator("main a[data-client-id]").count(), 1, "only one's own client");

  // Left, it stays left after a reload.
  await page.reload();
  await page.locator(`main a[data-client-id="${own}"]`).waitFor();
  assert.equal(await page.locator(".demo-banner").count(), 0);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("continuum/v1/client/")));
  assert.deepEqual(stored, [`continuum/v1/client/${own}`], "nothing of the demo was stored");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
