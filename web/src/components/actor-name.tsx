import { useTranslation } from 'react-i18next';
import type { StaffActor } from '../../../common/schemas/auth';

/**
 * Who did something, as a colleague knows them: 赵晓雯 · 社工, not the account social.zhenhua. The
 * account stays the fallback for entries whose person is gone (or never was: a failed log-in).
 */
export function useActorText(): (actor: StaffActor | null, account?: string | null) => string {
  const { t } = useTranslation();
  return (actor, account) =>
    actor
      ? actor.role
        ? `${actor.name} · ${t(`roles.${actor.role}`)}`
        : actor.name
      : (account ?? '—');
}
