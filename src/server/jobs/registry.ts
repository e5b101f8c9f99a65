import type { AnyJobDefinition } from "./define";

/**
 * The job kinds this process can run. src/server never imports a feature: the composition root
 * (src/jobs.ts) registers every feature's definitions before a worker starts. Kept on globalThis so
 * Next's dev reloads replace definitions instead of duplicating them.
 */
const globals = globalThis as unknown as { __gatehouseJobs?: Map<string, AnyJobDefinition> };
const registry: Map<string, AnyJobDefinition> = (globals.__gatehouseJobs ??= new Map());

export function registerJobs(...definitions: AnyJobDefinition[]): void {
  for (const d of definitions) registry.set(d.name, d);
}

export function registeredJobs(): AnyJobDefinition[] {
  return [...registry.values()];
}
