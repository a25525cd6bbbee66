// The performance benchmark behind `./dev.sh bench` (see docs/performance.md).
//
// Serves the release build in dist/, generates seeded portfolios with the
// native example `bench_portfolio`, and measures in headless Chromium what a
// user waits for: the first load, the board, an answer's verdict, import,
// export, and what local storage holds. Prints a table, writes it to
// target/bench/results.md, and exits non-zero when a budget is missed.
//
//   node tools/bench.mjs [--sizes 100,1000,2000,5000] [--runs 7] [--out FILE] [--only team]
//
// `--only team` measures the team rows alone (tools/bench_team.mjs).
//
// Timings are taken inside the page with performance.now(): from the user's
// action (a capture-phase listener on the click or change) to the moment the
// result is in the DOM and laid out, so Playwright's own overhead is not
// counted.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync, constants as zlib } from "node:zlib";
import { launchChromium } from "../tests/e2e/support.mjs";
import { LIGHTHOUSE_VERSION, lighthouse } from "./bench_lighthouse.mjs";
import { serve } from "./serve.mjs";
import { TEAM_CLIENTS_EACH, TEAM_PEOPLE, teamFiles, teamRows, teamView } from "./bench_team.mjs";

const SEED = 2026;
const args = parseArgs(process.argv.slice(2));
const SIZES = (args.sizes ?? "100,1000,2000,5000").split(",").map(Number);
const RUNS = Number(args.runs ?? 7);
const OUT = args.out ?? (args.only ? `target/bench/results-${args.only}.md` : "target/bench/results.md");
const ONLY = args.only;
if (ONLY !== undefined && ONLY !== "team") throw new Error(`--only ${ONLY}: only "team" can be run alone`);

/** The budgets from issue 8; the bench fails when one is missed. */
const BUDGET = {
  firstLoadBytes: 200 * 1024,
  boardRatioAt2000: 1.5,
  verdictMsAt2000: 16,
  importMsAt2000: 500,
  clientsThatFit: 2000,
  // Issue 15: Lighthouse on `/` with its default mobile settings.
  lighthousePerformance: 95,
  lighthouseOthers: 100,
  lcpMs: 2000,
  // Issue 15: a team of 20 × 250 rich clients.
  teamShownMs: 1000,
  teamRevisitMs: 100,
};

function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(list[i]);
    if (!m) throw new Error(`unknown argument ${list[i]} (try --sizes, --runs, --out)`);
    out[m[1]] = m[2] ?? list[++i];
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const log = (...xs) => console.error("bench:", ...xs);

// ---------------------------------------------------------------- portfolios

function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Generates (or reuses) one file per size, keyed by size, seed and date. */
function portfolios(today, sizes = SIZES) {
  log("building the portfolio generator (cargo --release --example bench_portfolio)");
  const build = spawnSync("cargo", ["build", "--release", "--locked", "-p", "continuum-core", "--example", "bench_portfolio"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) throw new Error("could not build core/examples/bench_portfolio.rs");
  const bin = "target/release/examples/bench_portfolio";
  mkdirSync("target/bench", { recursive: true });
  const files = {};
  for (const n of sizes) {
    const file = `target/bench/portfolio-${n}-seed${SEED}-${today}.json`;
    if (!existsSync(file) || statSync(bin).mtimeMs > statSync(file).mtimeMs) {
      const run = spawnSync(bin, [String(n), file, today, String(SEED)], { stdio: "inherit" });
      if (run.status !== 0) throw new Error(`bench_portfolio ${n} failed`);
    }
    files[n] = file;
  }
  return files;
}

// ---------------------------------------------------------- page instruments

/**
 * Installed before the app starts in every page: timestamps of the user's
 * clicks and changes (capture phase, so before any handler of the app), the
 * start of each download, and every local storage write.
 */
function instrument() {
  const bench = (window.__bench = { click: 0, change: 0, download: 0, writes: [] });
  addEventListener("click", () => (bench.click = performance.now()), true);
  addEventListener("change", () => (bench.change = performance.now()), true);
  const anchorClick = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) bench.download = performance.now();
    return anchorClick.call(this);
  };
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    const entry = { key: String(key), chars: String(key).length + String(value).length, ok: false };
    bench.writes.push(entry);
    setItem.call(this, key, value);
    entry.ok = true;
  };
}

/**
 * Arms a watcher in the page: resolves `window.__wait` once `test()` holds
 * after a DOM change, with the time it first held and the layout forced
 * (`at`) and the time the next frame was produced (`frame`). `insertions`
 * watches only for added and removed nodes, which is all the board needs: a
 * watcher of every attribute would make the board, which sets attributes on
 * nodes already in the page, pay for records the floor never makes.
 */
