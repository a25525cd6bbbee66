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
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { dirname } from "node:path";
import { launchChromium } from "../tests/e2e/support.mjs";
import { LIGHTHOUSE_VERSION, lighthouse } from "./bench_lighthouse.mjs";
import { demoBoard, firstLoad, newPage, quota } from "./bench_page.mjs";
import { measureSize } from "./bench_measures.mjs";
import { BUDGET, ONLY, OUT, RUNS, SEED, SIZES, localToday, log, median, portfolios } from "./bench_setup.mjs";
import { serve } from "./serve.mjs";
import { TEAM_CLIENTS_EACH, TEAM_PEOPLE, teamFiles, teamRows, teamView } from "./bench_team.mjs";

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
