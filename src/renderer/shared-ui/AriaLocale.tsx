/** Hands React Aria the UI language's locale, so its fields and screen-reader texts follow the UI, not the OS. */
import type { ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { localeOf } from '../i18n';
import { useI18n } from '../i18n/context';

export function AriaLocale({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return <I18nProvider locale={localeOf(language)}>{children}</I18nProvider>;
}
