/** The largest demo administration (a dependency-free module, so the CLI can check --relations without loading the core). */
export const MAX_DEMO_RELATIONS = 2_000_000;
