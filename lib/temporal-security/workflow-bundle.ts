import { fileURLToPath } from 'node:url';
import type { BundleOptions } from '@temporalio/worker';
import webpack from 'webpack';
import type { TemporalKeys } from './temporal-keys.js';

/** Workflow interceptor modules every bundle of the product's workflows includes. */
export const WORKFLOW_INTERCEPTOR_MODULES = [fileURLToPath(new URL('../../workflows/shared/action-signature-interceptor.ts', import.meta.url))];

/**
 * Modules evaluated once per workflow thread and shared (then deep-frozen by the SDK) by every workflow of the
 * reusable V8 context: noble, which holds no per-workflow state (workflows/shared/shared-modules.ts).
 * Otherwise each workflow the thread creates or brings back into its cache evaluates it again, and rebuilds
 * ed25519's base-point table for its first signature check.
 */
export const SHARED_WORKFLOW_MODULES = [fileURLToPath(new URL('../../workflows/shared/shared-modules.ts', import.meta.url))];

/**
 * Bundler options of every bundle of the product's workflows (worker, tests, replay): the shared modules' preload, and
 * the public keys of signed actions (the current one first, then earlier ones) compiled into the workflow code (the
 * sandbox has no configuration of its own; the key is public, only the API and the worker hold the secret one).
 */
export function workflowBundlerOptions(keys: Pick<TemporalKeys, 'signing' | 'previousPublicKeysHex'>): Pick<BundleOptions, 'webpackConfigHook' | 'preloadModules'> {
  const publicKeys = [keys.signing.publicKeyHex, ...keys.previousPublicKeysHex];
  return {
    preloadModules: SHARED_WORKFLOW_MODULES,
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [...(config.plugins ?? []), new webpack.DefinePlugin({ __CREDIT_ENGINE_ACTION_PUBLIC_KEYS__: JSON.stringify(publicKeys) })],
    }),
  };
}
