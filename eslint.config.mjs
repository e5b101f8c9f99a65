import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

/**
 * Layers (docs/ARCHITECTURE.md): imports point one way,
 *   src/app → src/features → src/server → src/domain
 * with src/demo and src/cli as composition roots beside src/app, and src/components/ui and src/lib as
 * leaf modules any UI may use. A feature uses another feature only through its server/ operations.
 * tests/unit/lint-boundaries.test.ts proves each rule by linting a wrong-way import.
 */
const layer = (...names) => names.map((n) => `@/${n}`).flatMap((p) => [p, `${p}/*`]);
const message = (why) => `${why} (docs/ARCHITECTURE.md: imports point app → features → server → domain).`;

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "src/generated/**", ".gatehouse/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "tmp/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain layer is pure: no I/O, no framework, no other layer.
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                ...layer("server", "features", "app", "demo", "cli", "generated", "components", "lib"),
                "next",
                "next/*",
                "server-only",
                "pg",
              ],
              message: message("src/domain is pure rules: no I/O, no framework, no other layer"),
            },
          ],
        },
      ],
    },
  },
  {
    // Cross-cutting server code never reaches up into a feature: features register their jobs, notifications and checks with it.
    files: ["src/server/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...layer("features", "app", "demo", "cli", "components"), "**/features/**", "**/app/**", "**/demo/**"],
              message: message("src/server must not import features, pages, the demo or the CLI"),
            },
          ],
        },
      ],
    },
  },
  {
    // A feature uses another only through its server/ operations; never pages, the demo, the CLI, or another feature's components or actions.
    files: ["src/features/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...layer("app", "demo", "cli"), "**/app/**", "**/demo/**"],
              message: message("features must not import pages, the demo or the CLI"),
            },
            {
              regex: "^@/features/(?!([a-z-]+/)+server/)",
              message: message("use another feature only through its server/ operations"),
            },
          ],
        },
      ],
    },
  },
  {
    // Pages and components never touch the database directly.
    files: ["src/app/**/*.{ts,tsx}", "src/features/*/components/**/*.{ts,tsx}", "src/features/*/*/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/server/db", "@/server/db/*", "@/generated/*"],
              message: message("pages and components read through a feature's server operations"),
            },
            { group: layer("demo", "cli"), message: message("pages must not import the demo or the CLI") },
          ],
        },
      ],
    },
  },
  {
    // Shared UI building blocks and formatting know nothing of features or the server.
    files: ["src/components/**/*.{ts,tsx}", "src/lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: layer("server", "features", "app", "demo", "cli", "generated"),
              message: message("src/components and src/lib are leaf modules"),
            },
          ],
        },
      ],
    },
  },
  {
    // The environment is read in one validated module (src/server/env.ts). The exceptions start the process before it exists.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/env.ts", "src/server/db/**", "src/cli/**", "src/instrumentation.ts", "src/generated/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through env() in src/server/env.ts." },
      ],
    },
  },
]);
