import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { CheckCircleOutlined, FlagOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { issueCategories, zLocation, type IssueCategory } from '../../../../common/schemas/issues';
import {
  zFindingCreate,
  type Finding,
  type PatrolDetail,
} from '../../../../common/schemas/patrols';
import { ListState } from '../../components/list-state';
import { showServerError } from '../../components/form-errors';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { PhotoField, PhotoStrip } from '../issues/photo-field';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useGridPlaces, usePatrol, usePatrolWrites } from './patrols-api';
import { PatrolStatusTag } from './patrols-page';

const finding = schemaRules(zFindingCreate);
/** The form holds the place's words; the API takes them as location.text. */
const locationRules = fieldRules(zLocation.shape.text.optional());

interface FindingValues {
  description: string;
  photoIds?: string[];
  placeId?: string;
  location?: string;
}

/** 巡查 under way: note what is found, report it as an issue in one step, end the round. */
export function PatrolPage() {
  const { id = '' } = useParams();
  const patrol = usePatrol(id);
  const p = patrol.data;
  return (
    <ListState
      loading={patrol.isPending}
      error={patrol.error}
      onRetry={() => void patrol.refetch()}
      empty={false}
      emptyText=""
    >
      {p ? <PatrolView patrol={p} /> : <Skeleton active />}
    </ListState>
  );
}

