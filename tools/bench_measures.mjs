// The benchmark's measures of one portfolio size: import, board, answer to
// verdict, export and what local storage holds (see tools/bench.mjs).
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { RUNS, log, median } from "./bench_setup.mjs";
import { arm, bench, nav, newPage, waited } from "./bench_page.mjs";


/**
 * Imports `file` through Settings like a user: the preview three times
 * (cancelled in between; best and median kept, the machine is shared), then
 * the merge.
 */
export async function importFile(page, url, file) {
  await page.goto(url + "/settings");
  // The first paint (`#boot`) repeats the header: wait for the app's own.
  await page.waitForFunction(() => !document.getElementById("boot"));
  await page.locator("#import-file").waitFor({ state: "attached" });
  const previews = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) {
      await page.getByRole("button", { name: "Cancel" }).click();
      await page.locator(".import-preview").waitFor({ state: "detached" });
    }
    await arm(page, () => document.querySelector(".import-preview, .import-error"));
    await page.locator("#import-file").setInputFiles(file);
    const preview = await waited(page);
    previews.push(preview.at - (await bench(page)).change);
    if (await page.locator(".import-error").count()) break;
  }
  if (await page.locator(".import-error").count()) {
    const why = await page.locator(".import-error").innerText();
    // The app refuses files over its size limit before reading them. The
    // same portfolio written on one line (also a valid Continuum file) may
    // be under it: note the refusal and measure with that.
    if (/opens files up to/.test(why) && !file.endsWith(".min.json")) {
      const small = file.replace(/\.json$/, ".min.json");
      if (!existsSync(small) || statSync(small).mtimeMs < statSync(file).mtimeMs) {
        writeFileSync(small, JSON.stringify(JSON.parse(readFileSync(file, "utf8"))));
      }
      const retried = await importFile(page, url, small);
      return { ...retried, refused: why.split("\n")[0], usedFile: small };
    }
    throw new Error(`import of ${file} failed: ${why}`);
  }
  const incoming = Number(await page.locator("[data-preview=new]").innerText());
  await arm(page, () => document.querySelector(".import-done"));
  await page.getByRole("button", { name: "Merge into my portfolio" }).click();
  const applied = await waited(page);
  const clickAt = (await bench(page)).click;
  return { incoming, preview: Math.min(...previews), previewMedian: median(previews), apply: applied.at - clickAt };
}

/** What the app keeps in local storage, in UTF-16 code units. */
export function stored(page) {
  return page.evaluate(() => {
    let clients = 0;
    let clientChars = 0;
    let total = 0;
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      const chars = k.length + (localStorage.getItem(k) ?? "").length;
      total += chars;
      if (k.startsWith("continuum/v1/client/")) {
        clients += 1;
        clientChars += chars;
      }
    }
    return { clients, clientChars, total };
  });
}

/** How many cards the board should show once complete: a test for `arm`. */
export function boardComplete() {
  const columns = document.querySelectorAll(".board section[data-category]");
  if (columns.length !== 5) return false;
  for (const c of columns) {
    const count = Number(c.querySelector(".count")?.textContent ?? NaN);
    if (c.querySelectorAll("[data-client-id]").length !== Math.min(count, 60)) return false;
  }
  return true;
}

/**
 * The board, opened from the nav (cold first, then warm), and in the same
 * page the floor: the browser building the identical markup from a string.
 * Board and floor runs alternate, 2 × runs + 1 pairs, so both meet the
 * same machine load. The budget compares their medians: on the shared
 * 2-core machine the same innerHTML takes from 23 to 50 ms from one run to
 * the next, so the ratio of the two best runs was decided by whichever side
 * had one lucky run (it ranged from 1.1× to 1.8× between identical
 * benchmarks), while the medians move together. The best runs are shown too.
 */
export async function boardRender(page) {
  const toTeam = async () => {
    await nav(page, "/team");
    await page.locator("main h1", { hasText: "Team" }).waitFor();
  };
  const openBoard = async () => {
    await toTeam();
    await arm(page, boardComplete, undefined, { insertions: true });
    await nav(page, "/board");
    const r = await waited(page);
    return { total: r.at - (await bench(page)).click, layout: r.at - r.built };
  };
  // The floor is watched by the same watcher as the board (which finds the
  // board's markup in the host), so both pay the same measuring costs.
  const floorOnce = async (html) => {
    await arm(page, boardComplete, undefined, { insertions: true });
    const start = await page.evaluate((html) => {
      const host = document.createElement("main");
      host.className = "page floor";
      document.querySelector("main").after(host);
      const start = performance.now();
      host.innerHTML = html;
      return start;
    }, html);
    const r = await waited(page);
    await page.evaluate(() => document.querySelector("main.floor").remove());
    return { total: r.at - start, layout: r.at - r.built };
  };

  const cold = await openBoard();
  const cards = await page.locator(".board [data-client-id]").count();
  const markup = await page.evaluate(() => document.querySelector(".board-page").outerHTML);
  const board = [];
  const floor = [];
  for (let i = 0; i < 2 * RUNS + 1; i++) {
    board.push(await openBoard());
    await toTeam();
    floor.push(await floorOnce(markup));
  }
  const best = (xs) => xs.reduce((a, b) => (b.total < a.total ? b : a));
  const list = (xs) => xs.map((x) => x.total.toFixed(1)).join(", ");
  log(`board opens (ms): ${list(board)}; floor: ${list(floor)}`);
  return {
    cold: cold.total,
    warm: best(board).total,
    warmLayout: median(board.map((b) => b.layout)),
    warmMedian: median(board.map((b) => b.total)),
    floor: best(floor).total,
    floorLayout: median(floor.map((f) => f.layout)),
    floorMedian: median(floor.map((f) => f.total)),
    cards,
    markupChars: markup.length,
  };
}

