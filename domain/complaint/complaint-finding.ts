/** The competent authority's finding on a complaint (核查结论). */
export const ComplaintFinding = { UNFOUNDED: 'UNFOUNDED', CONFIRMED: 'CONFIRMED', PARTLY_CONFIRMED: 'PARTLY_CONFIRMED' } as const;
export type ComplaintFinding = (typeof ComplaintFinding)[keyof typeof ComplaintFinding];
