// The core journeys in WebKit (Debian's WebKitGTK MiniBrowser, WebDriver;
// run under xvfb-run, as MiniBrowser needs a display).
import { webkit } from "./engines.mjs";
import { runJourneys } from "./journeys.mjs";

runJourneys("WebKit", webkit);
