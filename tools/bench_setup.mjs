// The benchmark's settings, budgets and seeded portfolios (see tools/bench.mjs).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";

export const SEED = 2026;
export const args = parseArgs(process.argv.slice(2));
export const SIZES = (args.sizes ?? "100,1000,2000,5000").split(",").map(Number);
export const RUNS = Number(args.runs ?? 7);
export const OUT = args.out ?? (args.only ? `target/bench/results-${args.only}.md` : "target/bench/results.md");
export const ONLY = args.only;
if (ONLY !== undefined && ONLY !== "team") throw new Error(`--only ${ONLY}: only "team" can be run alone`);

/** The budgets from issue 8; the bench fails when one is missed. */
export const BUDGET = {
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

export function parseArgs(list) {
  const out = {};
  for (let i = 0; i < list.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(list[i]);
    if (!m) throw new Error(`unknown argument ${list[i]} (try --sizes, --runs, --out)`);
    out[m[1]] = m[2] ?? list[++i];
  }
  return out;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
export const log = (...xs) => console.error("bench:", ...xs);

// ---------------------------------------------------------------- portfolios

export function localToday() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Generates (or reuses) one file per size, keyed by size, seed and date. */
export function portfolios(today, sizes = SIZES) {
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
