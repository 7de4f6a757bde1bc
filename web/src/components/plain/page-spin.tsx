import { useTranslation } from 'react-i18next';

/** Shown while a page's code loads: plain CSS, so it costs nothing before antd is there. */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div className="full-page-center" role="status" aria-label={t('common.loading')}>
      <span className="spinner large" aria-hidden />
    </div>
  );
}
