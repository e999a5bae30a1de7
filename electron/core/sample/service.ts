import type { Hearing } from '../contract/index.js';
import type { Clock } from '../clock.js';
import type { CallContext, Handlers, Router } from '../router.js';
import { buildSample, callThrough } from './build.js';
import { scriptClock } from './clock.js';
import { loadSample } from './load.js';

type SampleHandlers = Pick<Handlers, 'sample.create'>;

export interface SampleOptions {
  samplesDir: string;
  /** The core's handlers over the same database, stamped by another clock: the sample is held at its own date. */
  routerFor(clock: Clock): Router;
  /** The clock of the running core, for looking up what is already there. */
  clock: Clock;
}

export function sampleHandlers(options: SampleOptions): SampleHandlers {
  // A second click while the first build runs must not start another sample.
  let building: Promise<Hearing> | undefined;

  async function create(ctx: CallContext): Promise<Hearing> {
    const sample = loadSample(options.samplesDir);
    const call = callThrough(options.routerFor(options.clock), ctx);
    const existing = (await call('hearing.list', {})).find((hearing) => hearing.matterNo === sample.hearing.matterNo);
    if (existing) return existing;
    const clock = scriptClock(new Date(sample.preparedAt));
    return buildSample(sample, callThrough(options.routerFor(clock), ctx), clock);
  }

  return {
    'sample.create': (_input, ctx) => {
      building ??= create(ctx).finally(() => {
        building = undefined;
      });
      return building;
    },
  };
}
