/** Values the globalSetup (global-setup.ts) provides to every test file through inject(). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the run's Temporal dev server. */
    temporalAddress: string;
    /** The test database, reset and seeded at the start of the run. */
    databaseUrl: string;
    /** Workflow code bundled once for the run (pass as `workflowBundle: { codePath }`). */
    workflowBundlePath: string;
  }
}

export {};
