// Private by construction: the built page carries a strict Content-Security-
// Policy that keeps it to its own origin, the app works under it with no
// violation, the policy really blocks what it should, and using the app makes
// no request to any other origin.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { addClient, freshPage, open, useApp, violations, watchPolicy } from "./support.mjs";

const app = useApp();

function builtPolicy() {
  const html = readFileSync("dist/index.html", "utf8");
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  assert.ok(meta, "dist/index.html has a Content-Security-Policy meta tag");
  return Object.fromEntries(
    meta[1].split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

test("the built page's policy allows its own origin only, and no inline code but Trunk's loader", () => {
  const policy = builtPolicy();
  assert.deepEqual(policy["default-src"], ["'self'"]);
  assert.deepEqual(policy["connect-src"], ["'self'"]);
  assert.deepEqual(policy["object-src"], ["'none'"]);
  assert.deepEqual(policy["base-uri"], ["'none'"]);
  for (const [name, sources] of Object.entries(policy)) {
    for (const source of sources) {
      assert.match(source, /^'(self|none|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/, `${name} allows only this origin, not ${source}`);
    }
  }
  const html = readFileSync("dist/index.html", "utf8");
  const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, "Trunk's loader is the one inline script");
  const hash = createHash("sha256").update(inline[0]).digest("base64");
  assert.deepEqual(
    policy["script-src"].filter((s) => s.startsWith("'sha256-")),
    [`'sha256-${hash}'`],
    "script-src allows exactly the loader",
  );
});

test("the app works under the policy with no violation and no request to another origin", async () => {
  const page = await freshPage(app);
  await watchPolicy(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));

  await open(page, app, "/");
  const id = await addClient(page, app, "Policy Paper Co");
  for (const tab of ["profile", "people", "issues", "assessment", "plan", "history"]) {
    await open(page, app, `/client/${id}/${tab}`);
  }
  await open(page, app, "/settings");
  await open(page, app, "/due");
  await open(page, app, "/team");
  await open(page, app, "/board");
  await open(page, app, "/");
  await page.getByRole("button", { name: "Open the demo portfolio" }).click();
  await page.locator("[data-client-id]").first().waitFor();
  await page.locator("a[data-client-id]").first().click();
  await page.locator("main h1").first().waitFor();

  assert.deepEqual(await violations(page), [], "no Content-Security-Policy violation");
  assert.deepEqual(page.problems, []);

  const origin = new URL(app.url).origin;
  const resources = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  const elsewhere = [...requests, ...resources].filter((url) => {
    const u = new URL(url);
    return u.origin !== origin && u.protocol !== "data:" && u.protocol !== "blob:";
  });
  assert.ok(requests.length > 0 && resources.length > 0, "requests were recorded");
  assert.deepEqual(elsewhere, [], "every request stays on the app's own origin");
  await page.context().close();
});

test("the policy is enforced: injected inline script and inline handlers do not run", async () => {
  const page = await freshPage(app);
  await watchPolicy(page);
  await open(page, app, "/");
  const ran = await page.evaluate(() => {
    window.__ran = [];
    const script = document.createElement("script");
    script.textContent = "window.__ran.push('inline script')";
    document.body.append(script);
    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__ran.push('inline handler')");
    document.body.append(button);
    button.click();
    return window.__ran;
  });
  assert.deepEqual(ran, [], "neither ran");
  assert.equal((await violations(page)).length, 2, "both attempts were reported as violations");
  await page.context().close();
});
