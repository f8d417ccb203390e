export const RecordSource = {
  COURT_JUDGMENT: 'COURT_JUDGMENT',
  ADMINISTRATIVE_PENALTY: 'ADMINISTRATIVE_PENALTY',
  DISCIPLINARY_ACTION: 'DISCIPLINARY_ACTION',
  ACCOUNTABILITY_DECISION: 'ACCOUNTABILITY_DECISION',
} as const;
export type RecordSource = (typeof RecordSource)[keyof typeof RecordSource];

/** 轻微 (not published, or at most 3 months), 一般 and 严重 (国办发〔2025〕22号 [C]). */
export const Severity = { MINOR: 'MINOR', GENERAL: 'GENERAL', SERIOUS: 'SERIOUS' } as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export const PolicyArea = {
  GOVERNMENT_PROCUREMENT: 'GOVERNMENT_PROCUREMENT',
  PUBLIC_PRIVATE_PARTNERSHIP: 'PUBLIC_PRIVATE_PARTNERSHIP',
  BIDDING: 'BIDDING',
  INVESTMENT_PROMOTION: 'INVESTMENT_PROMOTION',
  LOCAL_GOVERNMENT_DEBT: 'LOCAL_GOVERNMENT_DEBT',
  STREET_TOWNSHIP_COMMITMENT: 'STREET_TOWNSHIP_COMMITMENT',
  ARREARS_TO_FIRMS: 'ARREARS_TO_FIRMS',
  OTHER: 'OTHER',
} as const;
export type PolicyArea = (typeof PolicyArea)[keyof typeof PolicyArea];

/** The facts of a record that an objection can correct or supplement. */
export interface RecordFacts {
  title: string;
  summary: string;
  amountOwedYuan?: number | null;
  [field: string]: unknown;
}

/** Disciplinary sanctions of civil servants and the months they restrict awards (公职人员政务处分法 art. 8). */
export const SANCTION_MONTHS = {
  WARNING: 6,
  DEMERIT: 12,
  MAJOR_DEMERIT: 18,
  DEMOTION: 24,
  REMOVAL: 24,
} as const;
export type SanctionKind = keyof typeof SANCTION_MONTHS;
export const SANCTION_KINDS = Object.keys(SANCTION_MONTHS) as [SanctionKind, ...SanctionKind[]];

/** REMOVED: a list entry removed from its list (移出名单) by an objection. */
export const RecordStatus = { ACTIVE: 'ACTIVE', DELETED: 'DELETED', REPAIRED: 'REPAIRED', REVOKED: 'REVOKED', REMOVED: 'REMOVED' } as const;
export type RecordStatus = (typeof RecordStatus)[keyof typeof RecordStatus];

export const RectificationStatus = {
  NOT_REQUIRED: 'NOT_REQUIRED',
  PENDING: 'PENDING',
  RECTIFIED: 'RECTIFIED',
  OVERDUE: 'OVERDUE',
  CANCELLED: 'CANCELLED',
} as const;
export type RectificationStatus = (typeof RectificationStatus)[keyof typeof RectificationStatus];

/** 主动纠错: a lighter sanction (minimum publication, no eligibility suspension) or an exemption. */
export const LeniencyKind = { LIGHTER: 'LIGHTER', EXEMPTED: 'EXEMPTED' } as const;
export type LeniencyKind = (typeof LeniencyKind)[keyof typeof LeniencyKind];
export const LENIENCY_KINDS = Object.values(LeniencyKind) as [LeniencyKind, ...LeniencyKind[]];
/** The qualifying act of 主动纠错 (76号 [C]): 挽回损失, 消除影响, 阻止危害. */
export const LeniencyAct = { RECOVERED_LOSSES: 'RECOVERED_LOSSES', ELIMINATED_EFFECTS: 'ELIMINATED_EFFECTS', PREVENTED_HARM: 'PREVENTED_HARM' } as const;
export type LeniencyAct = (typeof LeniencyAct)[keyof typeof LeniencyAct];
export const LENIENCY_ACTS = Object.values(LeniencyAct) as [LeniencyAct, ...LeniencyAct[]];
