// The audit hash chain and the signatures of workflow actions share one canonical form (pure: workflows use it too).
export { canonicalJson } from '../../domain/security/canonical-json.js';
