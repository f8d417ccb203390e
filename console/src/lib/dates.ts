import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/** The office's zone: every date and time the console shows is in Beijing time, whatever the browser's zone. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(OFFICE_TIME_ZONE).format('YYYY-MM-DD HH:mm') : '—';
}

export function date(iso: string | null | undefined): string {
  if (!iso) return '—';
  // A calendar date (YYYY-MM-DD) is already a local date: show it as it is.
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? iso : dayjs(iso).tz(OFFICE_TIME_ZONE).format('YYYY-MM-DD');
}

export { dayjs };
