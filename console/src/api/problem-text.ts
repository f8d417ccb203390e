import { ApiError } from './client';

/**
 * The API's refusal reasons in Chinese. The API writes its problem details in English for developers; each rule
 * below recognises one kind of refusal and says it the way an office clerk understands it. Anything unrecognised is
 * shown by status, with the API's own words after it so nothing is hidden.
 */
const RULES: [RegExp, string][] = [
  [/delegated to you by/i, '该环节是委派给您协助办理的：请办完后交回委派人，由委派人作出决定。'],
  [/claim it before handing it on/i, '请先认领该环节，再转办或委派。'],
  [/who claimed the step, may hand it on/i, '只有认领人可以转办或委派该环节。'],
  [/to whom the step was delegated, may return it/i, '只有受委派人可以交回该环节。'],
  [/step is not delegated/i, '该环节不在委派中。'],
  [/colleague must be someone else/i, '请选择其他同事。'],
  [/colleague must be|colleague acted for the other side/i, '所选同事不能办理该环节（须为认定机关的核查员或复核负责人，复核环节须为复核负责人，且不是案件另一方）。'],
  [/only an overdue step is urged/i, '该环节尚未逾期：只能对逾期环节催办。'],
  [/You hold this step yourself/i, '该环节由您本人办理，无需催办。'],
  [/a note is required/i, '请填写说明。'],
  [/made the finding may not decide its record proposal/i, '四眼原则：作出核查结论的人不能确认或驳回由此提出的失信记录建议，请由本机关另一名工作人员办理。'],
  [/Record proposal .* is (CONFIRMED|REJECTED)|was decided meanwhile/i, '该失信记录建议已处理，不能再确认或驳回。'],
  [/No complaint with this case number and secret/i, '案件编号或查询密码不正确。'],
  [/Only staff of the credit office register complaints/i, '只有信用办工作人员可以登记投诉举报。'],
  [/Only an applicant (of the body that made the commitment|acting for a body)/i, '只有作出承诺的主体的申请人可以办理。'],
  [/person who filed the objection may not|applicant may not|someone other than the (first decider|reviewer)|acted for the body/i, '四眼原则：提出申请或作出前一决定的人不能办理同一案件的决定。'],
  [/step is claimed by .*only they or a supervisor/i, '该步骤已被其他核查员认领：只有认领人或复核负责人可以办理。'],
  [/already claimed this step/i, '您已认领该步骤。'],
  [/step is already claimed by/i, '该步骤已被他人认领。'],
  [/step is not claimed/i, '该步骤尚未被认领，无需释放。'],
  [/who claimed the step, or an administrator may release/i, '只有认领人或管理员可以释放该步骤。'],
  [/no open step to claim|nothing for staff to claim/i, '当前没有可认领的办理步骤。'],
  [/Only staff of the authority that made the record/i, '只有作出该记录的认定机关的工作人员可以办理。'],
  [/Only the applicant who filed|Only an applicant of the body/i, '只有提出申请的申请人可以办理。'],
  [/Only [A-Z_ ]+ may|requires one of the roles/i, '您的角色无权执行此操作。'],
  [/Cannot .*: the (objection|application|rectification|complaint|commitment) is/i, '案件当前所处环节不允许此操作。'],
  [/case is closed/i, '案件已办结，不能再操作。'],
  [/changes are required/i, '更正或补充决定须填写变更内容。'],
  [/locked after repeated failed sign-ins/i, '连续登录失败次数过多，账户已锁定，请稍后再试。'],
  [/Wrong user name or password/i, '用户名或密码错误。'],
  [/was not found/i, '未找到，或您无权查看。'],
  [/Cross-site|X-Requested-With/i, '请求来源校验失败，请刷新页面后重试。'],
];

const BY_STATUS: Record<number, string> = {
  400: '提交的内容不符合要求。',
  401: '请先登录。',
  403: '您无权执行此操作。',
  404: '未找到，或您无权查看。',
  409: '案件当前状态不允许此操作。',
  413: '文件过大。',
  415: '文件类型不被接受。',
  422: '重复提交的请求内容不一致。',
  429: '操作过于频繁，请稍后再试。',
  503: '服务暂时不可用，请稍后重试。',
};

export function problemText(error: unknown): string {
  if (!(error instanceof ApiError)) return '网络异常，请稍后重试。';
  const { status, detail = '', reason } = error.problem;
  if (reason === 'locked') return '连续登录失败次数过多，账户已锁定，请稍后再试。';
  if (reason === 'invalid-credentials') return '用户名或密码错误。';
  const rule = RULES.find(([re]) => re.test(detail));
  const text = rule ? rule[1] : (BY_STATUS[status] ?? `请求失败（${status}）。`);
  return detail ? `${text}（${detail}）` : text;
}
