import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Radio, Result, Segmented, Select, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { inspectionModes } from '../../../../common/schemas/places';

type InspectionMode = (typeof inspectionModes)[number];
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useChecklists, useInspectionTeam, useInspectionWrites, usePlace } from './inspections-api';

/** 开始检查: which checklist and how; then one item per screen. */
export function InspectionStartPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const placeId = params.get('placeId');
  const place = usePlace(placeId);
  const checklists = useChecklists();
  const writes = useInspectionWrites();
  const [checklistId, setChecklistId] = useState<string>();
  const [mode, setMode] = useState<InspectionMode>('routine');
  const [id] = useState(() => uuidv7());
  const [starting, setStarting] = useState(false);
  const [departmentIds, setDepartmentIds] = useState<string[]>([]);
  const [teamIds, setTeamIds] = useState<string[]>([]);
  // A joint inspection names the departments that sign it off: the district's and the street's.
  const options = useInspectionTeam(placeId);
  const departments = options.data?.departments ?? [];
  const needsDepartments = mode === 'joint' && departmentIds.length === 0;

  if (!placeId) return <Result status="warning" title={t('placeUi.inspect.noPlace')} />;
  if (place.isPending || checklists.isPending) return <Skeleton active />;
  if (place.error || checklists.error) {
    return <Result status="warning" title={(place.error ?? checklists.error)?.message} />;
  }
  const active = checklists.data.filter((c) => c.status === 'active');

  const start = async () => {
    if (!checklistId) return;
    setStarting(true);
    try {
      const inspection = await writes.start({
        id,
        placeId,
        checklistId,
        mode,
        departmentIds: mode === 'joint' ? departmentIds : [],
        teamIds,
        at: new Date().toISOString(),
      });
      void navigate(`/inspections/${inspection.id}`, { replace: true });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setStarting(false);
    }
  };

  const startButton = (
    <Button
      type="primary"
      size="large"
      block={isPhone}
      disabled={!checklistId || needsDepartments}
      loading={starting}
      onClick={() => void start()}
    >
      {t('placeUi.inspect.start')}
    </Button>
  );

  return (
    <Card title={place.data.name} className="inspection-start">
      <p className="muted">{place.data.address}</p>
      <h3>{t('placeUi.inspect.mode')}</h3>
      <Segmented<InspectionMode>
        block
        size="large"
        value={mode}
        onChange={setMode}
        options={inspectionModes.map((m) => ({ value: m, label: t(`places.modes.${m}`) }))}
      />
      {mode === 'joint' && (
        <>
          <h3>{t('placeUi.joint.departments')}</h3>
          <Select
            mode="multiple"
            size="large"
            style={{ width: '100%' }}
            loading={options.isPending}
            value={departmentIds}
            onChange={setDepartmentIds}
            placeholder={t('placeUi.joint.departmentsPlaceholder')}
            aria-label={t('placeUi.joint.departments')}
            optionFilterProp="label"
            notFoundContent={t('placeUi.joint.noDepartments')}
            options={departments.map((d) => ({ value: d.id, label: d.name }))}
            status={needsDepartments && checklistId ? 'warning' : undefined}
          />
          {needsDepartments && (
            <div className="muted small">{t('placeUi.joint.departmentsRequired')}</div>
          )}
        </>
      )}
      <h3>{t('placeUi.joint.team')}</h3>
      <Select
        mode="multiple"
        size="large"
        style={{ width: '100%' }}
        loading={options.isPending}
        value={teamIds}
        onChange={setTeamIds}
        placeholder={t('placeUi.joint.teamPlaceholder')}
        aria-label={t('placeUi.joint.team')}
        optionFilterProp="label"
        options={(options.data?.staff ?? []).map((s) => ({
          value: s.id,
          label: `${s.name} · ${s.unitName}`,
        }))}
      />
      <h3>{t('places.checklist')}</h3>
      <Radio.Group
        value={checklistId}
        onChange={(e) => setChecklistId(e.target.value as string)}
        className="inspection-checklists"
      >
        {active.map((c) => (
          <Radio key={c.id} value={c.id} className="inspection-checklist">
            <strong>{c.name}</strong>
            <div className="muted small">
              {t(`places.checklistTopics.${c.topic}`)} ·{' '}
              {t('placeUi.inspect.itemCount', { count: c.items.length })}
            </div>
          </Radio>
        ))}
      </Radio.Group>
      {isPhone ? <PhoneActionBar>{startButton}</PhoneActionBar> : <div>{startButton}</div>}
    </Card>
  );
}
