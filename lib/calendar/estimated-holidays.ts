import chineseDays from 'chinese-days';

import { addDays, yearOf } from '../../domain/calendar/local-date.js';

// The package is CommonJS for Node (its named exports are not visible to Node's ESM loader), ESM for bundlers: both give a default.
const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;

/** How far past the last published year the calendar estimates (deadlines rarely run further). */
export const ESTIMATED_YEARS_AHEAD = 5;

/**
 * The statutory holidays of a year without a published arrangement, as fixed by law (《全国年节及纪念日放假办法》,
 * as amended 2024 [C]): 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. Lunar dates and
 * the 清明 solar term come from `chinese-days`. Bridging days and make-up working days (调休) are not guessed: they
 * are only known from the State Council's notice, so deadlines counted through such a year stay provisional.
 */
export function estimatedHolidays(year: number): Map<string, string> {
  const lunar = (month: number, day: number) => getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;
  const springFestival = lunar(1, 1);
  const days: Array<[string, string]> = [
    [`${year}-01-01`, '元旦'],
    [addDays(springFestival, -1), '春节（除夕）'],
    [springFestival, '春节'],
    [addDays(springFestival, 1), '春节'],
    [addDays(springFestival, 2), '春节'],
    [getSolarTermDate(year, 4, 'pure_brightness'), '清明节'],
    [`${year}-05-01`, '劳动节'],
    [`${year}-05-02`, '劳动节'],
    [lunar(5, 5), '端午节'],
    [lunar(8, 15), '中秋节'],
    [`${year}-10-01`, '国庆节'],
    [`${year}-10-02`, '国庆节'],
    [`${year}-10-03`, '国庆节'],
  ];
  return new Map(days.filter(([date]) => yearOf(date) === year).map(([date, name]) => [date, `${name}（预估）`]));
}
