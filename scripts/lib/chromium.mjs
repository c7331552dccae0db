// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then the system's, then Playwright's own download.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const SYSTEM_BINARIES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

function which(binary) {
  try {
    return execFileSync("sh", ["-c", `command -v ${binary}`], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

async function playwrightChromium() {
  try {
    const { chromium } = await import("@playwright/test");
    const executable = chromium.executablePath();
    return existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/** The path of a Chromium binary, or an Error that says how to install one. */
export async function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no file there.`);
  }
  for (const binary of SYSTEM_BINARIES) {
    const found = which(binary);
    if (found) return found;
  }
  const bundled = await playwrightChromium();
  if (bundled) return bundled;
  throw new Error(
    [
      "The end-to-end tests need Chromium, and none was found.",
      "Install one of these, then run the tests again:",
      "  - Debian/Ubuntu: sudo apt-get install -y chromium",
      "  - where downloads are possible: npx playwright install chromium",
      "  - or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
    ].join("\n"),
  );
}
