import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, findCreditCodeProblem, isValidCreditCode } from '../../domain/credit-code.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91110000802100433B', '11100000000013127D', '91440300708461136T'])(
    'accepts the published code %s',
    (code) => {
      expect(isValidCreditCode(code)).toBe(true);
    },
  );

  it('computes the check character over the first 17 characters', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('11100000000013127')).toBe('D');
  });

  it('rejects a code whose check character is wrong', () => {
    expect(findCreditCodeProblem('91350100M000100Y44')).toBe('check-character');
  });

  it('rejects codes of the wrong length', () => {
    expect(findCreditCodeProblem('91350100M000100Y4')).toBe('length');
    expect(findCreditCodeProblem('')).toBe('length');
  });

  it('rejects letters that the standard excludes (I, O, S, V, Z) and lower case', () => {
    expect(findCreditCodeProblem('91350100M000100I43')).toBe('characters');
    expect(findCreditCodeProblem('91350100m000100Y43')).toBe('characters');
    expect(findCreditCodeProblem('913501O0M000100Y43')).toBe('characters');
  });
});
