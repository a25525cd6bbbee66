// Continuum's service worker: after one visit the app opens with no network.
//
// This is a template. The release build's post_build hook (tools/precache.mjs)
// writes it to dist/sw.js after two lines that define RELEASE (a hash of every
// file of the build) and FILES (every file's URL). A new build therefore has a
// new cache name, and the browser installs the new worker in the background.
//
// The new worker takes over at once but the page that is open keeps running
// the app it already loaded, so nobody is interrupted mid-edit; the next
// visit opens the new release, and the app says so (src/ui/sw.rs). Pages load
// their pieces of the app on demand (tools/split.mjs), so the previous
// release's cache is kept while a page of it may still be open: its pieces
// still come from there.
/* global RELEASE, FILES */
const CACHE = `continuum-${RELEASE}`;
const INDEX = FILES.find((f) => f.endsWith("/index.html"));
// A record in each release's cache saying when it was installed.
const INSTALLED = "/.continuum-installed";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so the cache holds exactly this build.
      await cache.addAll(FILES.map((url) => new Request(url, { cache: "reload" })));
      await cache.put(INSTALLED, new Response(String(Date.now())));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Keep this release and the newest one before it; drop the rest.
      const older = [];
      for (const name of await caches.keys()) {
        if (!name.startsWith("continuum-") || name === CACHE) continue;
        const record = await (await caches.open(name)).match(INSTALLED);
        older.push({ name, installed: Number(record ? await record.text() : 0) });
      }
      older.sort((a, b) => b.installed - a.installed);
      for (const { name } of older.slice(1)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// Cache first: a file of this build comes from the cache; any page address
// (a route such as /client/42) gets the cached index.html, and the app's
// router shows the page. Anything else goes to the network as usual.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      if (request.mode === "navigate") {
        const index = await cache.match(INDEX);
        if (index) return index;
      }
      // A piece of the previous release, for a page of it still open.
      const kept = await caches.match(request, { ignoreSearch: true });
      if (kept) return kept;
      return fetch(request);
    })(),
  );
});
