import { z } from 'zod';
import { archiveFilterSchema } from './archive.js';
import { query, returns } from './define.js';
import { languages, type LocalizedText } from './languages.js';
import type { Side, StepType } from './procedure.js';

/** A rate as the office reports it: both counts, never a bare percentage; a denominator of 0 has no rate. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

export interface StatisticsFigures {
  /** The office's local date the figures were computed on: deadlines still open are judged against it. */
  asOf: string;
  hearings: number;
  /** The hearing types among the hearings counted, in the templates' order. */
  templates: Array<{ id: string; name: LocalizedText }>;
  /** By the month of the planned start ('YYYY-MM'), oldest first; a month without hearings between two with some is listed with 0. */
  perMonth: Array<{ month: string; total: number; byTemplate: Array<{ templateId: string; hearings: number }> }>;
  perTemplate: Array<{ templateId: string; hearings: number }>;
  /**
   * The panel's decision on each request (诉求), per hearing type with its own
   * vocabulary (信访: 予以支持 / 作出解释说明 / 不予支持). A request counts once the
   * votes are revealed: decided by majority, by the chair after a tie, or, in
   * discussion mode (检察), by the decision taken on the 听证员代表's view;
   * otherwise it is undecided.
   */
  outcomes: Array<{
    templateId: string;
    requests: number;
    outcomes: Array<{ id: string; name: LocalizedText; requests: number }>;
    undecided: number;
  }>;
  /**
   * 满意率: levels of the scale that do not ask the petitioner why (满意, 基本满意)
   * over the ratings given; a petitioner who declined to rate is counted apart.
   */
  satisfaction: {
    satisfied: Ratio;
    levels: Array<{ id: string; name: LocalizedText; satisfied: boolean; count: number }>;
    declined: number;
  };
  /** 息诉罢访率: petitioners who accept the conclusion over those asked after the announcement. */
  acceptance: { accepted: Ratio; refused: number; undecided: number };
  /** Planned and actual time of the steps held (done), by the kind of step; skipped steps are counted apart. */
  steps: Array<{ type: StepType; name: LocalizedText; held: number; skipped: number; plannedMinutes: number; actualMs: number }>;
  /** Time on the speaker's clock, per side of the room. */
  speaking: Array<{ side: Side; name: LocalizedText; spokenMs: number; turns: number }>;
  /** Whole days from the hearing's close (or its start, if never closed) to the finalized record, per finalized hearing. */
  toFinal: { hearings: number; totalDays: number; minDays: number | null; maxDays: number | null };
  /**
   * 按期举行率: hearings that sat by the hold-by date the template sets from the
   * application date, over those that sat or whose hold-by date has passed.
   * Still open (not yet sat, date not passed) and without an application date are counted apart.
   */
  onTime: { onTime: Ratio; late: number; open: number; noDeadline: number };
}

export const statisticsKinds = ['ledger', 'statistics'] as const;
export type StatisticsKind = (typeof statisticsKinds)[number];

/** A spreadsheet made by the core, carried as base64 like a generated document. */
export interface GeneratedWorkbook {
  fileName: string;
  mediaType: string;
  base64: string;
  /** SHA-256 of the bytes: the same data gives the same file. */
  sha256: string;
}

const filterInput = { filter: archiveFilterSchema.prefault({}) };

export const statisticsMethods = {
  'statistics.compute': query(
    z.object(filterInput).strict(),
    returns<StatisticsFigures>(),
    'The office’s figures over the hearings the archive filter selects, every rate with its two counts.',
  ),
  'statistics.exportXlsx': query(
    z
      .object({
        ...filterInput,
        kind: z.enum(statisticsKinds, 'validation.invalidOption'),
        language: z.enum(languages, 'validation.invalidOption').default('zh-CN'),
      })
      .strict(),
    returns<GeneratedWorkbook>(),
    'The 台账 (one row per hearing) or the statistics as an .xlsx workbook, over the hearings the filter selects.',
  ),
} as const;
