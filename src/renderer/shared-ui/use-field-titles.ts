/** What naming a field by its title needs, from the store and the UI language. */
import { useI18n } from '../i18n/context';
import { useAppStore } from '../store';
import type { FieldTitleContext } from './field-title';

const NO_FIELDS: never[] = [];

export function useFieldTitleContext(): FieldTitleContext {
  const { t, language } = useI18n();
  const userFields = useAppStore((state) => state.directory?.userFields ?? NO_FIELDS);
  return { userFields, language, t };
}
