import type { RepairMaterial } from './repair-policy.js';

/**
 * The required materials (令第36号: application, 信用承诺书, proof of performance, identity/authorization) that
 * none of the given items provides, in the policy's order.
 */
export function missingMaterials(required: readonly RepairMaterial[], provided: ReadonlyArray<{ kind: RepairMaterial }>): RepairMaterial[] {
  const kinds = new Set(provided.map((item) => item.kind));
  return required.filter((kind) => !kinds.has(kind));
}