function PatrolView({ patrol: p }: { patrol: PatrolDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const writes = usePatrolWrites();
  const writable = p.mine && p.status === 'open';
  const [ending, setEnding] = useState(false);
  const findings = p.items.filter((f) => f.kind === 'finding');

  const end = () =>
    modal.confirm({
      title: t('issues.patrols.end'),
      content: t('patrolUi.endConfirm'),
      okText: t('issues.patrols.end'),
      onOk: async () => {
        setEnding(true);
        try {
          await writes.end(p.id, { version: p.version, endedAt: new Date().toISOString() });
          void message.success(t('patrolUi.ended'));
        } catch (error) {
          void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
        } finally {
          setEnding(false);
        }
      },
    });

  const endButton = writable && (
    <Button
      danger
      size="large"
      block={isPhone}
      icon={<FlagOutlined />}
      loading={ending}
      onClick={end}
    >
      {t('issues.patrols.end')}
    </Button>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="patrol-page">
      <Card size="small" extra={!isPhone && endButton}>
        <Descriptions
          size="small"
          column={isPhone ? 1 : 3}
          items={[
            {
              key: 'status',
              label: t('patrolUi.status'),
              children: <PatrolStatusTag status={p.status} />,
            },
            { key: 'grid', label: t('patrolUi.grid'), children: p.gridName },
            { key: 'worker', label: t('patrolUi.worker'), children: p.worker.name },
            {
              key: 'time',
              label: t('patrolUi.date'),
              children: t('patrolUi.time', {
                start: formatTime(p.startedAt),
                end: p.endedAt ? formatTime(p.endedAt).slice(11) : '',
              }),
            },
          ]}
        />
        {!writable && (
          <Alert
            type="info"
            showIcon
            message={p.status === 'ended' ? t('patrolUi.readOnly') : t('patrolUi.notMine')}
          />
        )}
      </Card>
      {writable && <VisitCard patrol={p} />}
      {writable && <FindingForm patrol={p} />}
      <Card size="small" title={`${t('issues.patrols.findingKinds.finding')} (${findings.length})`}>
        {p.items.length === 0 ? (
          <Typography.Text type="secondary">{t('patrolUi.noFindings')}</Typography.Text>
        ) : (
          <List dataSource={p.items} renderItem={(f) => <FindingItem patrol={p} finding={f} />} />
        )}
      </Card>
      {isPhone && endButton && <PhoneActionBar>{endButton}</PhoneActionBar>}
    </Space>
  );
}

/**
 * 走访无异常: a place visited with nothing wrong counts as a visit (and in the sweep coverage) with
 * one tap, so no one has to invent a finding to show they were there.
 */
function VisitCard({ patrol }: { patrol: PatrolDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = usePatrolWrites();
  const places = useGridPlaces(patrol.gridId);
  const [saving, setSaving] = useState<string | null>(null);
  const visited = new Set(patrol.items.filter((f) => f.kind === 'visited').map((f) => f.placeId));

  const visit = async (place: { id: string; name: string }) => {
    setSaving(place.id);
    try {
      // A new id per tap; a resend of this tap on a weak signal is recognised by it.
      await writes.addFinding(patrol.id, {
        id: uuidv7(),
        kind: 'visited',
        placeId: place.id,
        at: new Date().toISOString(),
      });
      void message.success(t('patrolUi.visitSaved', { place: place.name }));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
    } finally {
      setSaving(null);
    }
  };

  return (
    <Card size="small" title={t('patrolUi.visitTitle')}>
      <Typography.Paragraph type="secondary">{t('patrolUi.visitHint')}</Typography.Paragraph>
      <ListState
        loading={places.isPending}
        error={places.error}
        onRetry={() => void places.refetch()}
        empty={places.data?.length === 0}
        emptyText={t('patrolUi.noPlaces')}
      >
        <List
          className="patrol-visits"
          dataSource={places.data ?? []}
          renderItem={(place) => (
            <List.Item
              className="patrol-visit"
              extra={
                visited.has(place.id) ? (
                  <Tag color="green" icon={<CheckCircleOutlined />}>
                    {t('patrolUi.visitedHere')}
                  </Tag>
                ) : (
                  <Button
                    size="large"
                    loading={saving === place.id}
                    disabled={saving !== null && saving !== place.id}
                    aria-label={t('patrolUi.visitNoProblemOf', { place: place.name })}
                    onClick={() => void visit(place)}
                  >
                    {t('patrolUi.visitNoProblem')}
                  </Button>
                )
              }
            >
              {place.name}
            </List.Item>
          )}
        />
      </ListState>
    </Card>
  );
}

function FindingForm({ patrol }: { patrol: PatrolDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const writes = usePatrolWrites();
  const places = useGridPlaces(patrol.gridId);
  const [form] = Form.useForm<FindingValues>();
  // Made once per finding, so a resend on a weak signal does not add it twice.
  const [findingId, setFindingId] = useState(() => uuidv7());
  const [saving, setSaving] = useState(false);

  const finish = async (values: FindingValues) => {
    setSaving(true);
    try {
      await writes.addFinding(patrol.id, {
        id: findingId,
        kind: 'finding',
        description: values.description.trim(),
        placeId: values.placeId,
        location: values.location?.trim() ? { text: values.location.trim() } : undefined,
        photoIds: values.photoIds?.length ? values.photoIds : undefined,
        at: new Date().toISOString(),
      });
      form.resetFields();
      setFindingId(uuidv7());
      void message.success(t('patrolUi.findingSaved'));
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('patrolUi.addFinding')}>
      <Form<FindingValues>
        form={form}
        name="patrol-finding"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void finish(values)}
      >
        <Form.Item
          name="description"
          label={t('patrolUi.description')}
          // A finding needs its words (the service's FINDING_TEXT_REQUIRED); a visit does not.
          rules={[
            { required: true, whitespace: true, message: t('errors.FINDING_TEXT_REQUIRED') },
            ...finding.description,
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={maxLengthOf(zFindingCreate.shape.description)}
            placeholder={t('patrolUi.describePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="photoIds" label={t('issueUi.photos.label')}>
          <PhotoField />
        </Form.Item>
        <Form.Item name="placeId" label={t('patrolUi.place')} rules={finding.placeId}>
          <Select
            size={isPhone ? 'large' : undefined}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={places.isPending}
            placeholder={t('patrolUi.placePlaceholder')}
            options={(places.data ?? []).map((pl) => ({ value: pl.id, label: pl.name }))}
          />
        </Form.Item>
        <Form.Item name="location" label={t('patrolUi.location')} rules={locationRules}>
          <Input
            size={isPhone ? 'large' : undefined}
            maxLength={maxLengthOf(zLocation.shape.text)}
            placeholder={t('patrolUi.locationPlaceholder')}
          />
        </Form.Item>
        <Button
          htmlType="submit"
          type="primary"
          ghost
          block
          size="large"
          icon={<CheckCircleOutlined />}
          loading={saving}
        >
          {t('patrolUi.saveFinding')}
        </Button>
      </Form>
    </Card>
  );
}

function FindingItem({ patrol, finding: f }: { patrol: PatrolDetail; finding: Finding }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = usePatrolWrites();
  const [open, setOpen] = useState(false);
  const [category, setCategory] = useState<IssueCategory>('environmentSanitation');
  const [issueId, setIssueId] = useState(() => uuidv7());
  const [saving, setSaving] = useState(false);
  const canReport = patrol.mine && patrol.status === 'open' && f.kind === 'finding' && !f.issueId;

  const report = async () => {
    setSaving(true);
    try {
      await writes.report(patrol.id, f.id, { issueId, category });
      setIssueId(uuidv7());
      setOpen(false);
      void message.success(t('patrolUi.reportedDone'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
    } finally {
      setSaving(false);
    }
  };

  const where = [f.placeName, f.location?.text].filter(Boolean).join(' · ');
  return (
    <List.Item className="patrol-finding">
      <Space direction="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={4}>
          <Tag color={f.kind === 'visited' ? 'green' : 'orange'}>
            {t(`issues.patrols.findingKinds.${f.kind}`)}
          </Tag>
          <Typography.Text type="secondary">{formatTime(f.at).slice(11)}</Typography.Text>
          {where && <Typography.Text type="secondary">{where}</Typography.Text>}
        </Space>
        {f.description && <Typography.Text>{f.description}</Typography.Text>}
        <PhotoStrip photos={f.photos} />
        {f.issueId ? (
          <Space>
            <Tag color="success" icon={<CheckCircleOutlined />}>
              {t('patrolUi.reported')}
            </Tag>
            <Link to={`/issues/${f.issueId}`}>{t('patrolUi.openIssue')}</Link>
          </Space>
        ) : (
          canReport && (
            <Button block size="large" icon={<SendOutlined />} onClick={() => setOpen(true)}>
              {t('issues.patrols.report')}
            </Button>
          )
        )}
      </Space>
      <Modal
        open={open}
        title={t('patrolUi.reportTitle')}
        okText={t('patrolUi.reportConfirm')}
        confirmLoading={saving}
        onOk={() => void report()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">{f.description}</Typography.Paragraph>
        <Typography.Text strong>{t('issues.columns.category')}</Typography.Text>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          className="issue-category-choice"
          value={category}
          onChange={(e) => setCategory(e.target.value as IssueCategory)}
          options={issueCategories.map((c) => ({ value: c, label: t(`issues.categories.${c}`) }))}
        />
      </Modal>
    </List.Item>
  );
}
