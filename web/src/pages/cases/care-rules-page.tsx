import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  InputNumber,
  Row,
  Select,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  careTiers,
  zCareRulesUpdate,
  type CareRulesUpdate,
  type CareTier,
} from '../../../../common/schemas/cases';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { shanghaiToday } from '../../../../common/time';
import { ListState } from '../../components/list-state';
import { boundsOf, fieldRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { useCareRules, useSaveCareRules, useVisitRates } from './cases-api';

const interval = zCareRulesUpdate.shape.rules.element.shape.intervalDays;
const intervalRules = fieldRules(interval);

/** The active social work stations of the caller's tree. */
function stationsOf(nodes: OrgTreeNode[]): OrgTreeNode[] {
  return nodes
    .filter((n) => n.status === 'active')
    .flatMap((n) => (n.kind === 'station' ? [n] : stationsOf(n.children)));
}

type Intervals = Record<CareTier, number>;

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/**
 * 关爱规则: how often each care tier is visited on the station's street (a station supervisor or the
 * street admin sets it; unset tiers follow the default), and this month's visit rate per tier.
 */
export function CareRulesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const tree = useOrgTree(false);
  const stations = stationsOf(tree.data ?? []);
  const [stationId, setStationId] = useState<string>();
  const station = stations.find((s) => s.id === stationId) ?? stations[0];
  const [month, setMonth] = useState(() => shanghaiToday().slice(0, 7));
  const [form] = Form.useForm<Intervals>();

  // A station stands directly under its street: the street's rules are the station's.
  const streetId = station?.parentId ?? undefined;
  const rules = useCareRules(streetId);
  const rates = useVisitRates(station?.id, month);
  const saveRules = useSaveCareRules(streetId);

  useEffect(() => {
    if (rules.data)
      form.setFieldsValue(
        Object.fromEntries(rules.data.rules.map((r) => [r.tier, r.intervalDays])),
      );
  }, [rules.data, form]);

  const save = async (v: Intervals) => {
    if (!rules.data) return;
    try {
      const body: CareRulesUpdate = {
        streetId: rules.data.streetId,
        // A tier left at its default stays on the default (it follows a later change of it).
        rules: rules.data.rules
          .filter((r) => !r.isDefault || v[r.tier] !== r.intervalDays)
          .map((r) => ({ tier: r.tier, intervalDays: v[r.tier], version: r.version })),
      };
      if (body.rules.length === 0) {
        void message.success(t('caseUi.careRules.saved'));
        return;
      }
      await saveRules.mutateAsync(body);
      void message.success(t('caseUi.careRules.saved'));
    } catch (error) {
      // Changed by someone else meanwhile (409): the rules they set are loaded again.
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };

  const rateOf = (tier: CareTier) => rates.data?.tiers.find((r) => r.tier === tier);
  const ruleOf = (tier: CareTier) => rules.data?.rules.find((r) => r.tier === tier);

  return (
    <Card title={t('caseUi.careRules.title')}>
      <Typography.Paragraph type="secondary">{t('caseUi.careRules.intro')}</Typography.Paragraph>
      <Row gutter={[16, 12]} style={{ marginBottom: 16 }} align="middle">
        {stations.length > 1 && (
          <Col xs={24} md={10}>
            <Select
              aria-label={t('caseUi.careRules.station')}
              style={{ width: '100%' }}
              value={station?.id}
              onChange={setStationId}
              options={stations.map((s) => ({ value: s.id, label: s.name }))}
            />
          </Col>
        )}
        {stations.length === 1 && (
          <Col xs={24} md={10}>
            <strong>{station?.name}</strong>
          </Col>
        )}
        <Col xs={24} md={8}>
          <label htmlFor="care-rules-month" style={{ marginRight: 8 }}>
            {t('caseUi.careRules.month')}
          </label>
          <DatePicker
            id="care-rules-month"
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
            disabledDate={(d) => d.format('YYYY-MM') > shanghaiToday().slice(0, 7)}
          />
        </Col>
      </Row>
      <ListState
        loading={tree.isPending || (!!station && rules.isPending)}
        error={tree.error ?? rules.error ?? rates.error}
        onRetry={() => {
          void tree.refetch();
          void rules.refetch();
          void rates.refetch();
        }}
        empty={!tree.isPending && !station}
        emptyText={t('caseUi.careRules.noStation')}
      >
        <Form<Intervals> form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Row gutter={[16, 16]}>
            {careTiers.map((tier) => {
              const rule = ruleOf(tier);
              const rate = rateOf(tier);
              return (
                <Col key={tier} xs={24} md={8}>
                  <Card
                    size="small"
                    className="care-rule-card"
                    data-tier={tier}
                    title={t(`cases.tiers.${tier}`)}
                    extra={
                      rule && (
                        <Tag color={rule.isDefault ? undefined : 'blue'}>
                          {rule.isDefault
                            ? t('caseUi.careRules.default')
                            : t('caseUi.careRules.own')}
                        </Tag>
                      )
                    }
                  >
                    <Form.Item
                      name={tier}
                      label={t('caseUi.careRules.interval')}
                      rules={intervalRules}
                    >
                      <InputNumber
                        {...boundsOf(interval)}
                        precision={0}
                        suffix={t('caseUi.careRules.days')}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                    <div className="care-rule-rate">
                      <Typography.Text type="secondary">
                        {t('caseUi.careRules.rate', { month })}
                      </Typography.Text>
                      <div style={{ fontSize: 24, fontWeight: 600 }}>
                        {rates.isPending ? '…' : percent(rate?.rate ?? null)}
                      </div>
                      <Typography.Text type="secondary">
                        {rate
                          ? t('caseUi.careRules.visited', {
                              visited: rate.visitedWithinRule,
                              clients: rate.clients,
                              days: rate.intervalDays,
                            })
                          : ''}
                      </Typography.Text>
                    </div>
                  </Card>
                </Col>
              );
            })}
          </Row>
          <Button
            type="primary"
            htmlType="submit"
            loading={saveRules.isPending}
            block={isPhone}
            disabled={!rules.data}
            style={{ marginTop: 16 }}
          >
            {t('common.save')}
          </Button>
        </Form>
      </ListState>
    </Card>
  );
}
