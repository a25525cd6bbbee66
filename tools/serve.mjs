// A small static server for the built app (dist/), used by `./dev.sh run`,
// the end-to-end tests and the benchmark. Paths that are not files fall back
// to index.html, so deep links to app routes open the app; a missing path
// with a file extension (a .wasm, .js or robots.txt that is not there) is a
// 404, so a broken build shows as broken instead of as the app's HTML.
// Text and wasm are sent gzipped to browsers that accept it, as any static
// host does, so timings (and Lighthouse) see the bytes a user downloads.
//
//   node tools/serve.mjs <dir> [host] [port]     (port 0 picks a free port)
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".webmanifest", ".txt"]);

/** Gzipped bodies by path and modification time, compressed once each. */
const gzipped = new Map();

async function gzipOf(file, body) {
  const key = `${file}@${(await stat(file)).mtimeMs}`;
  if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
  return gzipped.get(key);
}

class NotFound extends Error {}

async function fileFor(root, urlPath) {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, clean);
  if (candidate.startsWith(root)) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // not a file: fall through to the app's index
    }
  }
  // App routes have no extension; anything else that is missing is missing.
  if (extname(clean) !== "") throw new NotFound(urlPath);
  return join(root, "index.html");
}

/** Serves `dir` on host:port; resolves to { url, close() } once listening. */
export function serve(dir, host = "127.0.0.1", port = 0) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url, "http://localhost").pathname;
      const file = await fileFor(root, path);
      let body = await readFile(file);
      const headers = {
        "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
        "Cache-Control": "no-cache",
        Vary: "Accept-Encoding",
      };
      if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
        body = await gzipOf(file, body);
        headers["Content-Encoding"] = "gzip";
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch (error) {
      if (error instanceof NotFound) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`Not found: ${error.message}\n`);
        return;
      }
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(error));
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      ok({
        url: `http://${host}:${actual}`,
        close: () => new Promise((done) => {
          server.closeAllConnections?.();
          server.close(() => done());
        }),
      });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = "dist", host = "127.0.0.1", port = "8080"] = process.argv.slice(2);
  const { url } = await serve(dir, host, Number(port));
  console.log(`Serving ${dir} at ${url}/`);
}
