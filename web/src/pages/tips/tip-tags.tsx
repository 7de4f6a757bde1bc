import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TipPublicPhase, TipStatus } from '../../../../common/schemas/tips';

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

const phaseColours: Record<TipPublicPhase, string> = {
  submitted: 'orange',
  received: 'processing',
  inProgress: 'processing',
  done: 'success',
  dismissed: 'default',
};

/** What the resident reads as the state of the tip, as staff see it on the tip's page. */
export function PhaseTag({ phase }: { phase: TipPublicPhase }) {
  const { t } = useTranslation();
  return <Tag color={phaseColours[phase]}>{t(`tips.phases.${phase}`)}</Tag>;
}
