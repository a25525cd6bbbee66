// The build hook (tools/precache.mjs) on copies of the release build: a
// release gets the loader's hash, a release name and a worker listing every
// file; running it twice changes nothing; a debug build (`trunk serve`) gets
// no policy and no worker, so development never serves stale files.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { finishDebug, finishRelease, scriptHash } from "../../tools/precache.mjs";

const copies = [];
after(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function copyOfDist() {
  const dir = mkdtempSync(join(tmpdir(), "continuum-hook-"));
  copies.push(dir);
  cpSync("dist", dir, { recursive: true });
  return dir;
}

const read = (dir, file) => readFileSync(join(dir, file), "utf8");

test("a release lists every file in the worker and runs the same twice", () => {
  const dir = copyOfDist();
  const first = finishRelease(dir);
  const snapshot = { index: read(dir, "index.html"), worker: read(dir, "sw.js") };
  const second = finishRelease(dir);
  assert.equal(second.release, first.release, "the same build has the same release name");
  assert.deepEqual(snapshot, { index: read(dir, "index.html"), worker: read(dir, "sw.js") });

  const wasm = readdirSync(dir).find((f) => f.endsWith(".wasm"));
  for (const url of ["/index.html", "/manifest.webmanifest", "/icons/icon-512.png", `/${wasm}`]) {
    assert.ok(first.files.includes(url), `${url} is precached`);
  }
  assert.ok(!first.files.includes("/sw.js"), "the worker does not cache itself");
  assert.match(snapshot.worker, new RegExp(`const RELEASE = "${first.release}";`));
  const loader = snapshot.index.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  assert.ok(snapshot.index.includes(scriptHash(loader)), "the policy allows the loader");
});

test("a changed file makes a new release", () => {
  const dir = copyOfDist();
  const { release } = finishRelease(dir);
  cpSync(join(dir, "icons/icon-192.png"), join(dir, "icons/icon-512.png"));
  assert.notEqual(finishRelease(dir).release, release);
});

test("a debug build has no policy and no worker", () => {
  const dir = copyOfDist();
  finishRelease(dir);
  finishDebug(dir);
  assert.equal(existsSync(join(dir, "sw.js")), false);
  assert.doesNotMatch(read(dir, "index.html"), /Content-Security-Policy/);
});
