import type { Handlers } from '../router.js';
import type { HearingTemplate } from './schema.js';

export function templateHandlers(templates: readonly HearingTemplate[]): Pick<Handlers, 'template.list'> {
  return {
    'template.list': () => templates.map(({ id, name, legalBasis, isDefault }) => ({ id, name, legalBasis, isDefault })),
  };
}
