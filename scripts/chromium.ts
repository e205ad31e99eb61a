/**
 * How this project starts a browser: Debian's Chromium (never a downloaded one), headless, with
 * the flags that keep it off the network (this machine's closed network refuses Chromium's
 * background connections) and working as root in a container.
 */
export const chromiumPath = "/usr/bin/chromium";

export const chromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
