import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PlainLanguageSwitch } from '../../components/plain/language-switch';
import '../../styles/public.css';

/**
 * The public pages' own frame: no menu, no log-in, large friendly text on any phone. Plain HTML and
 * a little CSS: a resident opening the page from a poster on a weak signal waits for no UI library.
 */
export function PublicFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="public-tip">
      <header className="public-tip-header">
        <Link to="/tip" className="public-tip-brand">
          {t('app.name')} · {t('tips.public.title')}
        </Link>
        <PlainLanguageSwitch />
      </header>
      <main className="public-tip-main">{children}</main>
      <footer className="public-tip-footer">
        <Link to="/tip">{t('tips.public.toForm')}</Link>
        <span aria-hidden>·</span>
        <Link to="/tip/status">{t('tips.public.toStatus')}</Link>
      </footer>
    </div>
  );
}

/** Copies with the clipboard API where the page may use it, else the old way. */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
