/**
 * Launches Debian's chromium through playwright-core with the flags this machine kind needs. Fails (never
 * skips) when it is missing.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where the browser is expected. */
export const CHROMIUM = process.env.FIREBREAK_CHROMIUM ?? "/usr/bin/chromium";

/**
 * Launches headless chromium (playwright gives each launch a fresh, temporary user-data-dir); throws a clear
 * error when it is not installed.
 */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium); browser tests never skip`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Starting chromium is slow on a busy machine; this only bounds how long a broken start hangs.
    timeout: 120_000,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
