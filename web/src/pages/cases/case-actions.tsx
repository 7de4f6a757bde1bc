import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { App } from 'antd';
import {
  AuditOutlined,
  CheckOutlined,
  FilePdfOutlined,
  FormOutlined,
  PlusOutlined,
  PoweroffOutlined,
  RedoOutlined,
  RightCircleOutlined,
  ShareAltOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseStage } from '../../../../common/schemas/cases';
import type { Flow } from './case-flow';
import type { CaseDialog } from './case-dialogs';
import { useCaseErrors } from './case-errors';
import type { StageFormInstances } from './case-stages';
import { useCaseWrites } from './cases-api';

export interface CaseAction {
  key: string;
  label: string;
  icon: ReactNode;
  onClick: () => void;
}

interface Options {
  c: CaseDetail;
  flow: Flow;
  forms: StageFormInstances;
  openDialog: (dialog: CaseDialog) => void;
  openPublication: () => void;
}

/**
 * The page's actions: one primary — the step that moves the case on for this caller — and the rest
 * as secondary ones (transfer, an early closure, printing, the publication summary).
 */
export function useCaseActions({ c, flow, forms, openDialog, openPublication }: Options) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const writes = useCaseWrites(c.id);
  const onError = useCaseErrors();
  const stage = (s: CaseStage) => t(`cases.stages.${s}`);
  const recordPath = `/cases/${c.id}/records/new`;

  const advance = (to: CaseStage) => {
    void modal.confirm({
      title: t('caseUi.actions.advanceTitle', { stage: stage(to) }),
      content: t('caseUi.actions.advanceText', { current: stage(c.stage) }),
      okText: t('caseUi.actions.advance', { stage: stage(to) }),
      cancelText: t('common.cancel'),
      // antd keeps the dialog open, its button loading, until the promise settles.
      onOk: async () => {
        try {
          await writes.advance({ to });
          void message.success(t('caseUi.actions.advanced', { stage: stage(to) }));
        } catch (error) {
          onError(error);
        }
      },
    });
  };

  let primary: CaseAction | undefined;
  const p = flow.primary;
  if (p?.kind === 'submit') {
    const form = t(`cases.forms.${p.form}`);
    primary = {
      key: 'submit',
      icon: p.form === 'closure' ? <PoweroffOutlined /> : <CheckOutlined />,
      label:
        p.form === 'closure' && !p.again
          ? t('caseUi.actions.requestClosure')
          : t(p.again ? 'caseUi.actions.resubmit' : 'caseUi.actions.submit', { form }),
      onClick: () => forms[p.form].submit(),
    };
  } else if (p?.kind === 'advance') {
    const to = p.to;
    primary = {
      key: 'advance',
      icon: <RightCircleOutlined />,
      label: t('caseUi.actions.advance', { stage: stage(to) }),
      onClick: () => advance(to),
    };
  } else if (p?.kind === 'review') {
    const form = p.form;
    primary = {
      key: 'review',
      icon: <AuditOutlined />,
      label: t('caseUi.actions.review', { form: t(`cases.forms.${form}`) }),
      onClick: () => openDialog({ kind: 'review', form }),
    };
  } else if (p?.kind === 'addRecord') {
    primary = {
      key: 'addRecord',
      icon: <PlusOutlined />,
      label: t('caseUi.actions.addRecord'),
      onClick: () => void navigate(recordPath),
    };
  } else if (p?.kind === 'reopen') {
    primary = {
      key: 'reopen',
      icon: <RedoOutlined />,
      label: t('caseUi.actions.reopen'),
      onClick: () => openDialog({ kind: 'reopen' }),
    };
  }

  const secondary: CaseAction[] = [];
  const open = c.status === 'open';
  if (open && c.canWrite && primary?.key !== 'addRecord')
    secondary.push({
      key: 'addRecord',
      icon: <PlusOutlined />,
      label: t('caseUi.actions.addRecord'),
      onClick: () => void navigate(recordPath),
    });
  if (flow.advanceAside && !c.pendingReview) {
    const to = flow.advanceAside;
    secondary.push({
      key: 'advance',
      icon: <RightCircleOutlined />,
      label: t('caseUi.actions.advance', { stage: stage(to) }),
      onClick: () => advance(to),
    });
  }
  if (flow.earlyClosure)
    secondary.push({
      key: 'closure',
      icon: <PoweroffOutlined />,
      label: t('caseUi.actions.requestClosure'),
      onClick: () => openDialog({ kind: 'closure' }),
    });
  if (open && c.canWrite)
    secondary.push({
      key: 'transfer',
      icon: <SwapOutlined />,
      label: t('caseUi.actions.transfer'),
      onClick: () => openDialog({ kind: 'transfer' }),
    });
  if (open && c.canWrite)
    secondary.push({
      key: 'nextContact',
      icon: <FormOutlined />,
      label: t('caseUi.actions.editNextContact'),
      onClick: () => openDialog({ kind: 'nextContact' }),
    });
  // The documents are for every reader of the case; the server audits each one.
  secondary.push(
    {
      key: 'print',
      icon: <FilePdfOutlined />,
      label: t('caseUi.page.print'),
      onClick: () => window.open(`/api/cases/${c.id}/case-file.pdf`, '_blank', 'noopener'),
    },
    {
      key: 'publish',
      icon: <ShareAltOutlined />,
      label: t('caseUi.page.publish'),
      onClick: openPublication,
    },
  );
  return { primary, secondary };
}
