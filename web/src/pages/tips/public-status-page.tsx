import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PublicTipStatus } from '../../../../common/schemas/tips';
import { normaliseTrackingCode, type TipPublicPhase } from '../../../../common/tips';
import { ApiError } from '../../api';
import { Field, Spinner } from '../../components/plain/field';
import { useDocumentTitle } from '../../components/plain/use-document-title';
import { formatTime } from '../../i18n';
import { PublicFrame } from './public-frame';
import { usePublicTip, useRatePublicTip } from './public-api';

/** Colour goes with the word, never alone (UX.md: blue in hand, green done, grey closed). */
const phaseTone: Record<TipPublicPhase, string> = {
  submitted: 'orange',
  received: 'blue',
  inProgress: 'blue',
  done: 'green',
  dismissed: 'grey',
};

function PhaseChip({ phase }: { phase: TipPublicPhase }) {
  const { t } = useTranslation();
  return <span className={`chip ${phaseTone[phase]}`}>{t(`tips.phases.${phase}`)}</span>;
}

/** /tip/status: the resident types the tracking code and sees the status, the replies, and rates. */
export function PublicStatusPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tips.public.statusTitle'));
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? undefined;
  const status = usePublicTip(code);
  const [typed, setTyped] = useState(code ?? '');

  const lookup = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const c = normaliseTrackingCode(typed);
    if (!c) return;
    setTyped(c);
    setParams({ code: c });
  };
  const notFound = status.error instanceof ApiError && status.error.status === 404;

  return (
    <PublicFrame>
      <h1 className="public-tip-title">{t('tips.public.statusTitle')}</h1>
      <form className="public-tip-lookup" role="search" onSubmit={lookup}>
        <input
          className="input public-tip-code-input"
          value={typed}
          placeholder="K7MX-3PQD-9R"
          aria-label={t('tips.public.codeInput')}
          onChange={(e) => setTyped(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="btn primary large">
          {t('tips.public.lookup')}
        </button>
      </form>
      {code && status.isPending && (
        <div className="public-tip-status skeleton" role="status" aria-label={t('common.loading')}>
          <span />
          <span />
          <span />
        </div>
      )}
      {status.isError && (
        <div className={notFound ? 'notice warning' : 'notice error'} role="alert">
          {notFound ? t('tips.public.notFound') : status.error.message}
        </div>
      )}
      {status.data && <StatusCard tip={status.data} />}
    </PublicFrame>
  );
}

function StatusCard({ tip }: { tip: PublicTipStatus }) {
  const { t } = useTranslation();
  return (
    <section className="public-tip-status" data-testid="tip-status" aria-label={tip.trackingCode}>
      <div className="public-tip-status-head">
        <span className="public-tip-code small">{tip.trackingCode}</span>
        <PhaseChip phase={tip.phase} />
      </div>
      <dl className="public-tip-facts">
        <dt>{t('tips.public.currentPhase')}</dt>
        <dd>{t(`tips.phases.${tip.phase}`)}</dd>
        <dt>{t('tips.public.submittedAt')}</dt>
        <dd>{formatTime(tip.submittedAt)}</dd>
        <dt>{t('tips.public.kind')}</dt>
        <dd>
          {t(`tips.topics.${tip.topic}`)} · {t(`tips.categories.${tip.category}`)}
        </dd>
      </dl>
      <h2 className="public-tip-subtitle">{t('tips.public.replies')}</h2>
      {tip.replies.length === 0 ? (
        <p className="muted">{t('tips.public.noReplies')}</p>
      ) : (
        <ol className="public-tip-replies">
          {tip.replies.map((r, i) => (
            <li key={i} className={phaseTone[r.phase]}>
              <div className="muted">
                {formatTime(r.at)} · {t(`tips.phases.${r.phase}`)}
              </div>
              <div>{r.text}</div>
            </li>
          ))}
        </ol>
      )}
      {tip.rating !== null ? (
        <div className="notice success" role="status">
          <div>{t('tips.public.rated')}</div>
          <strong>{t('tips.public.yourRating', { rating: tip.rating })}</strong>
          {tip.ratingComment && <div>{tip.ratingComment}</div>}
        </div>
      ) : (
        tip.canRate && <RateForm tip={tip} />
      )}
    </section>
  );
}

const ratings = [1, 2, 3, 4, 5] as const;

function RateForm({ tip }: { tip: PublicTipStatus }) {
  const { t } = useTranslation();
  const rate = useRatePublicTip(tip.trackingCode);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (rate.isPending) return;
    if (rating === null) return setError(t('tips.public.rateRequired'));
    setError(null);
    try {
      // The card turns into "your rating", which thanks the resident in words.
      await rate.mutateAsync({ rating, comment: comment.trim() || undefined });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form className="public-tip-rate" noValidate onSubmit={(e) => void submit(e)}>
      <fieldset className={error ? 'field has-error' : 'field'}>
        <legend className="public-tip-subtitle">{t('tips.public.rateTitle')}</legend>
        <div className="stars">
          {ratings.map((n) => (
            <label key={n} className={rating !== null && n <= rating ? 'star on' : 'star'}>
              <input
                type="radio"
                name="rating"
                value={n}
                checked={rating === n}
                onChange={() => {
                  setRating(n);
                  setError(null);
                }}
                aria-label={t('tips.public.ratingOption', { rating: n })}
              />
              <svg viewBox="0 0 24 24" aria-hidden>
                <path d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
              </svg>
            </label>
          ))}
        </div>
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
      </fieldset>
      <Field id="rate-comment" label={t('tips.public.rateComment')}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={500}
          />
        )}
      </Field>
      <button type="submit" className="btn primary block large" aria-busy={rate.isPending}>
        {rate.isPending && <Spinner />}
        {t('tips.public.rateSubmit')}
      </button>
    </form>
  );
}
