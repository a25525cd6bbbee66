// The two engines beyond Chromium, from Debian's packages: Firefox ESR
// driven by puppeteer-core over WebDriver BiDi, and WebKitGTK's MiniBrowser
// driven by selenium-webdriver through WebKitWebDriver (classic WebDriver).
// Playwright cannot drive either: it needs its own patched builds, which
// cannot be downloaded here. Each `open` gives a fresh profile.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createServer } from "node:net";
import puppeteer from "puppeteer-core";
import { Builder } from "selenium-webdriver";
import { Tab, Unanswered } from "./tab.mjs";

export { Unanswered };

const FIREFOX = process.env.FIREFOX || "/usr/bin/firefox-esr";

/** Firefox ESR: one browser, a new user context (own storage) per tab. */
export async function firefox() {
  if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR not found at ${FIREFOX}: run ./dev.sh test`);
  const browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: !process.env.HEADED,
    // Service workers and storage as a user has them; no telemetry pings.
    extraPrefsFirefox: {
      "dom.serviceWorkers.enabled": true,
      "datareporting.policy.dataSubmissionEnabled": false,
      "toolkit.telemetry.enabled": false,
    },
  });
  return {
    name: "Firefox ESR",
    async open() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      return new Tab({
        goto: (url) => page.goto(url),
        reload: () => page.reload(),
        url: async () => page.url(),
        evaluate: (fn, ...args) => page.evaluate(fn, ...args),
        upload: async (css, paths) => {
          const input = await page.waitForSelector(css);
          await input.uploadFile(...paths);
        },
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

/** Where Debian puts MiniBrowser (the path has the API version in it). */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  const lib = "/usr/lib/x86_64-linux-gnu";
  for (const dir of readdirSync(lib).filter((d) => d.startsWith("webkit2gtk-")).sort().reverse()) {
    const path = `${lib}/${dir}/MiniBrowser`;
    if (existsSync(path)) return path;
  }
  throw new Error("MiniBrowser not found: run ./dev.sh test (it installs webkit2gtk-driver)");
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function until(what, check, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** `promise`, or an [`Unanswered`] naming `what` once `ms` have passed. */
export function within(promise, ms, what) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Unanswered(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** A WebKitWebDriver on a free port, answering. */
async function startDriver() {
  const port = await freePort();
  const process = spawn("WebKitWebDriver", [`--port=${port}`, "--host=127.0.0.1"], { stdio: "ignore" });
  const server = `http://127.0.0.1:${port}`;
  await until("WebKitWebDriver", async () => (await fetch(`${server}/status`)).ok);
  return { process, server };
}

/**
 * WebKitGTK: a new MiniBrowser session (ephemeral profile) per tab. A
 * session that cannot be started or ended in time (WebKitWebDriver drives
 * one at a time, and has been seen to hang) gets a fresh driver: the
 * journey then fails or passes on its own merits instead of hanging.
 */
export async function webkit() {
  const binary = miniBrowser();
  let driverProcess = await startDriver();
  const restart = async () => {
    driverProcess.process.kill("SIGKILL");
    driverProcess = await startDriver();
  };
  const session = () =>
    new Builder()
      .usingServer(driverProcess.server)
      .withCapabilities({
        browserName: "MiniBrowser",
        "webkitgtk:browserOptions": { binary, args: ["--automation"] },
      })
      .build();
  return {
    name: "WebKit",
    async open() {
      let driver;
      try {
        driver = await within(session(), 60000, "a new WebKit session");
      } catch (e) {
        console.error(`${e.message}: restarting WebKitWebDriver`);
        await restart();
        driver = await within(session(), 60000, "a new WebKit session after a restart");
      }
      return new Tab({
        goto: (url) => driver.get(url),
        reload: () => driver.navigate().refresh(),
        url: () => driver.getCurrentUrl(),
        // Selenium wraps a function as `return (fn).apply(null, arguments)`
        // and awaits a returned promise, as WebDriver's Execute Script does.
        evaluate: (fn, ...args) => driver.executeScript(fn, ...args),
        upload: async (css, paths) => {
          const input = await driver.findElement({ css });
          await input.sendKeys(paths.join("\n"));
        },
        close: async () => {
          try {
            await within(driver.quit(), 20000, "ending a WebKit session");
          } catch (e) {
            console.error(`${e.message}: restarting WebKitWebDriver`);
            await restart();
          }
        },
      });
    },
    close: async () => {
      driverProcess.process.kill();
    },
  };
}
