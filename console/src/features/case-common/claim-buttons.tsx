import { Button } from 'antd';
import { CASE_COMMON_TEXT as T } from './texts';

/**
 * 认领 on an unclaimed staff step, 释放 on a claimed one (only the action that applies); the API decides who may
 * (the claimer, a supervisor, an administrator) and the page shows its refusal.
 */
export function ClaimButtons({ claimed, onClaim, onRelease, pending }: { claimed: boolean; onClaim: () => void; onRelease: () => void; pending: boolean }) {
  return claimed ? (
    <Button onClick={onRelease} loading={pending}>
      {T.release}
    </Button>
  ) : (
    <Button onClick={onClaim} loading={pending}>
      {T.claim}
    </Button>
  );
}
