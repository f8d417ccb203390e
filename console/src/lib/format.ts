/** Numbers as an office in mainland China writes them. */
const YUAN = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });
const COUNT = new Intl.NumberFormat('zh-CN');
const PERCENT = new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 });

export const yuan = (value: number): string => YUAN.format(value);
export const count = (value: number): string => COUNT.format(value);
export const percent = (share: number): string => PERCENT.format(share);

/** A record's fact as shown: amounts in yuan (the API's `…Yuan` fields), other values as they are. */
export function factText(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'number' && /Yuan$/.test(key)) return yuan(value);
  if (typeof value === 'number') return count(value);
  return String(value);
}
