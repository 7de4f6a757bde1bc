import { useTranslation } from 'react-i18next';
import { locales } from '../../../../common/i18n/public';
import { changeLocale, currentLocale } from '../../i18n';

/** The 中文 / English switch of the public pages and the log-in, as two plain toggle buttons. */
export function PlainLanguageSwitch() {
  const { t } = useTranslation();
  const current = currentLocale();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {locales.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          onClick={() => void changeLocale(locale)}
        >
          {t(`app.languages.${locale}`)}
        </button>
      ))}
    </div>
  );
}
