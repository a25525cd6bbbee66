// Lighthouse on `/` of the release build for `./dev.sh bench`: its default
// mobile emulation (slow 4G, a CPU four times slower), the four category
// scores and the largest contentful paint. Lighthouse is fetched from npm by
// `npm exec` at the pinned version (12.2.3 runs on Node 20; 13 does not), so
// the test setup never downloads it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM_FLAGS, chromiumPath } from "../tests/e2e/support.mjs";

export const LIGHTHOUSE_VERSION = "12.2.3";

/**
 * Runs Lighthouse once against `url` and returns its scores (0–100) and
 * timings (ms). Asynchronous on purpose: the server under test runs in this
 * same Node process and must keep answering.
 */
export async function lighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), "continuum-lighthouse-"));
  const report = join(dir, "report.json");
  try {
    const status = await new Promise((resolve, reject) => {
      const child = spawn(
        "npm",
        [
          "exec", "--yes", `--package=lighthouse@${LIGHTHOUSE_VERSION}`, "--",
          "lighthouse", url,
          "--output=json", `--output-path=${report}`, "--quiet",
          `--chrome-flags=--headless=new ${CHROMIUM_FLAGS.join(" ")}`,
        ],
        { env: { ...process.env, CHROME_PATH: chromiumPath() }, stdio: ["ignore", "ignore", "inherit"] },
      );
      child.on("error", reject);
      child.on("exit", resolve);
    });
    if (status !== 0) throw new Error(`lighthouse exited with ${status}`);
    const result = JSON.parse(readFileSync(report, "utf8"));
    const score = (id) => Math.round((result.categories[id]?.score ?? 0) * 100);
    const audit = (id) => result.audits[id]?.numericValue ?? NaN;
    const failing = Object.values(result.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => a.id);
    return {
      performance: score("performance"),
      accessibility: score("accessibility"),
      bestPractices: score("best-practices"),
      seo: score("seo"),
      fcp: audit("first-contentful-paint"),
      lcp: audit("largest-contentful-paint"),
      tbt: audit("total-blocking-time"),
      cls: audit("cumulative-layout-shift"),
      failing,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node tools/bench_lighthouse.mjs URL` prints one run, for a quick look.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await lighthouse(process.argv[2] ?? "http://127.0.0.1:8080/"));
}
