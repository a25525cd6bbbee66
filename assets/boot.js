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
