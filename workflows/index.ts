export { objectionWorkflow } from './objection/objection-workflow.js';
