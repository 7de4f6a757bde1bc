import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { locales, type Locale } from '../../../common/i18n/public';
import { changeLocale, currentLocale } from '../i18n';

export function LanguageSwitch({ block }: { block?: boolean }) {
  const { t } = useTranslation();
  return (
    <Segmented<Locale>
      block={block}
      value={currentLocale()}
      options={locales.map((locale) => ({ value: locale, label: t(`app.languages.${locale}`) }))}
      onChange={(locale) => void changeLocale(locale)}
      aria-label={t('app.language')}
    />
  );
}
