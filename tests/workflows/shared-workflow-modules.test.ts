/**
 * The workflow bundle the worker runs (the tests' own, built with the product's bundler options) preloads the shared
 * modules: the bundler drops a preload of a package that declares `sideEffects: false`, silently, which would leave
 * every workflow evaluating noble and rebuilding its base-point table again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';

describe('modules shared by the workflows of a worker thread', () => {
  it('the bundle preloads workflows/shared/shared-modules.ts, and that module brings noble with it', () => {
    const code = readFileSync(inject('workflowBundlePath'), 'utf8');
    const preload = /exports\.preloadModules = function preloadModules\(\) \{([\s\S]*?)\n\}/.exec(code)?.[1] ?? '';
    expect(preload).toMatch(/__webpack_require__\([^)]*"\.\/workflows\/shared\/shared-modules\.ts"\)/);
    const sharedModule = /\/\*\*\*\/ "\.\/workflows\/shared\/shared-modules\.ts"[\s\S]*?\n\/\*\*\*\/ \}/.exec(code)?.[0] ?? '';
    expect(sharedModule).toContain('__webpack_require__(/*! @noble/curves/ed25519.js */');
    // A frozen shared zod fails every workflow that builds a schema (it sets its default locale lazily).
    expect(sharedModule).not.toMatch(/__webpack_require__\([^)]*zod/);
  });

  it('the bundle carries no zod: each workflow would evaluate it again (validation is the API\'s and the activities\' job)', () => {
    const code = readFileSync(inject('workflowBundlePath'), 'utf8');
    const zodModules = code.match(/^\/\*\*\*\/ "\.\/node_modules\/zod\/[^"]*"/gm) ?? [];
    expect(zodModules).toEqual([]);
  });
});
