import type { TestProject } from "vitest/node";
import { appOrigin, buildUiExtension, UI_EXTENSIONS } from "../../scripts/build-ui-extensions.ts";

declare module "vitest" {
  export interface ProvidedContext {
    uiExtensionOrigin: string;
  }
}

/** Builds the checkout and customer account extensions' bundles, which tests render against the worker, before any test runs. */
export async function setup(project: TestProject): Promise<void> {
  for (const handle of UI_EXTENSIONS) await buildUiExtension(handle);
  project.provide("uiExtensionOrigin", appOrigin());
}
