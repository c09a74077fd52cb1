import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";
import { isolatedTestFiles, WORKERS_TEST_DIRS } from "./tests/setup/isolated-test-files.ts";
import { loadSharedFixtures } from "./tests/setup/load-shared-fixtures.ts";
import { TEST_ENV } from "./tests/setup/test-env.ts";

// wrangler reads secrets declared in wrangler.toml `[secrets]` from the environment; give it the test values.
for (const name of ["SHOPIFY_API_SECRET", "TOKEN_ENCRYPTION_KEY", "CONNECT_LINK_SECRET"] as const) process.env[name] = TEST_ENV[name];
// The simulators serving the app record the GraphQL documents they receive here; check-sent-graphql.ts checks them.
process.env.SIMULATOR_RECORD_DOCUMENTS ??= join(tmpdir(), `segops-sent-graphql-${process.pid}`);

const WORKERS_TESTS = `tests/{${WORKERS_TEST_DIRS.join(",")}}/**/*.test.ts`;

export default defineConfig(async () => {
  const migrations = await readD1Migrations("migrations");
  const sharedFixtures = await loadSharedFixtures();
  const isolated = isolatedTestFiles(import.meta.dirname);
  /** A project whose files run inside workerd, against the run's simulator; `test` names and selects its files. */
  const workersProject = (test: { name: string; isolate: boolean; include: string[]; exclude?: string[] }) => ({
    plugins: [
      cloudflareTest(({ inject }) => ({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            ...TEST_ENV,
            SHOPIFY_ADMIN_ORIGIN: inject<string>("simulatorUrl"),
            PUBSUB_JWKS_URL: `${inject<string>("simulatorUrl")}/_sim/oauth2/v3/certs`,
            TEST_MIGRATIONS: migrations,
            TEST_SIMULATOR_URL: inject<string>("simulatorUrl"),
            TEST_SHARED_FIXTURES: sharedFixtures,
          },
        },
      })),
    ],
    test: {
      ...test,
      globalSetup: ["tests/setup/global-simulator.ts", "tests/setup/build-ui-extensions.ts"],
      setupFiles: ["tests/setup/apply-migrations.ts"],
      testTimeout: 30_000,
    },
  });
  return {
    test: {
      // Logs of passing tests are noise; a failing test still prints everything it logged.
      silent: "passed-only" as const,
      // Runs once for the whole run, whichever projects it holds; its teardown comes after every test file.
      globalSetup: ["tests/setup/check-sent-graphql.ts"],
      // Test files mostly wait (queues, alarms, the simulator): vitest's default of one worker per core but one (a
      // single worker on 2 cores) leaves the cores idle while they do.
      maxWorkers: availableParallelism() + 1,
      projects: [
        // Files share a workerd, its storage and module graph, one after another (starting workerd per file cost
        // ~1.75 s a file): every test works on a tenant of its own (docs/testing.md, "Tests without isolation").
        workersProject({ name: "workers", isolate: false, include: [WORKERS_TESTS], exclude: isolated }),
        // The few files that act on every tenant (crons) or mock modules: a workerd and storage each.
        ...(isolated.length > 0 ? [workersProject({ name: "workers-isolated", isolate: true, include: isolated })] : []),
        {
          test: {
            name: "node",
            environment: "node",
            include: ["tests/{simulator,scripts,extensions,admin,shopify-schema}/**/*.test.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          // One stack (admin build, simulator, wrangler dev) and one Chromium for every e2e file, started once.
          test: {
            name: "e2e",
            environment: "node",
            include: ["tests/e2e/**/*.test.ts"],
            globalSetup: ["tests/setup/global-e2e-stack.ts"],
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
      ],
    },
  };
});
