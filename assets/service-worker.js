// Continuum's service worker: after one visit the app opens with no network.
//
// This is a template. The release build's post_build hook (tools/precache.mjs)
// writes it to dist/sw.js after two lines that define RELEASE (a hash of every
// file of the build) and FILES (every file's URL). A new build therefore has a
// new cache name, and the browser installs the new worker in the background.
//
// The new worker takes over at once but the page that is open keeps running
// the app it already loaded (everything is loaded at start), so nobody is
// interrupted mid-edit; the next visit opens the new release, and the app
// says so (src/ui/sw.rs).
/* global RELEASE, FILES */
const CACHE = `continuum-${RELEASE}`;
const INDEX = FILES.find((f) => f.endsWith("/index.html"));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so the cache holds exactly this build.
      await cache.addAll(FILES.map((url) => new Request(url, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("continuum-") && name !== CACHE) await caches.delete(name);
      }
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
      return fetch(request);
    })(),
  );
});
