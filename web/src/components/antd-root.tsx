import { useEffect, type ReactNode } from 'react';
import { App, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../use-is-phone';

export const brandColor = '#1f5fbf';
/** darker, not lighter, on hover: a lighter blue would fall below 4.5:1 on white */
const brandHover = '#1a4fa0';

/**
 * The names antd's parts give screen readers in English whatever the locale (InputNumber's
 * "Increase Value" / "Decrease Value", Select's "Clear"; neither the locale nor a prop reaches
 * them): said in the UI's language instead, wherever they appear.
 */
function useLocalAriaLabels() {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const words: Record<string, string> = {
      'Increase Value': t('common.increaseValue'),
      'Decrease Value': t('common.decreaseValue'),
      Clear: t('common.clear'),
    };
    const selector = Object.keys(words)
      .map((w) => `[aria-label="${w}"]`)
      .join(',');
    const relabel = (root: ParentNode) =>
      root.querySelectorAll(selector).forEach((el) => {
        const word = words[el.getAttribute('aria-label') ?? ''];
        if (word && word !== el.getAttribute('aria-label')) el.setAttribute('aria-label', word);
      });
    relabel(document);
    const observer = new MutationObserver((changes) => {
      for (const change of changes) {
        if (change.type === 'attributes') relabel(change.target.parentNode ?? document);
        else change.addedNodes.forEach((n) => n instanceof Element && relabel(n.parentNode ?? n));
      }
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label'],
    });
    return () => observer.disconnect();
  }, [t, i18n.language]);
}

/** antd follows the UI language, and on a phone grows text and touch targets for one-handed use. */
export function AntdRoot({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isPhone = useIsPhone();
  useLocalAriaLabels();
  return (
    <ConfigProvider
      locale={i18n.language === 'en-US' ? enUS : zhCN}
      theme={{
        algorithm: theme.defaultAlgorithm,
        token: {
          colorPrimary: brandColor,
          // UX floor: 14 px on the desk, 16 px on the phone; small print (tags, captions) stays at 14.
          fontSize: isPhone ? 16 : 14,
          fontSizeSM: 14,
          controlHeight: isPhone ? 44 : 32,
          controlHeightLG: isPhone ? 48 : 40,
          borderRadius: 6,
          colorBgLayout: '#f3f4f6',
          // antd's default grey labels fall short of WCAG AA on white; darken them a step.
          colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
          // a select's placeholder is the only name some filters show: readable, 4.7:1
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
          // Links, hover and focus states, status tags and danger buttons in colours that keep
          // 4.5:1 on white and on their tag backgrounds (antd's #1677ff is 4.1:1, #ff4d4f 3.3:1).
          colorInfo: brandColor,
          colorLink: brandColor,
          colorPrimaryHover: brandHover,
          colorLinkHover: brandHover,
          colorSuccess: '#237804',
          colorError: '#cf1322',
          // Preset tags write their text in shade 7 of their colour; where that misses 4.5:1 on the
          // tag's own light background (green 在住 3.4:1, orange 今天到期 3.3:1, gold 2.8:1) take a
          // darker shade of the same colour (antd's own shade 8 or 9). Both spellings: antd keeps
          // `green7` and the legacy `green-7`, and the latter writes the CSS variable tags read.
          green7: '#237804',
          'green-7': '#237804',
          cyan7: '#006d75',
          'cyan-7': '#006d75',
          orange7: '#ad4e00',
          'orange-7': '#ad4e00',
          volcano7: '#ad2102',
          'volcano-7': '#ad2102',
          gold7: '#874d00',
          'gold-7': '#874d00',
          yellow7: '#876800',
          'yellow-7': '#876800',
          lime7: '#3f6600',
          'lime-7': '#3f6600',
        },
        components: isPhone ? { Card: { bodyPadding: 16, headerPadding: 16 } } : undefined,
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
