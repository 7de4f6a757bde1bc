import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { zIntakeReferralDecline, type IntakeReferral } from '../../../../common/schemas/tips';
import { FormModal } from '../../components/form-modal';
import { fieldRules, maxLengthOf } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { CaseCreateDialog } from '../cases/case-create-dialog';
import { useIntakeReferrals, useReferralWrites } from './tips-api';

/**
 * 待接案转介: needs handed to the station by tips and activities. 接案 opens the case dialog prefilled
 * from the referral; 退回 asks for a reason. Shown to the station's staff only.
 */
export function PendingReferrals({ canTake }: { canTake: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useIntakeReferrals('pending');
  const writes = useReferralWrites();
  const [taking, setTaking] = useState<IntakeReferral>();
  const [declining, setDeclining] = useState<IntakeReferral>();
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [form] = Form.useForm<{ reason: string }>();
  const items = list.data ?? [];
  if (list.isPending || list.isError || items.length === 0) return null;

  const showPhone = async (r: IntakeReferral) => {
    try {
      const { phone } = await writes.phone(r);
      if (phone) setPhones((p) => ({ ...p, [r.id]: phone }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Card
      size="small"
      className="gap-bottom"
      title={
        <Space>
          {t('tips.referrals.title')}
          <Tag color="orange">{items.length}</Tag>
        </Space>
      }
      data-testid="pending-referrals"
    >
      <List
        dataSource={items}
        renderItem={(r) => (
          <List.Item
            actions={
              canTake
                ? [
                    <Button key="take" type="primary" onClick={() => setTaking(r)}>
                      {t('tips.referrals.accept')}
                    </Button>,
                    <Button key="decline" onClick={() => setDeclining(r)}>
                      {t('tips.referrals.decline')}
                    </Button>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{r.name}</span>
                  <Tag>{t(`tips.referrals.source.${r.source}`)}</Tag>
                  <span className="muted">{formatTime(r.createdAt)}</span>
                </Space>
              }
              description={
                <>
                  <div>
                    {t('tips.referrals.need')}：{r.need}
                  </div>
                  {r.phone && (
                    <div>
                      {phones[r.id] ?? r.phone}{' '}
                      {canTake && !phones[r.id] && (
                        <Button type="link" size="small" onClick={() => void showPhone(r)}>
                          {t('tips.referrals.showPhone')}
                        </Button>
                      )}
                    </div>
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {taking && (
        <CaseCreateDialog
          open
          referral={taking}
          onClose={() => {
            setTaking(undefined);
            writes.refresh();
          }}
        />
      )}
      <FormModal<{ reason: string }>
        name="referral-decline"
        open={!!declining}
        title={t('tips.referrals.decline')}
        form={form}
        okDanger
        okText={t('tips.referrals.decline')}
        onClose={() => setDeclining(undefined)}
        onSubmit={async (v) => {
          await writes.decline(declining!, v.reason.trim());
        }}
      >
        <Form.Item
          name="reason"
          label={t('tips.referrals.declineReason')}
          rules={fieldRules(zIntakeReferralDecline.shape.reason)}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={maxLengthOf(zIntakeReferralDecline.shape.reason)}
          />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
