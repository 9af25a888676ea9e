import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 3100);
export const baseURL = `http://localhost:${port}`;

/**
 * Debian's Chromium, never Playwright's own download (the network here only
 * reaches npm and Debian). The networking flags keep Chromium from flooding
 * the closed network with refused connections.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  // Two spec files at a time (one browser each) on one server and database: 375 s → about 240 s on
  // the 2-core machine. The review specs read the shared review queue (a row must be on its first
  // page, the pager counts everything waiting), which specs running beside them would change, so
  // they run after all the others, one at a time (project "review queue").
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: /\/review\// },
    {
      name: "review queue",
      use: { ...devices["Desktop Chrome"] },
      testMatch: /\/review\/.*\.spec\.ts$/,
      dependencies: ["chromium"],
      workers: 1,
    },
  ],
  webServer: {
    // A fresh SQLite database per run, migrated and seeded, served by the production build.
    command: `node scripts/e2e-server.mjs ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
