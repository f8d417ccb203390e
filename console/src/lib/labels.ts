/** Chinese names of the API's codes (statuses, outcomes, steps, events, roles), shared by every page. */
export const ROLE_LABEL: Record<string, string> = { APPLICANT: '申请人', REVIEWER: '核查员', SUPERVISOR: '复核负责人', ADMIN: '管理员' };

export const OBJECTION_STATUS_LABEL: Record<string, string> = {
  FILED: '待受理',
  NEEDS_CORRECTION: '待补正',
  UNDER_VERIFICATION: '核查中',
  VERIFICATION_PAUSED: '中止计时（鉴定或专家评审）',
  REJECTED_REVIEWABLE: '已驳回（可申请复核）',
  UNDER_SECOND_REVIEW: '复核中',
  NOT_ACCEPTED: '不予受理',
  WITHDRAWN: '已撤回',
  DECIDED: '已办结',
};

export const OUTCOME_LABEL: Record<string, string> = {
  REJECT: '驳回异议',
  CORRECT: '更正',
  SUPPLEMENT: '补充',
  DELETE: '删除',
  STOP_PUBLICATION: '停止公开',
  REMOVE_FROM_LIST: '移出名单',
};

export const STEP_LABEL: Record<string, string> = {
  ACCEPTANCE: '受理',
  VERIFICATION: '核查与决定',
  SECOND_REVIEW_REQUEST: '申请复核期',
  SECOND_REVIEW: '复核',
  // Repairs
  CORRECTION: '补正材料',
  REVIEW: '审核',
  RESUBMISSION: '退回补充',
  APPROVAL: '审批',
  // Rectifications
  EXPLANATION: '提交说明和整改计划',
  RECTIFICATION: '整改',
  // Complaints
  INTAKE: '受理登记',
  REPLY: '答复投诉人',
  // Commitments
  CHECK: '履约核查',
};

export const GROUNDS_LABEL: Record<string, string> = {
  INACCURATE_OR_INCOMPLETE: '记录有误或不完整',
  PUBLISHED_PAST_PERIOD: '超过公示期限仍在公示',
  LISTED_WITHOUT_CONDITIONS: '不符合列入条件',
};

export const EVENT_LABEL: Record<string, string> = {
  FILED: '提交异议',
  ACCEPTED: '受理',
  NOT_ACCEPTED: '不予受理',
  DEADLINE_EXTENDED: '延长办理期限',
  DECIDED: '作出决定',
  SECOND_REVIEW_REQUESTED: '申请复核',
  SECOND_REVIEW_DECIDED: '复核决定',
  SECOND_REVIEW_WINDOW_CLOSED: '复核申请期届满',
  WITHDRAWN: '撤回异议',
  STEP_OPENED: '进入办理环节',
  REMINDER_SENT: '到期提醒',
  ESCALATED: '逾期升级',
  DEADLINE_RECOMPUTED: '期限重新计算',
  STEP_CLAIMED: '认领',
  STEP_RELEASED: '释放',
  STEP_REASSIGNED: '转派',
  STEP_HANDED_OVER: '转办',
  STEP_DELEGATED: '委派',
  STEP_DELEGATION_RETURNED: '委派办结交回',
  STEP_URGED: '催办',
  EVIDENCE_UPLOADED: '上传证据',
  CLOCK_STOPPED: '中止计时',
  CLOCK_RESUMED: '恢复计时',
  RECORD_CORRECTED: '更正记录（重新计算公示期和限制期）',
  EFFECTS_ENDED_REMOVED_FROM_LIST: '移出名单',
  // Repairs
  CORRECTION_REQUESTED: '一次性告知补正',
  CORRECTION_LAPSED: '补正期限届满',
  MATERIALS_SUBMITTED: '提交材料',
  REVIEWED: '审核意见',
  RETURNED: '退回',
  APPROVED: '准予修复',
  REFUSED: '不予修复',
  REPAIR_REVOKED: '撤销修复',
  RESUBMISSION_LAPSED: '补充期限届满',
  OVERALL_DEADLINE_PASSED: '总办理期限届满',
  OVERALL_DEADLINE_EXTENDED: '延长总办理期限',
  // Rectifications
  OPENED: '启动限期整改',
  EXPLANATION_SUBMITTED: '提交说明和整改计划',
  PROGRESS_REPORTED: '报告整改进展',
  COMPLETION_SUBMITTED: '报告整改完成',
  SUPERVISION_NOTICE: '督办',
  PUBLIC_CRITICISM: '通报批评',
  ACCOUNTABILITY_REFERRAL: '移送问责',
  RECTIFIED: '整改通过',
  CANCELLED: '整改取消',
  // Complaints
  FORWARDED: '转交核查',
  FINDING_RECORDED: '作出核查结论',
  RECORD_PROPOSED: '提出失信记录建议',
  REPLIED: '答复投诉人',
  // Commitments
  REGISTERED: '登记承诺',
  PERIOD_STARTED: '进入履约期',
  CHECK_DUE: '到期待核查',
  FULFILMENT_REPORTED: '报告履约完成',
  CHECKED: '履约核查结论',
};

