import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translate, type Language, type MessageKey } from './index';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const I18nContext = createContext<{ language: Language; t: Translate } | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: ((key, values) => translate(language, key, values)) as Translate }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
