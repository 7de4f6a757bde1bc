// How an item's answer looks, on the walk-through and on the outcome alike.
import { Tag } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { itemResults } from '../../../../common/schemas/places';

type ItemResult = (typeof itemResults)[number];
export type Draft = Record<string, { result?: ItemResult; note?: string; photoIds?: string[] }>;

export const resultIcons: Record<ItemResult, React.ReactNode> = {
  pass: <CheckCircleOutlined />,
  fail: <CloseCircleOutlined />,
  notApplicable: <MinusCircleOutlined />,
};
const resultColors: Record<ItemResult, string> = {
  pass: 'green',
  fail: 'red',
  notApplicable: 'default',
};

export function ResultTag({ result }: { result: ItemResult | null | undefined }) {
  const { t } = useTranslation();
  if (!result) return <Tag>{t('placeUi.inspect.unanswered')}</Tag>;
  return (
    <Tag color={resultColors[result]} icon={resultIcons[result]}>
      {t(`places.itemResults.${result}`)}
    </Tag>
  );
}
