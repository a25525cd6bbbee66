// Trunk post_build hook (see Trunk.toml): finishes the staged build before it
// replaces dist/.
//
// Release builds:
// * the wasm is split into pieces loaded on demand (tools/split.mjs);
// * the Content-Security-Policy's script-src gets the sha256 of each inline
//   script in index.html (Trunk's loader, whose text changes every build
//   because it names the hashed files), so no 'unsafe-inline' is needed;
// * index.html's `continuum-release` meta gets the build's release name, a
//   hash of every file, so the app can tell the user it was updated;
// * sw.js is written from assets/service-worker.js with that release name
//   and the list of every file to precache.
// Debug builds (`trunk serve`) get neither the policy nor a service worker,
// so the development server's reload script runs and nothing is served stale.
//
// Run by hand on a built folder with the same variables Trunk sets:
//   TRUNK_STAGING_DIR=dist TRUNK_PROFILE=release node tools/precache.mjs
// Running it again on its own output gives the same result.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { splitRelease } from "./split.mjs";

const WORKER = "sw.js";
const TEMPLATE = fileURLToPath(new URL("../assets/service-worker.js", import.meta.url));
const CSP_META = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;
const RELEASE_META = /(<meta\s+name="continuum-release"\s+content=")[^"]*("\s*\/?>)/i;

/** The text of every inline script (one without `src`) in a page. */
export function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , text]) => text);
}

/** The CSP source expression that allows exactly this inline script. */
export function scriptHash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/**
 * The page with its policy's script-src allowing exactly the page's inline
 * scripts (earlier hashes are replaced, so running twice changes nothing).
 */
export function withScriptHashes(html) {
  const found = html.match(CSP_META);
  if (!found) throw new Error("index.html has no Content-Security-Policy meta tag");
  const hashes = inlineScripts(html).map(scriptHash);
  let seen = false;
  const directives = found[1].split(";").map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name !== "script-src") return directive.trim();
    seen = true;
    const kept = sources.filter((s) => !s.startsWith("'sha256-"));
    return [name, ...kept, ...hashes].join(" ");
  });
  if (!seen) throw new Error("the Content-Security-Policy has no script-src directive");
  return html.replace(CSP_META, (tag) => tag.replace(found[1], () => directives.join("; ")));
}

export function withoutPolicy(html) {
  return html.replace(CSP_META, "");
}

export function withRelease(html, release) {
  if (!RELEASE_META.test(html)) throw new Error('index.html has no <meta name="continuum-release">');
  return html.replace(RELEASE_META, `$1${release}$2`);
}

/** Every file under `dir` as a path relative to it, with `/`, sorted. */
function filesUnder(dir, prefix = "") {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesUnder(dir, path) : [path];
    })
    .sort();
}

/**
 * The release name: a hash of every file's path and bytes (index.html with
 * its release meta blanked, as the name cannot hash itself).
 */
export function releaseName(dir, files) {
  const hash = createHash("sha256");
  for (const path of files) {
    let bytes = readFileSync(join(dir, path));
    if (path === "index.html") bytes = Buffer.from(withRelease(bytes.toString("utf8"), ""));
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex").slice(0, 16);
}

export function finishRelease(dir, publicUrl = "/") {
  const index = join(dir, "index.html");
  writeFileSync(index, withScriptHashes(readFileSync(index, "utf8")));
  const files = filesUnder(dir).filter((path) => path !== WORKER);
  const release = releaseName(dir, files);
  writeFileSync(index, withRelease(readFileSync(index, "utf8"), release));
  const urls = files.map((path) => publicUrl + path);
  const head =
    `// Written by tools/precache.mjs for this build; the template is assets/service-worker.js.\n` +
    `const RELEASE = ${JSON.stringify(release)};\n` +
    `const FILES = ${JSON.stringify(urls, null, 2)};\n\n`;
  writeFileSync(join(dir, WORKER), head + readFileSync(TEMPLATE, "utf8"));
  return { release, files: urls };
}

export function finishDebug(dir) {
  const index = join(dir, "index.html");
  writeFileSync(index, withoutPolicy(readFileSync(index, "utf8")));
  rmSync(join(dir, WORKER), { force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error("precache: TRUNK_STAGING_DIR is not set (run by Trunk, or see the comment at the top)");
    process.exit(1);
  }
  try {
    if (process.env.TRUNK_PROFILE === "release") {
      const split = await splitRelease(dir);
      const how = split.reused ? "reused from target/split/" : "split, bound and optimised";
      console.log(`split: ${split.base}.js and _bg.wasm, ${split.pieces} files in ${split.splitDir}/ (${how})`);
      const publicUrl = process.env.TRUNK_PUBLIC_URL || "/";
      const { release, files } = finishRelease(dir, publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`);
      console.log(`precache: release ${release}, ${files.length} files in ${WORKER}, script hashes in the policy`);
    } else {
      finishDebug(dir);
      console.log("precache: debug build, no policy and no service worker");
    }
  } catch (error) {
    console.error(`precache: ${join(dir, "index.html")}: ${error.message}`);
    process.exit(1);
  }
}