async function arm(page, test, arg, { insertions = false } = {}) {
  await page.evaluate(
    ([source, arg, insertions]) => {
      const test = new Function("arg", `return (${source})(arg);`);
      window.__wait = new Promise((resolve) => {
        const done = () => {
          const built = performance.now();
          void document.body.offsetHeight; // layout, as the floor does
          const at = performance.now();
          requestAnimationFrame(() => setTimeout(() => resolve({ built, at, frame: performance.now() }), 0));
        };
        if (test(arg)) return done();
        const observer = new MutationObserver(() => {
          if (test(arg)) {
            observer.disconnect();
            done();
          }
        });
        const all = !insertions;
        observer.observe(document, { subtree: true, childList: true, attributes: all, characterData: all });
      });
    },
    [test.toString(), arg, insertions],
  );
}
const waited = (page) => page.evaluate(() => window.__wait);
const bench = (page) => page.evaluate(() => window.__bench);

async function newPage(browser) {
  const context = await browser.newContext({ acceptDownloads: true });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  page.problems = [];
  page.on("pageerror", (e) => page.problems.push(e.message));
  return page;
}

// ----------------------------------------------------------------- measures

/** Every file the first visit requests, gzipped at level 9. */
async function firstLoad(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const responses = [];
  page.on("response", (r) => responses.push(r));
  await page.goto(url + "/");
  await page.locator("main h1").first().waitFor();
  await page.waitForLoadState("networkidle");
  const parts = {};
  for (const r of responses) {
    if (!r.url().startsWith(url)) continue;
    const body = await r.body();
    const path = new URL(r.url()).pathname;
    const kind = path === "/" ? "html" : (path.split(".").pop() ?? "other");
    const gz = gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }).length;
    parts[kind] = (parts[kind] ?? 0) + gz;
  }
  await context.close();
  const total = Object.values(parts).reduce((a, b) => a + b, 0);
  return { total, parts, app: wholeApp() };
}

/**
 * Every file of the build, gzipped: what the service worker fetches and
 * stores in the background once the first page is shown, so that every
 * page also opens offline. Pages fetch their own pieces from it.
 */
function wholeApp(dir = "dist") {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile());
  let total = 0;
  for (const entry of files) {
    const body = readFileSync(join(entry.parentPath ?? entry.path, entry.name));
    total += gzipSync(body, { level: zlib.Z_BEST_COMPRESSION }).length;
  }
  return { total, files: files.length };
}

/**
 * From navigation to the demo board being shown and laid out: the page
 * itself clicks "Open the demo portfolio" as soon as the button exists, so
 * no automation delay is counted.
 */
async function demoBoard(browser, url) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const t = (window.__demo = {});
      const observer = new MutationObserver(() => {
        if (!t.clicked) {
          // The first paint's copy of the button (in #boot) is disabled
          // until the app takes over: wait for the app's own.
          const button = [...document.querySelectorAll("button")].find(
            (b) => b.textContent.includes("Open the demo portfolio") && !b.disabled && !b.closest("#boot"),
          );
          if (button) {
            t.mounted = performance.now();
            t.clicked = true;
            setTimeout(() => button.click(), 0);
          }
        } else if (!t.board && document.querySelector("section[data-category] [data-client-id]")) {
          void document.body.offsetHeight;
          t.board = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true });
    });
    const page = await context.newPage();
    await page.goto(url + "/");
    await page.locator("section[data-category] [data-client-id]").first().waitFor();
    times.push(await page.evaluate(() => window.__demo));
    await context.close();
  }
  return { mounted: median(times.map((t) => t.mounted)), board: median(times.map((t) => t.board)) };
}

/** How many UTF-16 code units one origin's local storage accepts. */
async function quota(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + "/team");
  const chars = await page.evaluate(() => {
    localStorage.clear();
    const fits = (n) => {
      try {
        localStorage.setItem("q", "a".repeat(n));
        return true;
      } catch {
        return false;
      } finally {
        localStorage.removeItem("q");
      }
    };
    let lo = 0;
    let hi = 1 << 25;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    return lo + 1; // plus the key
  });
  await context.close();
  return chars;
}

const nav = (page, href) => page.locator(`nav.main-nav a[href="${href}"]`).click();

/**
 * Imports `file` through Settings like a user: the preview three times
 * (cancelled in between; best and median kept, the machine is shared), then
 * the merge.
 */
