import { type TouchEvent, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Input, Progress } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type Inspection,
  type ItemResultInput,
  zItemResultInput,
  zRectificationInput,
} from '../../../../common/schemas/places';
import { shanghaiToday } from '../../../../common/time';
import { maxLengthOf } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { PhotoField } from '../issues/photo-field';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useInspectionWrites } from './inspections-api';
import { type Draft, ResultTag, resultIcons } from './inspection-results';

function toInput(itemId: string, d: Draft[string]): ItemResultInput | null {
  if (!d.result) return null;
  return {
    itemId,
    result: d.result,
    note: d.note?.trim() ? d.note.trim() : undefined,
    photoIds: d.photoIds?.length ? d.photoIds : undefined,
  };
}

/** Whether the item's rule asks for a photo with this answer (as the server checks at submit). */
function photoNeeded(item: Inspection['items'][number], d: Draft[string] | undefined): boolean {
  return (
    (item.photoRequired === 'always' && !!d?.result && d.result !== 'notApplicable') ||
    (item.photoRequired === 'onFail' && d?.result === 'fail')
  );
}

/** Needs a photo and has none yet: marked on the item as soon as it is answered so. */
const photoMissing = (item: Inspection['items'][number], d: Draft[string] | undefined): boolean =>
  photoNeeded(item, d) && !d?.photoIds?.length;