/**
 * Opens a client's check-up, finds an answer that moves the verdict, and
 * times click -> `data-verdict` changed, flipping back and forth. Then counts
 * what one edit writes to local storage once the debounced save ran.
 */
export async function answerToVerdict(page) {
  await nav(page, "/board");
  await page.locator(".board [data-client-id]").first().waitFor();
  const card = page.locator('.board section[data-category="secure"] [data-client-id]').first();
  const id = await card.getAttribute("data-client-id");
  await card.click();
  await page.locator("[data-verdict]").waitFor();
  const verdict = () => page.locator("[data-verdict]").getAttribute("data-verdict");
  const radio = (q, v) => page.locator(`fieldset[data-question="${q}"] input[type=radio][value="${v}"]`);
  const checked = (q) =>
    page.locator(`fieldset[data-question="${q}"] input[type=radio]:checked`).getAttribute("value");

  // An answer that changes the verdict: the first secure check, answered "no".
  const question = await page.locator("fieldset[data-question]").first().getAttribute("data-question");
  const original = await checked(question);
  const before = await verdict();
  const flip = original === "no" ? "unsure" : "no";

  const samples = [];
  const frames = [];
  for (let i = 0; i < RUNS * 2; i++) {
    const value = i % 2 === 0 ? flip : original;
    const was = await verdict();
    await arm(page, (was) => document.querySelector("[data-verdict]")?.getAttribute("data-verdict") !== was, was);
    await radio(question, value).click();
    const r = await waited(page);
    const clickAt = (await bench(page)).click;
    samples.push(r.at - clickAt);
    frames.push(r.frame - clickAt);
  }
  const after = await verdict();
  if (after !== before) throw new Error(`verdict did not come back (${before} -> ${after})`);

  // One edit, then the debounced save (300 ms).
  await page.waitForTimeout(800);
  await page.evaluate(() => (window.__bench.writes = []));
  await radio(question, flip).click();
  await page.waitForTimeout(800);
  const writes = (await bench(page)).writes;
  await radio(question, original).click();
  await page.waitForTimeout(800);
  return {
    id,
    question,
    verdict: median(samples),
    frame: median(frames),
    editWrites: writes.filter((w) => w.ok),
    editFailed: writes.filter((w) => !w.ok).length,
  };
}

/** Settings -> "Export everything (JSON)" until the download starts. */
export async function exportTime(page) {
  const times = [];
  let size = 0;
  for (let i = 0; i < 3; i++) {
    await nav(page, "/settings");
    const button = page.getByRole("button", { name: "Export everything (JSON)" });
    await button.waitFor();
    await page.evaluate(() => (window.__bench.download = 0));
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    const b = await bench(page);
    times.push(b.download - b.click);
    size = statSync(await download.path()).size;
  }
  return { ms: median(times), bytes: size };
}

// --------------------------------------------------------------------- main

export async function measureSize(browser, url, n, file) {
  log(`${n} clients: import`);
  const page = await newPage(browser);
  const imported = await importFile(page, url, file);
  if (imported.incoming !== n) throw new Error(`the preview counted ${imported.incoming} new clients, not ${n}`);
  await page.waitForTimeout(500);
  const storage = await stored(page);
  const full = await page.locator(".notice.error").count();
  log(`${n} clients: board`);
  const board = await boardRender(page);
  log(`${n} clients: answer to verdict`);
  const answer = await answerToVerdict(page);
  log(`${n} clients: export`);
  const exported = await exportTime(page);
  const problems = page.problems;
  await page.context().close();
  return {
    n,
    fileBytes: statSync(file).size,
    importedBytes: statSync(imported.usedFile ?? file).size,
    ...imported,
    storage,
    fits: storage.clients === n && full === 0,
    board,
    answer,
    exported,
    problems,
  };
}