/** Events whose name differs for a complaint. */
export const COMPLAINT_EVENT_LABEL: Record<string, string> = { ...EVENT_LABEL, FILED: '登记投诉举报', NOT_ACCEPTED: '不予受理' };
/** Events whose name differs for a commitment. */
export const COMMITMENT_EVENT_LABEL: Record<string, string> = { ...EVENT_LABEL, PROGRESS_REPORTED: '报告履约进展' };

export const COMPLAINT_STATUS_LABEL: Record<string, string> = {
  FILED: '待受理',
  UNDER_VERIFICATION: '核查中',
  AWAITING_REPLY: '待答复',
  REPLIED: '已答复',
  NOT_ACCEPTED: '不予受理',
};

export const FINDING_LABEL: Record<string, string> = { UNFOUNDED: '不属实', CONFIRMED: '属实', PARTLY_CONFIRMED: '部分属实' };

export const COMMITMENT_STATUS_LABEL: Record<string, string> = {
  REGISTERED: '已登记',
  ACTIVE: '履约中',
  CHECK_DUE: '待核查',
  KEPT: '守诺',
  LATE: '逾期履行',
  BROKEN: '失诺',
};

export const COMMITMENT_KIND_LABEL: Record<string, string> = {
  SERVICE_QUALITY: '服务质量承诺',
  TIME_LIMIT: '期限承诺',
  GUARANTEE: '保障承诺',
  TOWNSHIP_PUBLIC: '街道和乡镇公开承诺',
};

export const POLICY_AREA_LABEL: Record<string, string> = {
  GOVERNMENT_PROCUREMENT: '政府采购',
  PUBLIC_PRIVATE_PARTNERSHIP: '政府和社会资本合作（PPP）',
  BIDDING: '招标投标',
  INVESTMENT_PROMOTION: '招商引资',
  LOCAL_GOVERNMENT_DEBT: '地方政府债务',
  STREET_TOWNSHIP_COMMITMENT: '街道和乡镇',
  ARREARS_TO_FIRMS: '拖欠企业账款',
  OTHER: '其他',
};

export const PROPOSAL_STATUS_LABEL: Record<string, string> = { PROPOSED: '待确认', CONFIRMED: '已确认', REJECTED: '已驳回' };
export const PROPOSAL_SOURCE_LABEL: Record<string, string> = { COMPLAINT: '投诉举报', COMMITMENT: '失信承诺' };

/** Events whose name differs for a repair application (the shared table speaks of objections). */
export const REPAIR_EVENT_LABEL: Record<string, string> = { ...EVENT_LABEL, FILED: '提交修复申请', WITHDRAWN: '撤回申请', NOT_ACCEPTED: '不予受理' };

export const REPAIR_STATUS_LABEL: Record<string, string> = {
  FILED: '待受理',
  NEEDS_CORRECTION: '待补正',
  UNDER_REVIEW: '审核中',
  RETURNED: '已退回（待补充）',
  AWAITING_APPROVAL: '待审批',
  APPROVED: '准予修复',
  REFUSED: '不予修复',
  NOT_ACCEPTED: '不予受理',
  WITHDRAWN: '已撤回',
  REVOKED: '已撤销',
  RECORD_ENDED: '记录已终止',
};

