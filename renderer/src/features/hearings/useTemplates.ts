import type { TemplateSummary } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../components/useLanguage.js';

export function useTemplates(): { templates: TemplateSummary[]; nameOf: (templateId: string) => string } {
  const language = useLanguage();
  const { data } = useQuery('template.list', {});
  const templates = data ?? [];
  return {
    templates,
    nameOf: (templateId) => templates.find((template) => template.id === templateId)?.name[language] ?? templateId,
  };
}
