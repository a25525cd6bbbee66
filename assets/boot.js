// Picks what index.html paints before the app arrives: the welcome page for
// a first visit to "/", otherwise the header and "Opening your data…" (a
// returning user's data, the demo or another page are the app's to draw).
(function () {
  var welcome = location.pathname === "/";
  try {
    for (var i = 0; welcome && i < localStorage.length; i++) {
      if (String(localStorage.key(i)).indexOf("continuum") === 0) welcome = false;
    }
    // The demo portfolio open in this tab (the demo team keeps its own key
    // and is drawn on /team, so it does not count).
    if (welcome && sessionStorage.getItem("continuum/session/demo") !== null) welcome = false;
  } catch (e) {
    // Storage switched off: the app says so itself; show the welcome meanwhile.
  }
  document.documentElement.className += welcome ? " boot-welcome" : " boot-shell";
})();

// Resolves once the first screen has been painted; Trunk's loader waits for
// it before fetching the app's code (tools/after_paint.mjs), so that code
// never competes with the first paint for a slow link. A hidden tab paints
// nothing: after three seconds the code is fetched anyway.
window.continuumPainted = new Promise(function (painted) {
  setTimeout(painted, 3000);
  try {
    if (PerformanceObserver.supportedEntryTypes.indexOf("largest-contentful-paint") >= 0) {
      new PerformanceObserver(function (list, observer) {
        observer.disconnect();
        painted();
      }).observe({ type: "largest-contentful-paint", buffered: true });
      return;
    }
  } catch (e) {
    // No observer: fall back to the next frame below.
  }
  requestAnimationFrame(function () {
    setTimeout(painted, 0);
  });
});
