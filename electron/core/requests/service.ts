import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/log.js';
import type { HearingRequest } from '../contract/index.js';
import { findDeliberation } from '../db/deliberation.js';
import type { Db } from '../db/index.js';
import { deleteRequest, findRequest, insertRequest, listRequests, setRequestPosition, updateRequestText } from '../db/requests.js';
import { AppError } from '../errors.js';
import type { Handlers } from '../router.js';
import { requireEditableHearing, requireHearing, type ServiceDeps } from '../services.js';

type RequestHandlers = Pick<Handlers, 'request.list' | 'request.add' | 'request.update' | 'request.move' | 'request.remove'>;

function requireRequest(db: Db, requestId: string): HearingRequest {
  const request = findRequest(db, requestId);
  if (!request) throw new AppError('request/notFound', { requestId });
  return request;
}

/** Writes positions 1…n in the given order, so numbering never has gaps (诉求一、二、三 in the record). */
function renumber(db: Db, ordered: readonly HearingRequest[]): void {
  ordered.forEach((request, index) => setRequestPosition(db, request.id, index + 1));
}

export function requestHandlers({ db, clock, bus }: ServiceDeps): RequestHandlers {
  function changed(hearingId: string): void {
    bus.emit('requests.changed', { hearingId });
  }

  /** Once the panel deliberates, its votes refer to the requests as they stood: they are fixed from then on. */
  function requireChangeableRequests(hearingId: string): void {
    requireEditableHearing(db, hearingId);
    if (findDeliberation(db, hearingId)) throw new AppError('request/frozen', {});
  }

  return {
    'request.list': ({ hearingId }) => {
      requireHearing(db, hearingId);
      return listRequests(db, hearingId);
    },
    'request.add': ({ hearingId, text }, ctx) => {
      requireChangeableRequests(hearingId);
      const request: HearingRequest = { id: randomUUID(), hearingId, position: listRequests(db, hearingId).length + 1, text };
      db.transaction(() => {
        insertRequest(db, request, clock.now().toISOString());
        recordAudit(db, clock, ctx, { action: 'request.add', hearingId, after: request });
      })();
      changed(hearingId);
      return request;
    },
    'request.update': ({ requestId, text }, ctx) => {
      const before = requireRequest(db, requestId);
      requireChangeableRequests(before.hearingId);
      const after = { ...before, text };
      db.transaction(() => {
        updateRequestText(db, requestId, text, clock.now().toISOString());
        recordAudit(db, clock, ctx, { action: 'request.update', hearingId: before.hearingId, before, after });
      })();
      changed(before.hearingId);
      return after;
    },
    'request.move': ({ requestId, position }, ctx) => {
      const moving = requireRequest(db, requestId);
      requireChangeableRequests(moving.hearingId);
      const others = listRequests(db, moving.hearingId).filter((request) => request.id !== requestId);
      const target = Math.min(position, others.length + 1);
      const ordered = [...others.slice(0, target - 1), moving, ...others.slice(target - 1)];
      db.transaction(() => {
        renumber(db, ordered);
        recordAudit(db, clock, ctx, { action: 'request.move', hearingId: moving.hearingId, after: ordered.map((request) => request.id) });
      })();
      changed(moving.hearingId);
      return listRequests(db, moving.hearingId);
    },
    'request.remove': ({ requestId }, ctx) => {
      const request = requireRequest(db, requestId);
      requireChangeableRequests(request.hearingId);
      db.transaction(() => {
        deleteRequest(db, requestId);
        renumber(db, listRequests(db, request.hearingId));
        recordAudit(db, clock, ctx, { action: 'request.remove', hearingId: request.hearingId, before: request });
      })();
      changed(request.hearingId);
      return { removed: true as const };
    },
  };
}
