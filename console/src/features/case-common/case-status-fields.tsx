import { Space, Tag } from 'antd';
import { dateTime } from '../../lib/dates';
import { label, ROLE_LABEL } from '../../lib/labels';
import type { People } from '../../lib/people';
import { CASE_COMMON_TEXT as T } from './texts';

/** Who has the case's current step: the applicant, the claimer (by name), or the role's staff while unclaimed. */
export function assigneeText(c: { currentStep: string | null; assigneeRole: string | null; claimedById: string | null }, people: People): string {
  if (!c.currentStep) return '—';
  if (c.assigneeRole === 'APPLICANT') return T.applicantStep;
  if (c.claimedById) return T.claimedBy(people.full(c.claimedById));
  return `${label(ROLE_LABEL, c.assigneeRole)} · ${T.unclaimed}`;
}

/** The due time with its marks: overdue, provisional (next year's holidays not published), paused (补正). */
export function DueAt({ c }: { c: { dueAt: string | null; overdue: boolean; dueProvisional?: boolean; clockPaused?: boolean } }) {
  return (
    <Space wrap>
      {dateTime(c.dueAt)}
      {c.overdue && <Tag color="red">{T.overdue}</Tag>}
      {c.dueProvisional && <Tag>{T.provisional}</Tag>}
      {c.clockPaused && <Tag color="blue">{T.paused}</Tag>}
    </Space>
  );
}
