export const RecordSource = {
  COURT_JUDGMENT: 'COURT_JUDGMENT',
  ADMINISTRATIVE_PENALTY: 'ADMINISTRATIVE_PENALTY',
  DISCIPLINARY_ACTION: 'DISCIPLINARY_ACTION',
  ACCOUNTABILITY_DECISION: 'ACCOUNTABILITY_DECISION',
} as const;
export type RecordSource = (typeof RecordSource)[keyof typeof RecordSource];

export const Severity = { GENERAL: 'GENERAL', SERIOUS: 'SERIOUS' } as const;
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
