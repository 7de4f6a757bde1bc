import { useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zReferralCreate,
  zReferralTransition,
  type CaseDetail,
  type Referral,
  type ReferralStatus,
} from '../../../../common/schemas/cases';
import { shanghaiDay } from '../../../../common/time';
import { FormModal } from '../../components/form-modal';
import { ListState } from '../../components/list-state';
import { checkWords, maxLengthOf, schemaRules } from '../../components/zod-form';
import { ReferralStatusTag } from './case-tags';
import { useCaseWrites, useReferrals } from './cases-api';
import { useResourcePage } from './resources-api';

/** What a referral can become next (server: referralMoves). */
const moves: Record<ReferralStatus, ('accepted' | 'completed' | 'declined')[]> = {
  requested: ['accepted', 'declined'],
  accepted: ['completed', 'declined'],
  completed: [],
  declined: [],
};
const moveLabel = { accepted: 'accept', completed: 'complete', declined: 'decline' } as const;

export function Referrals({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const referrals = useReferrals(c.id);
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState<{
    r: Referral;
    to: 'accepted' | 'completed' | 'declined';
  }>();
  const canWrite = c.canWrite && c.status === 'open';
  const items = referrals.data ?? [];
  return (
    <Card
      title={t('caseUi.referrals.title')}
      className="case-referrals"
      extra={
        canWrite && (
          <Button icon={<LinkOutlined />} onClick={() => setAdding(true)}>
            {t('caseUi.referrals.add')}
          </Button>
        )
      }
    >
      <ListState
        loading={referrals.isPending}
        error={referrals.error}
        onRetry={() => void referrals.refetch()}
        empty={items.length === 0}
        emptyText={t('caseUi.referrals.empty')}
        emptyHint={canWrite ? t('caseUi.referrals.emptyHint') : undefined}
      >
        <div className="referral-list">
          {items.map((r) => (
            <div key={r.id} className="referral-item" data-referral={r.resource.name}>
              <div className="referral-head">
                <strong>{r.resource.name}</strong>
                <ReferralStatusTag status={r.status} />
              </div>
              <div className="muted small">
                <Tag className="case-tag">
                  {t(`cases.resourceCategories.${r.resource.category}`)}
                </Tag>
                {r.resource.provider}
              </div>
              {r.note && <div className="pre-wrap small">{r.note}</div>}
              {r.outcome && (
                <div className="small">
                  <span className="muted colon-after">{t('caseUi.referrals.outcome')}</span>
                  {r.outcome}
                </div>
              )}
              <div className="muted small">
                {t('caseUi.referrals.requestedBy', {
                  name: r.requestedBy.displayName,
                  date: shanghaiDay(r.requestedAt),
                })}
              </div>
              {canWrite && moves[r.status].length > 0 && (
                <Space wrap className="referral-actions">
                  {moves[r.status].map((to) => (
                    <Button
                      key={to}
                      danger={to === 'declined'}
                      onClick={() => setMoving({ r, to })}
                    >
                      {t(`caseUi.referrals.${moveLabel[to]}`)}
                    </Button>
                  ))}
                </Space>
              )}
            </div>
          ))}
        </div>
      </ListState>
      <NewReferralDialog c={c} open={adding} onClose={() => setAdding(false)} />
      <MoveReferralDialog c={c} move={moving} onClose={() => setMoving(undefined)} />
    </Card>
  );
}

type NewValues = { resourceId: string; note?: string };

function NewReferralDialog({
  c,
  open,
  onClose,
}: {
  c: CaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useCaseWrites(c.id);
  const [form] = Form.useForm<NewValues>();
  const [q, setQ] = useState('');
  const resources = useResourcePage({ q: q || undefined, status: 'active', pageSize: 50 }, open);
  const options = (resources.data?.items ?? []).map((r) => ({
    value: r.id,
    label: `${r.name} · ${r.provider}`,
    name: r.name,
  }));
  // One id per opening: a resend on a poor signal makes one referral, the next opening a new one.
  const [id, setId] = useState(() => uuidv7());
  return (
    <FormModal<NewValues>
      name="referralNew"
      open={open}
      title={t('caseUi.referrals.addTitle')}
      form={form}
      okText={t('caseUi.referrals.add')}
      onClose={() => {
        setId(uuidv7());
        onClose();
      }}
      onSubmit={async (v) => {
        const referral = await writes.createReferral({
          id,
          resourceId: v.resourceId,
          note: v.note?.trim() || null,
        });
        void message.success(t('caseUi.referrals.created', { name: referral.resource.name }));
      }}
    >
      <Form.Item
        name="resourceId"
        label={t('caseUi.referrals.resource')}
        rules={schemaRules(zReferralCreate).resourceId}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: (text) => setQ(text.trim()) }}
          placeholder={t('caseUi.referrals.resourcePlaceholder')}
          loading={resources.isFetching}
          options={options}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('caseUi.referrals.note')}
        rules={schemaRules(zReferralCreate).note}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={maxLengthOf(zReferralCreate.shape.note)}
        />
      </Form.Item>
    </FormModal>
  );
}

function MoveReferralDialog({
  c,
  move,
  onClose,
}: {
  c: CaseDetail;
  move?: { r: Referral; to: 'accepted' | 'completed' | 'declined' };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useCaseWrites(c.id);
  const [form] = Form.useForm<{ outcome?: string }>();
  // 已接收 only records that the provider took the referral on: the outcome comes when it ends.
  const accepting = move?.to === 'accepted';
  return (
    <FormModal<{ outcome?: string }>
      name="referralMove"
      open={!!move}
      title={
        move &&
        t('caseUi.referrals.moveTitle', {
          name: move.r.resource.name,
          status: t(`cases.referralStatuses.${move.to}`),
        })
      }
      form={form}
      okDanger={move?.to === 'declined'}
      onClose={onClose}
      onSubmit={async (v) => {
        if (!move) return;
        await writes.moveReferral(move.r.id, {
          version: move.r.version,
          status: move.to,
          outcome: accepting ? undefined : v.outcome?.trim() || undefined,
        });
        void message.success(t('caseUi.referrals.moved'));
      }}
    >
      {accepting ? (
        <p>{t('caseUi.referrals.acceptConfirm', { name: move.r.resource.provider })}</p>
      ) : (
        <Form.Item
          name="outcome"
          label={t('caseUi.referrals.outcome')}
          // The schema's rule across status and outcome, in its words: an end says how it ended.
          rules={[
            { required: true, whitespace: true, message: checkWords('outcome') },
            ...schemaRules(zReferralTransition).outcome,
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={maxLengthOf(zReferralTransition.shape.outcome)}
            placeholder={t('caseUi.referrals.outcomePlaceholder')}
          />
        </Form.Item>
      )}
    </FormModal>
  );
}
