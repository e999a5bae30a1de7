import { useTranslation } from 'react-i18next';
import { defaultLanguage, type Language } from '../../../electron/core/contract/index.js';
import { isLanguage } from '../i18n/index.js';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : defaultLanguage;
}
