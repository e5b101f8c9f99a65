import { defineConfig } from "@playwright/test";

/**
 * E2E against a production build (`next start`) on a database prepared by `npm test` (migrated and
 * seeded with the demo). The test OpenID Connect provider runs in-process (global setup) on IDP_PORT,
 * and the project's fake Anthropic API on ANTHROPIC_PORT.
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 3210);
export const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 3211);
/** The project's fake Anthropic API (global setup), so runs, evaluations and token counting work end to end. */
export const ANTHROPIC_PORT = Number(process.env.E2E_ANTHROPIC_PORT ?? 3212);
export const ANTHROPIC_FAKE_KEY = "sk-ant-e2e-fake-key-0123456789";
export const BASE_URL = `http://localhost:${APP_PORT}`;
export const OIDC = { clientId: "gatehouse-e2e", clientSecret: "e2e-client-secret-not-for-production" };

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  globalSetup: "./tests/e2e/global-setup.ts",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    // No CSS transitions: a scan mid-transition (a button fading back from disabled) would read colours no settled page shows.
    reducedMotion: "reduce",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium", viewport: { width: 1280, height: 900 } } }],
  webServer: {
    command: `node_modules/.bin/next start -p ${APP_PORT}`,
    url: `${BASE_URL}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      DATABASE_POOL_MAX: process.env.DATABASE_POOL_MAX ?? "6",
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: "e2e-secret-0123456789abcdef0123456789",
      OIDC_ISSUER: `http://localhost:${IDP_PORT}`,
      OIDC_CLIENT_ID: OIDC.clientId,
      OIDC_CLIENT_SECRET: OIDC.clientSecret,
      OIDC_NAME: "Test IdP",
      ANTHROPIC_API_KEY: ANTHROPIC_FAKE_KEY,
      ANTHROPIC_BASE_URL: `http://127.0.0.1:${ANTHROPIC_PORT}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
