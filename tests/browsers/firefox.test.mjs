// The core journeys in Firefox ESR (Debian's firefox-esr, WebDriver BiDi).
import { firefox } from "./engines.mjs";
import { runJourneys } from "./journeys.mjs";

runJourneys("Firefox ESR", firefox);
