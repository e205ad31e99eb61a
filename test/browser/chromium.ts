import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../scripts/chromium";

/*
 * The browser tests' one way to Debian's Chromium: skipped on a workstation without it, required
 * on CI (`.ci/run` installs it), launched with the project's flags (scripts/chromium.ts).
 */

const haveChromium = existsSync(chromiumPath);

/** `describe` where Chromium is installed or on CI (where its absence must fail), else `describe.skip`. */
export const describeWithChromium: jest.Describe = haveChromium || process.env.CI ? describe : describe.skip;

/** Launches Debian's Chromium headless, or says what CI must install. */
export async function launchChromium(): Promise<Browser> {
  if (!haveChromium) {
    throw new Error(`CI must install Debian's Chromium at ${chromiumPath}: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs] });
}

/** Closes a test's local server, if it started. */
export function closeServer(server: { close(callback: () => void): unknown } | undefined): Promise<void> {
  return new Promise<void>((resolve) => {
    if (server) server.close(resolve);
    else resolve();
  });
}
