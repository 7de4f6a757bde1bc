import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TipStatus } from '../../../../common/schemas/tips';

const colours: Record<TipStatus, string> = {
  received: 'orange',
  triaged: 'processing',
  converted: 'processing',
  answered: 'success',
  dismissed: 'default',
  closed: 'success',
  rated: 'success',
};

/** Status in words with a colour (never colour alone). */
export function TipStatusTag({ status }: { status: TipStatus }) {
  const { t } = useTranslation();
  return <Tag color={colours[status]}>{t(`tips.statuses.${status}`)}</Tag>;
}
