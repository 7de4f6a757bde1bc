import type { ReactNode } from 'react';
import { App, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../use-is-phone';

export const brandColor = '#1f5fbf';

/** antd follows the UI language, and on a phone grows text and touch targets for one-handed use. */
export function AntdRoot({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const isPhone = useIsPhone();
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
          colorTextPlaceholder: 'rgba(0, 0, 0, 0.45)',
        },
        components: isPhone ? { Card: { bodyPadding: 16, headerPadding: 16 } } : undefined,
      }}
    >
      <App>{children}</App>
    </ConfigProvider>
  );
}
