export { objectionWorkflow } from './objection/objection-workflow.js';
export { recordLifecycleWorkflow } from './record/record-workflow.js';
export { subjectEligibilityWorkflow } from './eligibility/eligibility-workflow.js';
export { rectificationWorkflow } from './rectification/rectification-workflow.js';
export { repairWorkflow } from './repair/repair-workflow.js';
export { commitmentWorkflow } from './commitment/commitment-workflow.js';
export { complaintWorkflow } from './complaint/complaint-workflow.js';
