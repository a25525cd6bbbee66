// One browser tab as the cross-engine journeys see it, whatever drives it.
//
// Each engine's driver (puppeteer-core over WebDriver BiDi for Firefox ESR,
// selenium-webdriver over classic WebDriver for WebKitGTK) supplies only the
// few primitives below; everything else is script run in the page, so a
// journey behaves the same in every engine and is written once.
//
//   goto(url), reload(), url(), evaluate(fn, ...args), upload(css, paths),
//   close()

const POLL_MS = 50;
/** How long a page must refuse every script before it counts as unanswered. */
const UNANSWERED_MS = 5000;

/** A browser or its driver stopped answering (not a failed check). */
export class Unanswered extends Error {}

export class Tab {
  constructor(driver) {
    this.driver = driver;
  }

  goto(url) {
    return this.driver.goto(url);
  }

  reload() {
    return this.driver.reload();
  }

  url() {
    return this.driver.url();
  }

  evaluate(fn, ...args) {
    return this.driver.evaluate(fn, ...args);
  }

  /** Closes the tab (and its profile); closing twice is harmless. */
  async close() {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }

  /** Picks files in the file input `css`, as the file chooser would. */
  upload(css, paths) {
    return this.driver.upload(css, paths);
  }

  /**
   * Polls `fn` in the page until it returns something truthy. A page that
   * could not be scripted at all for the last five seconds of the wait (its
   * driver answers every call with an error: seen once in CI, in WebKit) is
   * an [`Unanswered`] browser rather than a failed check, and the journey
   * runner's log says which of the two it tries again.
   */
  async until(what, fn, args = [], timeout = 10000) {
    const end = Date.now() + timeout;
    let last;
    let failingSince = null;
    while (Date.now() < end) {
      try {
        last = await this.evaluate(fn, ...args);
        failingSince = null;
        if (last) return last;
      } catch (e) {
        // The page may be navigating; try again.
        last = `${e.name}: ${e.message}`;
        failingSince ??= Date.now();
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const message = `timed out waiting for ${what} (last: ${JSON.stringify(last)})`;
    if (failingSince !== null && Date.now() - failingSince >= UNANSWERED_MS) throw new Unanswered(message);
    throw new Error(message);
  }

  waitFor(css, timeout) {
    return this.until(css, (s) => document.querySelector(s) != null, [css], timeout);
  }

  waitGone(css, timeout) {
    return this.until(`${css} to go`, (s) => document.querySelector(s) == null, [css], timeout);
  }

  async waitForPath(path, timeout) {
    return this.until(`the path ${path}`, (p) => location.pathname === p, [path], timeout);
  }

  count(css) {
    return this.evaluate((s) => document.querySelectorAll(s).length, css);
  }

  text(css) {
    return this.evaluate((s) => document.querySelector(s)?.innerText ?? null, css);
  }

  /** Every matching element's attribute, in document order. */
  attrs(css, name) {
    return this.evaluate((s, n) => [...document.querySelectorAll(s)].map((e) => e.getAttribute(n)), css, name);
  }

  click(css) {
    return this.until(`${css} to click`, (s) => {
      const e = document.querySelector(s);
      if (!e) return false;
      e.click();
      return true;
    }, [css]);
  }

  /** Clicks the button or link whose visible words are `name`, as a person would find it. */
  press(name) {
    return this.until(`a button or link named "${name}"`, (n) => {
      const e = [...document.querySelectorAll("button, a")].find(
        (x) => (x.getAttribute("aria-label") || x.innerText).trim() === n,
      );
      if (!e) return false;
      e.click();
      return true;
    }, [name]);
  }

  /** Types into the field labelled `label` and leaves it (input, then change). */
  fill(label, value) {
    return this.until(`a field labelled "${label}"`, (l, v) => {
      const lab = [...document.querySelectorAll("label")].find((x) => x.innerText.trim().startsWith(l));
      const field = lab && (lab.control || lab.querySelector("input, textarea, select"));
      if (!field) return false;
      field.focus();
      field.value = v;
      field.dispatchEvent(new Event("input", { bubbles: true }));
      field.dispatchEvent(new Event("change", { bubbles: true }));
      return true;
    }, [label, value]);
  }

  /** Gives a check-up answer through the stable hooks. */
  answer(question, value) {
    return this.click(`fieldset[data-question="${question}"] input[type="radio"][value="${value}"]`);
  }

  /** Errors the page reported since `watch()` (see below). */
  problems() {
    return this.evaluate(() => window.__problems ?? []);
  }

  /**
   * Records uncaught errors and rejections from now on. Classic WebDriver
   * cannot listen from the first script, so this is installed after each
   * navigation; the app's start-up is covered by the app having mounted.
   */
  watch() {
    return this.evaluate(() => {
      if (window.__problems) return;
      window.__problems = [];
      addEventListener("error", (e) => window.__problems.push(`error: ${e.message}`));
      addEventListener("unhandledrejection", (e) => window.__problems.push(`rejection: ${e.reason}`));
    });
  }

  /** Every resource the page fetched that is not on its own origin. */
  foreignRequests() {
    return this.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((r) => r.name)
        .filter((u) => new URL(u).origin !== location.origin && !u.startsWith("blob:") && !u.startsWith("data:")),
    );
  }

  /**
   * Catches the downloads the app starts (an anchor with `download` clicked
   * on a blob URL) instead of saving them: their names and texts. The blob
   * is kept as it is made, since the page's policy forbids fetching it.
   */
  catchDownloads() {
    return this.evaluate(() => {
      window.__downloads = [];
      const blobs = new Map();
      const make = URL.createObjectURL;
      URL.createObjectURL = (blob) => {
        const url = make(blob);
        blobs.set(url, blob);
        return url;
      };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function () {
        const blob = this.download && blobs.get(this.href);
        if (!blob) return click.call(this);
        const name = this.download;
        blob.text().then((text) => window.__downloads.push({ name, text }));
      };
    });
  }

  async download() {
    return this.until("a download", () => window.__downloads?.[0] ?? null);
  }
}
