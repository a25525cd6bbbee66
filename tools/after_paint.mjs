// Makes a release page fetch the app's code only after its first paint.
//
// `index.html` paints the first screen itself (see assets/boot.js). Trunk's
// page preloads the glue and the wasm from the head, so on a slow link they
// share the bandwidth with the style sheets the first paint waits for, and a
// lab run (Lighthouse) counts every request that ended before the largest
// paint as part of it. Here the preload links move into a `<template>` and
// Trunk's loader first awaits `window.continuumPainted` (a promise boot.js
// makes), then puts the links in the head and imports the glue: the same
// files, fetched with the same integrity checks, after the page is seen.

const TEMPLATE_ID = "app-code";

/** Trunk's preload links for the app's own code (glue, loader, wasm, snippets). */
function preloadLinks(html) {
  return [...html.matchAll(/<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>/gi)].map((m) => m[0]);
}

/** Trunk's inline module loader: the script importing `init` from the glue. */
const LOADER = /<script type="module"([^>]*)>\s*import init, \* as bindings from '([^']+)';([\s\S]*?)<\/script>/;

/**
 * The page with its code fetched after the first paint. Running it on its
 * own output changes nothing.
 */
export function withLoadAfterPaint(html) {
  if (html.includes(`<template id="${TEMPLATE_ID}">`)) return html;
  const loader = html.match(LOADER);
  if (!loader) throw new Error("index.html has no Trunk loader (`import init, * as bindings from …`)");
  const links = preloadLinks(html);
  if (links.length === 0) throw new Error("index.html preloads none of the app's code");
  const [whole, attributes, glue, rest] = loader;
  let page = html;
  for (const link of links) page = page.replace(link, "");
  const script =
    `<template id="${TEMPLATE_ID}">${links.join("")}</template>\n` +
    `<script type="module"${attributes}>\n` +
    `await window.continuumPainted;\n` +
    `document.head.append(document.getElementById("${TEMPLATE_ID}").content);\n` +
    `const bindings = await import('${glue}');\n` +
    `const init = bindings.default;${rest}</script>`;
  return page.replace(whole, () => script);
}
