// Splits the release build's wasm into pieces loaded on demand (see
// docs/performance.md, "First load"). Called by tools/precache.mjs, Trunk's
// post_build hook, before it lists the files for the service worker.
//
// Trunk 0.21 has no step for this, so the hook redoes the end of Trunk's
// pipeline on the wasm cargo linked (Trunk's own wasm-opt is switched off in
// index.html):
//
//   1. wasm-split-cli cuts the linked wasm at the `#[lazy]` split points
//      (build.rs turns them on, with the linker relocations the tool reads,
//      for release wasm only) into the main module, one module per split
//      point and chunks of code shared between them, plus `__wasm_split.js`,
//      which fetches and links them;
//   2. wasm-bindgen generates the JavaScript glue for the main module;
//   3. wasm-opt -Oz optimises every module;
//   4. index.html names the new files, with fresh integrity hashes.
//
// Steps 1 to 3 depend only on the linked wasm, so their output is kept in
// target/split/<hash>/ and reused while the wasm does not change (a second
// `./dev.sh run` does not optimise the pieces again).
//
// Every name carries a hash of the linked wasm, so a browser never mixes
// pieces of two builds: the main module is `continuum-<hash>` and the other
// pieces are in the folder `split-<hash>/`.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { withLoadAfterPaint } from "./after_paint.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CRATE = "continuum";
// The same features Trunk's wasm-opt step enables by default for today's rustc.
const WASM_OPT_FLAGS = [
  "-Oz",
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

function failed(command, error) {
  const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
  return new Error(`${command} failed: ${output || error.message}`);
}

function run(command, args) {
  try {
    execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw failed(command, error);
  }
}

/** wasm-opt on every file, as many at once as there are cores. */
async function optimise(files) {
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      try {
        await promisify(execFile)("wasm-opt", [...WASM_OPT_FLAGS, file, "-o", file]);
      } catch (error) {
        throw failed("wasm-opt", error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
}

const targetDir = () => process.env.CARGO_TARGET_DIR || join(ROOT, "target");

/** The wasm cargo linked for this release build. */
export function linkedWasm() {
  return join(targetDir(), "wasm32-unknown-unknown", "release", `${CRATE}.wasm`);
}

/** Every `.wasm` file under `dir`, as full paths. */
function wasmFilesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".wasm"))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * The page with every `integrity` attribute recomputed from the file its
 * tag's `href` names (Trunk's preload links pin the files this step replaces).
 */
export function withIntegrity(html, dir) {
  return html.replace(/<link\b[^>]*>/gi, (tag) => {
    const href = tag.match(/\bhref="\/?([^"]+)"/i);
    if (!href || !/\bintegrity="/i.test(tag)) return tag;
    const bytes = readFileSync(join(dir, href[1]));
    const digest = createHash("sha384").update(bytes).digest("base64");
    return tag.replace(/\bintegrity="[^"]*"/i, `integrity="sha384-${digest}"`);
  });
}

/**
 * The page with the pieces' loader preloaded beside the glue that imports
 * it, so both arrive together instead of one after the other.
 */
function withLoaderPreload(html, base, splitDir) {
  const glue = new RegExp(`<link rel="modulepreload" href="([^"]*)${base}\\.js"[^>]*>`);
  const found = html.match(glue);
  if (!found) throw new Error(`index.html does not preload ${base}.js`);
  const loader = `<link rel="modulepreload" href="${found[1]}${splitDir}/__wasm_split.js" crossorigin="anonymous" integrity="sha384-">`;
  return html.replace(found[0], `${found[0]}\n${loader}`);
}

/**
 * Splits, binds and optimises `wasm` into `out`: `<base>.js`,
 * `<base>_bg.wasm` and the folder `<splitDir>/`.
 */
async function build(wasm, out, base, splitDir) {
  mkdirSync(out, { recursive: true });
  // The main module goes next to index.html ("../" from the pieces' folder),
  // which is also where the pieces' loader imports the glue from.
  run("wasm-split-cli", [wasm, join(out, splitDir), "--out-name", `../${base}`]);
  const splitMain = join(out, `${base}.wasm`);
  run("wasm-bindgen", [
    "--target=web",
    "--keep-lld-exports",
    "--no-demangle",
    "--no-typescript",
    `--out-name=${base}`,
    `--out-dir=${out}`,
    splitMain,
  ]);
  rmSync(splitMain);

  // The glue imports the loader as a sibling; it lives in the pieces' folder.
  // (Only the import statements change: the wasm's import module keeps its name.)
  const glue = join(out, `${base}.js`);
  const text = readFileSync(glue, "utf8");
  const loaderImport = /(\bfrom\s*)(["'])\.\/__wasm_split\.js\2/g;
  if (!loaderImport.test(text)) throw new Error(`${glue} does not import __wasm_split.js: nothing was split`);
  writeFileSync(glue, text.replace(loaderImport, `$1"./${splitDir}/__wasm_split.js"`));

  await optimise([join(out, `${base}_bg.wasm`), ...wasmFilesUnder(join(out, splitDir))]);
}

/** Splits, binds and optimises the staged release build in `dir`. */
export async function splitRelease(dir, wasm = linkedWasm()) {
  if (!existsSync(wasm)) throw new Error(`${wasm} is missing: was it built by \`trunk build --release\`?`);
  const staged = readdirSync(dir).find((name) => new RegExp(`^${CRATE}-[0-9a-f]+\\.js$`).test(name));
  if (!staged) throw new Error(`no ${CRATE}-<hash>.js from Trunk in ${dir}`);
  const trunkBase = staged.slice(0, -".js".length);

  const hash = createHash("sha256").update(readFileSync(wasm)).digest("hex").slice(0, 16);
  const base = `${CRATE}-${hash}`;
  const splitDir = `split-${hash}`;
  const cache = join(targetDir(), "split", hash);
  const reused = existsSync(join(cache, `${base}_bg.wasm`));
  if (!reused) {
    // Built beside the cache, which keeps only the latest build.
    const partial = join(targetDir(), `split-${hash}.partial`);
    rmSync(partial, { recursive: true, force: true });
    await build(wasm, partial, base, splitDir);
    rmSync(join(targetDir(), "split"), { recursive: true, force: true });
    mkdirSync(join(targetDir(), "split"), { recursive: true });
    renameSync(partial, cache);
  }
  cpSync(cache, dir, { recursive: true });

  if (trunkBase !== base) {
    rmSync(join(dir, `${trunkBase}.js`), { force: true });
    rmSync(join(dir, `${trunkBase}_bg.wasm`), { force: true });
  }
  const index = join(dir, "index.html");
  const html = withLoaderPreload(readFileSync(index, "utf8").replaceAll(trunkBase, base), base, splitDir);
  writeFileSync(index, withIntegrity(withLoadAfterPaint(html), dir));
  const pieces = readdirSync(join(dir, splitDir)).length;
  return { base, splitDir, pieces, reused };
}
