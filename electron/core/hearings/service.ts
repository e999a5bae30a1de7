import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { Clock } from '../clock.js';
import type { Hearing } from '../contract/index.js';
import type { Db } from '../db/index.js';
import { findHearing, insertHearing, listHearings } from '../db/hearings.js';
import { AppError } from '../errors.js';
import type { EventBus } from '../events.js';
import type { Handlers } from '../router.js';
import type { HearingTemplate } from '../templates/schema.js';

interface Deps {
  db: Db;
  clock: Clock;
  bus: EventBus;
  templates: readonly HearingTemplate[];
}

export function hearingHandlers({ db, clock, bus, templates }: Deps): Pick<Handlers, 'hearing.create' | 'hearing.list' | 'hearing.get'> {
  return {
    'hearing.create': (input, ctx) => {
      if (!templates.some((template) => template.id === input.templateId)) {
        throw new AppError('template/notFound', { templateId: input.templateId });
      }
      const now = clock.now().toISOString();
      const hearing: Hearing = {
        id: randomUUID(),
        ...input,
        nonPublicReason: input.isPublic ? '' : input.nonPublicReason,
        status: 'preparing',
        createdAt: now,
        updatedAt: now,
      };
      db.transaction(() => {
        insertHearing(db, hearing);
        recordAudit(db, clock, ctx, { action: 'hearing.create', hearingId: hearing.id, after: hearing });
      })();
      bus.emit('hearing.created', { hearingId: hearing.id });
      return hearing;
    },
    'hearing.list': () => listHearings(db),
    'hearing.get': ({ hearingId }) => {
      const hearing = findHearing(db, hearingId);
      if (!hearing) throw new AppError('hearing/notFound', { hearingId });
      return hearing;
    },
  };
}