export const RECTIFICATION_STATUS_LABEL: Record<string, string> = {
  EXPLANATION_DUE: '待提交说明',
  RECTIFYING: '整改中',
  UNDER_REVIEW: '审核中',
  RECTIFIED: '已整改',
  CANCELLED: '已取消',
};

export const ESCALATION_LABEL: Record<string, string> = { NONE: '无', SUPERVISION: '已督办', CRITICISM: '已通报批评' };

export const MATERIAL_LABEL: Record<string, string> = {
  APPLICATION_FORM: '信用修复申请书',
  CREDIT_COMMITMENT: '信用承诺书',
  PERFORMANCE_PROOF: '履行完毕证明',
  IDENTITY_AUTHORIZATION: '身份证明或授权委托书',
  OTHER: '其他材料',
};

/** The status names of one case type. */
export const STATUS_LABEL_OF: Record<string, Record<string, string>> = {
  OBJECTION: OBJECTION_STATUS_LABEL,
  REPAIR: REPAIR_STATUS_LABEL,
  RECTIFICATION: RECTIFICATION_STATUS_LABEL,
  COMPLAINT: COMPLAINT_STATUS_LABEL,
  COMMITMENT: COMMITMENT_STATUS_LABEL,
};

/** The console page of a case. */
export function casePath(caseType: string, id: string): string {
  const base = { REPAIR: '/repairs', RECTIFICATION: '/rectifications', COMPLAINT: '/complaints', COMMITMENT: '/commitments' }[caseType] ?? '/cases';
  return `${base}/${encodeURIComponent(id)}`;
}

export const RECORD_STATUS_LABEL: Record<string, string> = { ACTIVE: '有效', DELETED: '已删除', REPAIRED: '已修复', REMOVED: '已移出名单' };
export const PUBLICATION_LABEL: Record<string, string> = { PUBLISHED: '公示中', STOPPED: '已停止公示' };
export const SEVERITY_LABEL: Record<string, string> = { GENERAL: '一般', SERIOUS: '严重' };
export const SOURCE_LABEL: Record<string, string> = {
  COURT_JUDGMENT: '法院判决',
  ADMINISTRATIVE_PENALTY: '行政处罚',
  DISCIPLINARY_ACTION: '纪律处分',
  ACCOUNTABILITY_DECISION: '问责决定',
  COMPLAINT: '投诉举报核实',
  COMMITMENT: '承诺未履行',
};
export const CASE_TYPE_LABEL: Record<string, string> = { OBJECTION: '异议', RECTIFICATION: '限期整改', REPAIR: '信用修复', COMPLAINT: '投诉举报', COMMITMENT: '守信践诺' };

export const label = (table: Record<string, string>, code: string | null | undefined): string => (code ? (table[code] ?? code) : '—');

/** Statuses of every case type, for views that mix them (the dashboard). */
export const CASE_STATUS_LABEL: Record<string, string> = {
  ...OBJECTION_STATUS_LABEL,
  EXPLANATION_DUE: '待说明整改计划',
  RECTIFYING: '整改中',
  UNDER_REVIEW: '审核中',
  RECTIFIED: '已整改',
  CANCELLED: '已取消',
  NEEDS_CORRECTION: '待补正',
  AWAITING_APPROVAL: '待审批',
  RETURNED: '已退回',
  APPROVED: '已批准',
  REFUSED: '不予修复',
  NOT_ACCEPTED: '不予受理',
  REVOKED: '已撤销',
  AWAITING_REPLY: '待答复',
  REPLIED: '已答复',
  RECORD_ENDED: '记录已终止',
  REGISTERED: '已登记',
  ACTIVE: '履行中',
  CHECK_DUE: '待核查',
  KEPT: '守诺',
  LATE: '逾期履行',
  BROKEN: '失诺',
};
