import { fileURLToPath } from 'node:url';
import type { BundleOptions } from '@temporalio/worker';
import webpack from 'webpack';
import type { TemporalKeys } from './temporal-keys.js';

/** Workflow interceptor modules every bundle of the product's workflows includes. */
export const WORKFLOW_INTERCEPTOR_MODULES = [fileURLToPath(new URL('../../workflows/shared/action-signature-interceptor.ts', import.meta.url))];

/**
 * Bundler options that compile the public keys of signed actions (the current one first, then earlier ones) into the workflow code (the sandbox has no
 * configuration of its own; the key is public, only the API and the worker hold the secret one).
 */
export function signedActionBundlerOptions(keys: Pick<TemporalKeys, 'signing' | 'previousPublicKeysHex'>): Pick<BundleOptions, 'webpackConfigHook'> {
  const publicKeys = [keys.signing.publicKeyHex, ...keys.previousPublicKeysHex];
  return {
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [...(config.plugins ?? []), new webpack.DefinePlugin({ __CREDIT_ENGINE_ACTION_PUBLIC_KEYS__: JSON.stringify(publicKeys) })],
    }),
  };
}
