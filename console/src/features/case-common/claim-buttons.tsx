import { Button, Space } from 'antd';
import { CASE_COMMON_TEXT as T } from './texts';

/** 认领 / 释放 of a staff step; the API decides who may (the claimer, a supervisor, an administrator). */
export function ClaimButtons({ onClaim, onRelease, pending }: { onClaim?: () => void; onRelease: () => void; pending: boolean }) {
  return (
    <Space>
      {onClaim && (
        <Button onClick={onClaim} loading={pending}>
          {T.claim}
        </Button>
      )}
      <Button onClick={onRelease} loading={pending}>
        {T.release}
      </Button>
    </Space>
  );
}