async function importFile(page, url, file) {
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
function stored(page) {
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
function boardComplete() {
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
async function boardRender(page) {
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
async function answerToVerdict(page) {
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
async function exportTime(page) {
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

async function measureSize(browser, url, n, file) {
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

const kb = (bytes) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "n/a");
const int = (x) => Math.round(x).toLocaleString("en-US");

function report({ load, demo, lh, quotaChars, sizes, team }) {
  const failures = [];
  const check = (ok, text) => {
    if (!ok) failures.push(text);
    return ok ? "ok" : "**OVER BUDGET**";
  };
  if (!load) {
    const lines = teamRows(team, check, { budget: BUDGET, kb, ms, int });
    return { text: lines.join("\n"), failures };
  }
  const at = (n) => sizes.find((s) => s.n === n);
  const lines = [];
  const size2000 = at(2000);
  // Per client from every size that stored any (a portfolio that does not
  // fit still stores its first clients); the index record is the rest.
  const storing = sizes.filter((s) => s.storage.clients > 0);
  const perClient = median(storing.map((s) => s.storage.clientChars / s.storage.clients));
  const meta = Math.max(0, ...storing.filter((s) => s.fits).map((s) => s.storage.total - s.storage.clientChars));
  const maxClients = Math.floor((quotaChars - meta) / perClient);

  lines.push("| Figure | Value | Budget | |", "|---|---|---|---|");
  const parts = Object.entries(load.parts)
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(", ");
  lines.push(
    `| First load, gzipped (${parts}) | ${kb(load.total)} | ≤ ${kb(BUDGET.firstLoadBytes)} | ${check(load.total <= BUDGET.firstLoadBytes, "first load")} |`,
  );
  lines.push(
    `| Whole app, stored by the service worker after the first load for offline use (${int(load.app.files)} files) | ${kb(load.app.total)} | | |`,
  );
  lines.push(
    `| Lighthouse ${LIGHTHOUSE_VERSION} on \`/\` (mobile): performance | ${lh.performance} | ≥ ${BUDGET.lighthousePerformance} | ${check(lh.performance >= BUDGET.lighthousePerformance, "Lighthouse performance")} |`,
  );
  for (const [label, key] of [["accessibility", "accessibility"], ["best practices", "bestPractices"], ["SEO", "seo"]]) {
    lines.push(
      `| Lighthouse: ${label} | ${lh[key]} | ${BUDGET.lighthouseOthers} | ${check(lh[key] >= BUDGET.lighthouseOthers, `Lighthouse ${label}`)} |`,
    );
  }
  lines.push(
    `| Lighthouse: largest contentful paint (first contentful paint; total blocking time) | ${ms(lh.lcp)} (${ms(lh.fcp)}; ${ms(lh.tbt)}) | ≤ ${int(BUDGET.lcpMs)} ms | ${check(lh.lcp <= BUDGET.lcpMs, "largest contentful paint")} |`,
  );
  if (lh.failing.length) lines.push(`| Lighthouse: audits not passed | ${lh.failing.join(", ")} | | |`);
  lines.push(`| Navigation to app shown | ${ms(demo.mounted)} | | |`);
  lines.push(`| Navigation to demo board shown (40 clients) | ${ms(demo.board)} | | |`);
  lines.push(`| Local storage quota (Chromium) | ${int(quotaChars)} chars = ${kb(quotaChars * 2)} | | |`);
  lines.push(`| Stored per client (UTF-16) | ${int(perClient * 2)} bytes | | |`);
  lines.push(
    `| Largest portfolio that fits | ${int(maxClients)} clients | ≥ ${int(BUDGET.clientsThatFit)} | ${check(maxClients >= BUDGET.clientsThatFit && (!size2000 || size2000.fits), "clients that fit")} |`,
  );
  lines.push("");

  const head = ["Per portfolio size", ...sizes.map((s) => `${int(s.n)}`), "Budget", ""];
  lines.push(`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`);
  const row = (label, f, budget = "", verdict = "") =>
    lines.push(`| ${label} | ${sizes.map(f).join(" | ")} | ${budget} | ${verdict} |`);
  row("File size (JSON, as exported)", (s) => kb(s.fileBytes));
  row("Imported as", (s) =>
    s.refused ? `one-line JSON, ${kb(s.importedBytes)}: the exported file is over the import size limit` : "the exported file");
  row("Import: file chosen to preview (best; median)", (s) => `${ms(s.preview)}; ${ms(s.previewMedian)}`,
    `≤ ${BUDGET.importMsAt2000} ms at 2,000`,
    size2000 ? check(size2000.preview <= BUDGET.importMsAt2000, "import preview at 2,000") : "");
  row("Import: merge to done (incl. saving)", (s) => ms(s.apply),
    `≤ ${BUDGET.importMsAt2000} ms at 2,000`,
    size2000 ? check(size2000.apply <= BUDGET.importMsAt2000, "import apply at 2,000") : "");
  row("Stored in local storage", (s) => (s.fits ? `${kb(s.storage.total * 2)}` : `does not fit (${int(s.storage.clients)} saved)`));
  row("Board, first open (cold)", (s) => ms(s.board.cold));
  row("Board, later opens (median; best)", (s) => `${ms(s.board.warmMedian)}; ${ms(s.board.warm)}`);
  row("… of which layout (median)", (s) => ms(s.board.warmLayout));
  row("innerHTML floor, same markup (median; best)", (s) => `${ms(s.board.floorMedian)}; ${ms(s.board.floor)}`);
  row("… of which layout (median)", (s) => ms(s.board.floorLayout));
  const ratio = (s) => s.board.warmMedian / s.board.floorMedian;
  row("Board ÷ floor (medians; bests)", (s) => `${ratio(s).toFixed(2)}×; ${(s.board.warm / s.board.floor).toFixed(2)}×`,
    `≤ ${BUDGET.boardRatioAt2000}× at 2,000`,
    size2000 ? check(ratio(size2000) <= BUDGET.boardRatioAt2000, "board ratio at 2,000") : "");
  row("Cards rendered", (s) => int(s.board.cards));
  row("Answer to verdict", (s) => ms(s.answer.verdict),
    `≤ ${BUDGET.verdictMsAt2000} ms at 2,000`,
    size2000 ? check(size2000.answer.verdict <= BUDGET.verdictMsAt2000, "answer to verdict at 2,000") : "");
  row("Answer to next frame", (s) => ms(s.answer.frame));
  const editBytes = (s) => s.answer.editWrites.reduce((a, w) => a + w.chars * 2, 0);
  row("Bytes written by one edit", (s) =>
    s.fits ? `${int(editBytes(s))} (${s.answer.editWrites.length} key)` : `n/a (storage full)`);
  row("Export: click to download", (s) => ms(s.exported.ms));
  const fitted = sizes.filter((s) => s.fits).map(editBytes);
  const flat = fitted.length < 2 || Math.max(...fitted) <= 1.5 * Math.min(...fitted);
  lines.push("");
  lines.push(
    `Bytes written per edit independent of portfolio size: ${check(flat, "bytes per edit grow with the portfolio")} (${fitted.map(int).join(", ")} bytes).`,
  );
  lines.push("", ...teamRows(team, check, { budget: BUDGET, kb, ms, int }));
  return { text: lines.join("\n"), failures };
}

async function main() {
  if (!existsSync("dist/index.html")) throw new Error("dist/ is missing: run ./dev.sh bench");
  const today = localToday();
  const files = ONLY ? {} : portfolios(today);
  const team5000 = files[TEAM_PEOPLE * TEAM_CLIENTS_EACH] ?? portfolios(today, [TEAM_PEOPLE * TEAM_CLIENTS_EACH])[TEAM_PEOPLE * TEAM_CLIENTS_EACH];
  const paths = teamFiles(team5000);
  const server = await serve("dist");
  const browser = await launchChromium();
  try {
    const results = {};
    if (!ONLY) {
      log("first load");
      results.load = await firstLoad(browser, server.url);
      log("demo board");
      results.demo = await demoBoard(browser, server.url);
      log("storage quota");
      results.quotaChars = await quota(browser, server.url);
      log(`lighthouse ${LIGHTHOUSE_VERSION} on /`);
      results.lh = await lighthouse(server.url + "/");
      results.sizes = [];
      for (const n of SIZES) results.sizes.push(await measureSize(browser, server.url, n, files[n]));
    }
    results.team = await teamView(browser, server.url, paths, { runs: RUNS, newPage, log });
    const { text, failures } = report(results);
    const chromium = browser.version();
    const header = `Continuum benchmark, ${new Date().toISOString().slice(0, 16)}Z, Chromium ${chromium}, ${RUNS} runs per timing (median; board and floor: ${2 * RUNS + 1} pairs, median and best), seed ${SEED}.\n`;
    const out = `${header}\n${text}\n`;
    console.log(out);
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, out);
    writeFileSync(OUT.replace(/\.md$/, "") + ".json", JSON.stringify(results, null, 1));
    for (const s of results.sizes ?? []) if (s.problems.length) log(`${s.n}: page errors: ${s.problems.join("; ")}`);
    if (results.team.problems.length) log(`team: page errors: ${results.team.problems.join("; ")}`);
    log(`written to ${OUT}`);
    if (failures.length) {
      console.error(`bench: over budget: ${failures.join("; ")}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