/** The checklist, one item per screen, then a summary; what was answered is saved as it goes. */
export function Walkthrough({ inspection }: { inspection: Inspection }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const writes = useInspectionWrites();
  const items = inspection.items;
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      items.map((i) => [
        i.id,
        { result: i.result ?? undefined, note: i.note ?? '', photoIds: i.photos.map((p) => p.id) },
      ]),
    ),
  );
  const firstOpen = items.findIndex((i) => !i.result);
  const [index, setIndex] = useState(firstOpen === -1 ? items.length : firstOpen);
  const swipeFrom = useRef<number | null>(null);
  const [deadline, setDeadline] = useState<Dayjs>(() => dayjs(shanghaiToday()).add(7, 'day'));
  const [requirement, setRequirement] = useState('');
  const [busy, setBusy] = useState(false);
  const answered = items.filter((i) => draft[i.id]?.result).length;
  const failed = items.filter((i) => draft[i.id]?.result === 'fail');

  const set = (itemId: string, change: Draft[string]) =>
    setDraft((prev) => ({ ...prev, [itemId]: { ...prev[itemId], ...change } }));

  // Saves run one after another, each with the version the one before left; what was saved last
  // for an item is not sent again.
  const latest = useRef(inspection);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const saved = useRef<Record<string, string>>(
    Object.fromEntries(
      items.flatMap((i) => {
        const input = i.result
          ? toInput(i.id, {
              result: i.result,
              note: i.note ?? '',
              photoIds: i.photos.map((p) => p.id),
            })
          : null;
        return input ? [[i.id, JSON.stringify(input)]] : [];
      }),
    ),
  );

  /** Keeps an item's answer now (if it has one); false when the save failed (the user is told). */
  const keep = (itemId: string, d: Draft[string] | undefined): Promise<boolean> => {
    const input = d && toInput(itemId, d);
    if (!input) return queue.current;
    const run = queue.current.then(async () => {
      const body = JSON.stringify(input);
      if (saved.current[itemId] === body) return true;
      try {
        latest.current = await writes.save(latest.current, [input]);
        saved.current[itemId] = body;
        return true;
      } catch (error) {
        void message.error(error instanceof Error ? error.message : String(error));
        return false;
      }
    });
    queue.current = run;
    return run;
  };

  /** Keeps the item on screen (its note too) and moves; a failed save keeps the user where they are. */
  const go = async (next: number) => {
    const item = items[index] as (typeof items)[number] | undefined;
    setBusy(true);
    const ok = await keep(item?.id ?? '', item && draft[item.id]);
    setBusy(false);
    if (ok) setIndex(next);
  };

  const submit = async () => {
    setBusy(true);
    try {
      await queue.current;
      const results = items.flatMap((i) => toInput(i.id, draft[i.id]) ?? []);
      await writes.submit(latest.current, {
        results,
        rectification: failed.length
          ? {
              deadline: deadline.format('YYYY-MM-DD'),
              requirement: requirement.trim() || undefined,
            }
          : undefined,
        issueNotice: true,
      });
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const progress = (
    <div className="inspection-progress">
      <Progress
        percent={Math.round((answered / items.length) * 100)}
        showInfo={false}
        aria-hidden
      />
      <span className="inspection-count">
        {t('placeUi.inspect.progress', {
          done: Math.min(index + 1, items.length),
          total: items.length,
        })}
      </span>
    </div>
  );

  if (index >= items.length) {
    const missing = items.length - answered;
    const submitButton = (
      <Button
        type="primary"
        size="large"
        block={isPhone}
        disabled={missing > 0}
        loading={busy}
        onClick={() => void submit()}
      >
        {t('placeUi.inspect.submit')}
      </Button>
    );
    return (
      <Card title={t('placeUi.inspect.summary')} className="inspection-summary">
        {missing > 0 && (
          <Alert
            type="warning"
            showIcon
            message={t('placeUi.inspect.missing', { count: missing })}
          />
        )}
        <ol className="inspection-summary-list">
          {items.map((item, i) => (
            <li key={item.id}>
              <button type="button" className="link-button" onClick={() => setIndex(i)}>
                {item.text}
              </button>{' '}
              <ResultTag result={draft[item.id]?.result} />
              {photoMissing(item, draft[item.id]) && (
                <div className="inspection-photo-needed small" role="alert">
                  {t('errors.PHOTO_REQUIRED', { item: item.text })}
                </div>
              )}
              {draft[item.id]?.note && <div className="muted small">{draft[item.id].note}</div>}
            </li>
          ))}
        </ol>
        {failed.length > 0 && (
          <div className="inspection-rectification">
            <h3>{t('placeUi.inspect.rectification', { count: failed.length })}</h3>
            <label className="inspection-field">
              <span>{t('places.rectificationDeadline')}</span>
              <DatePicker
                value={deadline}
                onChange={(d) => d && setDeadline(d)}
                allowClear={false}
                inputReadOnly
                size="large"
              />
            </label>
            <label className="inspection-field">
              <span>{t('placeUi.inspect.requirement')}</span>
              <Input.TextArea
                rows={2}
                value={requirement}
                onChange={(e) => setRequirement(e.target.value)}
                maxLength={maxLengthOf(zRectificationInput.shape.requirement)}
              />
            </label>
          </div>
        )}
        <div className="inspection-nav">
          <Button size="large" onClick={() => setIndex(items.length - 1)}>
            {t('placeUi.inspect.previous')}
          </Button>
          {!isPhone && submitButton}
        </div>
        {isPhone && <PhoneActionBar>{submitButton}</PhoneActionBar>}
      </Card>
    );
  }

  const item = items[index];
  const current = draft[item.id] ?? {};
  const missingPhoto = photoMissing(item, current);
  // A swipe turns the page as 上一项 / 下一项 do (and, like 下一项, not past an item without a result).
  const swipe = {
    onTouchStart: (e: TouchEvent) => {
      swipeFrom.current = e.touches[0]?.clientX ?? null;
    },
    onTouchEnd: (e: TouchEvent) => {
      const from = swipeFrom.current;
      swipeFrom.current = null;
      const dx = from === null ? 0 : (e.changedTouches[0]?.clientX ?? from) - from;
      if (busy || Math.abs(dx) < 60) return;
      if (dx < 0 && current.result) void go(index + 1);
      if (dx > 0 && index > 0) void go(index - 1);
    },
  };
  return (
    <Card className="inspection-item-card" {...swipe}>
      {progress}
      {item.category && <div className="muted">{item.category}</div>}
      <h2 className="inspection-item-text">{item.text}</h2>
      <div className="inspection-choices" role="radiogroup" aria-label={item.text}>
        {(['pass', 'fail', 'notApplicable'] as const).map((r) => (
          <Button
            key={r}
            role="radio"
            aria-checked={current.result === r}
            size="large"
            type={current.result === r ? 'primary' : 'default'}
            danger={r === 'fail'}
            icon={resultIcons[r]}
            className={`inspection-choice inspection-choice-${r}`}
            onClick={() => {
              set(item.id, { result: r });
              void keep(item.id, { ...current, result: r });
            }}
          >
            {t(`places.itemResults.${r}`)}
          </Button>
        ))}
      </div>
      <Input.TextArea
        rows={2}
        placeholder={t('placeUi.inspect.note')}
        aria-label={t('placeUi.inspect.note')}
        value={current.note}
        onChange={(e) => set(item.id, { note: e.target.value })}
        onBlur={() => void keep(item.id, current)}
        maxLength={maxLengthOf(zItemResultInput.shape.note)}
      />
      <div className={missingPhoto ? 'inspection-photo-needed' : undefined}>
        {missingPhoto ? (
          <div className="small inspection-photo-hint" role="alert">
            {t('errors.PHOTO_REQUIRED', { item: item.text })}
          </div>
        ) : (
          item.photoRequired !== 'never' && (
            <div className="small muted">{t(`places.photoRequired.${item.photoRequired}`)}</div>
          )
        )}
        <PhotoField
          max={10}
          value={current.photoIds}
          onChange={(photoIds) => {
            set(item.id, { photoIds });
            void keep(item.id, { ...current, photoIds });
          }}
        />
      </div>
      <div className="inspection-nav">
        <Button size="large" disabled={index === 0 || busy} onClick={() => void go(index - 1)}>
          {t('placeUi.inspect.previous')}
        </Button>
        <Button
          size="large"
          type="primary"
          loading={busy}
          disabled={!current.result}
          onClick={() => void go(index + 1)}
        >
          {index === items.length - 1 ? t('placeUi.inspect.toSummary') : t('placeUi.inspect.next')}
        </Button>
      </div>
    </Card>
  );
}
