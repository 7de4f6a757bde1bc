// What the tabs of the operation page (operation-page.tsx) share.
import { Typography } from 'antd';
import type { Messages } from '../../../../common/i18n/zh-CN';
import { formatTime } from '../../i18n';
import type { useOperationWrites as WritesHook } from './operations-api';

export type Writes = ReturnType<typeof WritesHook>;
export type FieldKey = keyof Messages['operations']['fields'];

export const clock = (iso: string | null) => (iso ? formatTime(iso).slice(5) : '—');
export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** What a tab shows while it has nothing yet. */
export function Empty({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ padding: '24px 0', textAlign: 'center' }}>
      {text}
    </Typography.Paragraph>
  );
}
