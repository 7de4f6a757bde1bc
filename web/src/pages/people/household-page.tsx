import { useState } from 'react';
import { useParams } from 'react-router';
import { Button, Card, Col, Collapse, Descriptions, Drawer, Row, Skeleton, Space, Tag } from 'antd';
import {
  ApartmentOutlined,
  EditOutlined,
  EnvironmentOutlined,
  ScissorOutlined,
  SwapOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Household } from '../../../../common/schemas/people';
import { useIsPhone } from '../../use-is-phone';
import { HouseholdDialogs, type HouseholdDialog } from './household-dialogs';
import { HouseholdHistory } from './household-history';
import { MemberCard } from './member-card';
import { useHousehold } from './people-api';
import { useCanWritePeople } from './people-roles';
import { PhoneActionBar } from './phone-action-bar';
import { RevealedProvider } from './revealed';
import { ListState } from '../../components/list-state';

const operations = [
  { kind: 'add', icon: <UserAddOutlined />, label: 'addMember' },
  { kind: 'changeHead', icon: <SwapOutlined />, label: 'changeHead' },
  { kind: 'split', icon: <ScissorOutlined />, label: 'split' },
  { kind: 'move', icon: <EnvironmentOutlined />, label: 'move' },
] as const;

export function HouseholdPage() {
  const { id = '' } = useParams();
  const household = useHousehold(id);
  if (household.isPending || household.error) {
    return (
      <Card>
        <ListState
          loading={household.isPending}
          error={household.error}
          onRetry={() => void household.refetch()}
          empty={false}
          emptyText=""
        >
          <Skeleton />
        </ListState>
      </Card>
    );
  }
  return (
    <RevealedProvider>
      <HouseholdView household={household.data} />
    </RevealedProvider>
  );
}

function HouseholdView({ household: h }: { household: Household }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const canWrite = useCanWritePeople() && h.status === 'active';
  const [dialog, setDialog] = useState<HouseholdDialog>(null);
  const [sheetOpen, setSheetOpen] = useState(false);
  const living = h.members.filter((m) => m.status === 'living');
  const former = h.members.filter((m) => m.status !== 'living');
  // The head first, then the others as they were registered.
  const ordered = [...living].sort(
    (a, b) => Number(b.id === h.headResidentId) - Number(a.id === h.headResidentId),
  );
  const open = (next: HouseholdDialog) => {
    setSheetOpen(false);
    setDialog(next);
  };

  const opButtons = (large: boolean) =>
    operations.map((op) => (
      <Button
        key={op.kind}
        icon={op.icon}
        block={large}
        size={large ? 'large' : undefined}
        disabled={
          (op.kind === 'changeHead' && living.length < 2) ||
          (op.kind === 'split' && living.length < 2)
        }
        onClick={() => open({ kind: op.kind })}
      >
        {t(`people.ops.${op.label}`)}
      </Button>
    ));

  const members = (list: Household['members']) => (
    <Row gutter={[16, 16]}>
      {list.map((m) => (
        <Col key={m.id} span={isPhone ? 24 : 12}>
          <MemberCard
            member={m}
            isHead={m.id === h.headResidentId}
            canWrite={canWrite}
            onDialog={(kind) => open({ kind, memberId: m.id })}
          />
        </Col>
      ))}
    </Row>
  );

  return (
    <div className="page-stack household-page">
      <Card className="household-head">
        <div className="household-address">
          <ApartmentOutlined />
          <h2>{h.address}</h2>
          {h.status === 'dissolved' && <Tag>{t('people.household.dissolved')}</Tag>}
        </div>
        <div className="muted">
          {h.communityName} · {h.gridName} ·{' '}
          {t('people.household.memberCount', { count: living.length })}
        </div>
        {canWrite && !isPhone && (
          <Space wrap className="gap-top">
            {opButtons(false)}
          </Space>
        )}
      </Card>

      <section aria-label={t('people.household.members')}>
        {members(ordered)}
        {former.length > 0 && (
          <Collapse
            className="gap-top former-members"
            items={[
              {
                key: 'former',
                label: t('people.household.formerMembers', { count: former.length }),
                children: members(former),
              },
            ]}
          />
        )}
      </section>

      <Card
        title={t('people.household.facts')}
        extra={
          canWrite && (
            <Button icon={<EditOutlined />} onClick={() => open({ kind: 'facts' })}>
              {t('people.ops.editFacts')}
            </Button>
          )
        }
      >
        <Descriptions
          column={isPhone ? 1 : 2}
          size="small"
          items={[
            {
              key: 'housing',
              label: t('people.fields.housing'),
              children: h.housing ? t(`people.housing.${h.housing}`) : '—',
            },
            {
              key: 'economicStatus',
              label: t('people.fields.economicStatus'),
              children: t(`people.economicStatuses.${h.economicStatus}`),
            },
            {
              key: 'incomeSources',
              label: t('people.fields.incomeSources'),
              children: h.incomeSources.length
                ? h.incomeSources
                    .map((s) => t(`people.incomeSources.${s}`))
                    .join(t('people.listSeparator'))
                : '—',
            },
            {
              key: 'notes',
              label: t('people.fields.notes'),
              children: <span className="pre-wrap">{h.notes ?? '—'}</span>,
            },
          ]}
        />
      </Card>

      <HouseholdHistory household={h} />

      {canWrite && isPhone && (
        <PhoneActionBar>
          <Button type="primary" size="large" block onClick={() => setSheetOpen(true)}>
            {t('people.household.operations')}
          </Button>
        </PhoneActionBar>
      )}
      <Drawer
        open={sheetOpen}
        placement="bottom"
        size="auto"
        title={t('people.household.operations')}
        onClose={() => setSheetOpen(false)}
        // Each button opens a dialog: focus going back to 户变更 as the sheet closes would close
        // the first dropdown the user opens in that dialog.
        focusable={{ focusTriggerAfterClose: false }}
        className="operations-sheet"
      >
        <div className="muted small gap-bottom">{t('people.household.operationsHint')}</div>
        <div className="sheet-buttons">{opButtons(true)}</div>
      </Drawer>
      <HouseholdDialogs household={h} dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
