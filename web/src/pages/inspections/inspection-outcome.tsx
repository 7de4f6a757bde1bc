import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Input, Result } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Inspection, Notice } from '../../../../common/schemas/places';
import { apiDownload } from '../../api';
import { useMe } from '../../auth';
import { useInspectionWrites, useNotice } from './inspections-api';
import { ResultTag, resultIcons } from './inspection-results';

/** After submit: the result, the issue it raised, the notice and its PDF, sign-off and re-inspection. */
export function Outcome({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const writes = useInspectionWrites();
  const notice = useNotice(inspection.noticeId);
  const [busy, setBusy] = useState(false);
  const myUnits = new Set(me.roles.map((r) => r.orgUnitId));
  const canSign = inspection.departments.some((d) => !d.signedBy && myUnits.has(d.id));
  const failed = inspection.items.filter((i) => i.result === 'fail');

  const download = async () => {
    if (!inspection.noticeId) return;
    try {
      await apiDownload(`/notices/${inspection.noticeId}.pdf`, {}, 'notice.pdf');
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const signOff = async () => {
    setBusy(true);
    try {
      await writes.signOff(inspection);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="inspection-outcome">
      <Card className="inspection-section">
        <Result
          status={inspection.result === 'fail' ? 'warning' : 'success'}
          title={
            inspection.result
              ? t(`places.inspectionResults.${inspection.result}`)
              : t(`places.inspectionStatuses.${inspection.status}`)
          }
          subTitle={`${inspection.placeName} · ${inspection.checklistName}`}
          extra={[
            inspection.issueId && (
              <Link key="issue" to={`/issues/${inspection.issueId}`}>
                <Button size="large">{t('placeUi.inspect.viewIssue')}</Button>
              </Link>
            ),
            inspection.noticeId && (
              <Button
                key="pdf"
                size="large"
                icon={<FilePdfOutlined />}
                onClick={() => void download()}
              >
                {t('placeUi.inspect.noticePdf')}
              </Button>
            ),
            canSign && (
              <Button
                key="sign"
                type="primary"
                size="large"
                loading={busy}
                onClick={() => void signOff()}
              >
                {t('places.signOff')}
              </Button>
            ),
          ]}
        />
        {failed.length > 0 && (
          <ol className="inspection-summary-list">
            {failed.map((i) => (
              <li key={i.id}>
                {i.text} <ResultTag result={i.result} />
                {i.note && <div className="muted small">{i.note}</div>}
              </li>
            ))}
          </ol>
        )}
        {inspection.departments.length > 0 && (
          <div className="small">
            {t('places.departments')}:{' '}
            {inspection.departments
              .map((d) => `${d.name}${d.signedBy ? ` ✓ ${d.signedBy.name}` : ''}`)
              .join(t('people.listSeparator'))}
          </div>
        )}
      </Card>
      {notice.data && (
        <Card size="small" className="inspection-section">
          <div>
            {t('places.notice')} {notice.data.number} ·{' '}
            {t(`places.noticeStatuses.${notice.data.status}`)}
          </div>
          <div className="muted small">
            {t('places.rectificationDeadline')} {notice.data.deadline}
          </div>
        </Card>
      )}
      {notice.data && notice.data.status !== 'rectified' && <Reinspection notice={notice.data} />}
    </div>
  );
}

/** 复查: each item of the notice fixed or not; all fixed verifies the issue. */
function Reinspection({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useInspectionWrites();
  const [results, setResults] = useState<Record<string, 'pass' | 'fail'>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const complete = notice.items.every((i) => results[i.checklistItemId]);
  const send = async () => {
    setBusy(true);
    try {
      await writes.reinspect(notice, {
        results: notice.items.map((i) => ({
          checklistItemId: i.checklistItemId,
          result: results[i.checklistItemId],
        })),
        note: note.trim() || undefined,
      });
      void message.success(t('placeUi.inspect.reinspected'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('places.reinspection')} className="inspection-section">
      {notice.items.map((i) => (
        <div key={i.checklistItemId} className="inspection-reinspect-item">
          <div>{i.text}</div>
          <div className="inspection-reinspect-choices" role="radiogroup" aria-label={i.text}>
            {(['pass', 'fail'] as const).map((r) => (
              <Button
                key={r}
                role="radio"
                aria-checked={results[i.checklistItemId] === r}
                size="large"
                type={results[i.checklistItemId] === r ? 'primary' : 'default'}
                danger={r === 'fail'}
                icon={resultIcons[r]}
                className={`inspection-choice-${r}`}
                onClick={() => setResults((prev) => ({ ...prev, [i.checklistItemId]: r }))}
              >
                {t(`places.itemResults.${r}`)}
              </Button>
            ))}
          </div>
        </div>
      ))}
      <Input.TextArea
        rows={2}
        value={note}
        placeholder={t('placeUi.inspect.note')}
        aria-label={t('placeUi.inspect.note')}
        onChange={(e) => setNote(e.target.value)}
      />
      <Button
        type="primary"
        size="large"
        block
        disabled={!complete}
        loading={busy}
        onClick={() => void send()}
        className="inspection-reinspect-submit"
      >
        {t('placeUi.inspect.reinspectSubmit')}
      </Button>
    </Card>
  );
}
