/** ApplicationFailure types that workflow validators and handlers throw; the API maps them to HTTP statuses. */
export const FailureType = {
  /** The action is not allowed in the case's current state (409). */
  INVALID_STATE: 'InvalidState',
  /** The actor may not take this action on this case (403). */
  FORBIDDEN: 'Forbidden',
  /** The action's input breaks a business rule (400). */
  VALIDATION: 'Validation',
} as const;
export type FailureType = (typeof FailureType)[keyof typeof FailureType];
