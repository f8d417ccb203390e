import { fileURLToPath } from 'node:url';
import type { BundleOptions } from '@temporalio/worker';
import webpack from 'webpack';

/** Workflow interceptor modules every bundle of the product's workflows includes. */
export const WORKFLOW_INTERCEPTOR_MODULES = [fileURLToPath(new URL('../../workflows/shared/action-signature-interceptor.ts', import.meta.url))];

/**
 * Bundler options that compile the public key of signed actions into the workflow code (the sandbox has no
 * configuration of its own; the key is public, only the API and the worker hold the secret one).
 */
export function signedActionBundlerOptions(publicKeyHex: string): Pick<BundleOptions, 'webpackConfigHook'> {
  return {
    webpackConfigHook: (config) => ({
      ...config,
      plugins: [...(config.plugins ?? []), new webpack.DefinePlugin({ __CREDIT_ENGINE_ACTION_PUBLIC_KEY__: JSON.stringify(publicKeyHex) })],
    }),
  };
}
