import { randomInt } from 'node:crypto';
import { creditCodeCheckCharacter } from '../../domain/credit-code.js';

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid, random 统一社会信用代码 (machine-made codes start with 11: 机关). */
export function randomCreditCode(): string {
  let body = '11' + String(randomInt(100000, 999999));
  for (let i = 0; i < 9; i++) body += CODE_CHARS.charAt(randomInt(CODE_CHARS.length));
  return body + creditCodeCheckCharacter(body);
}
