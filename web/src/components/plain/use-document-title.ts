import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Names the page in the browser tab and for screen readers: `居民诉求 · 邻里`. */
export function useDocumentTitle(page: string) {
  const { t } = useTranslation();
  const title = `${page} · ${t('app.name')}`;
  useEffect(() => {
    document.title = title;
  }, [title]);
}
