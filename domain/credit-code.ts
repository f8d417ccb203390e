/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from the set below, the last a check character
 * computed modulo 31 over the first 17 with fixed weights.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new Error(`invalid character ${first17.charAt(i)}`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET.charAt(check);
}

export type CreditCodeProblem = 'length' | 'characters' | 'check-character';

/** Returns null when the code is valid, otherwise what is wrong with it. */
export function findCreditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'characters';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check-character';
}

export function isValidCreditCode(code: string): boolean {
  return findCreditCodeProblem(code) === null;
}
