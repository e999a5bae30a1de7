import type { OverallConclusion, RequestDecision } from '../contract/index.js';
import { formatDate } from '../contract/index.js';

export interface AnnouncedRequest {
  position: number;
  text: string;
  decision: RequestDecision;
}

export interface AnnouncementFacts {
  mode: 'vote' | 'discussion' | 'report';
  requests: readonly AnnouncedRequest[];
  outcomeName: (outcome: string) => string;
  conclusion: OverallConclusion;
  conclusionName: string;
  representative: { name: string; statement: string } | null;
  serveBy: string;
}

/** 诉求1“要求按市场价补偿”，予以支持 */
function requestClause(request: AnnouncedRequest, outcomeName: (outcome: string) => string): string {
  const subject = `诉求${request.position}“${request.text.replace(/[。；;，,\s]+$/, '')}”`;
  if (request.decision.by === 'none') return `${subject}，未形成多数意见`;
  return `${subject}，${outcomeName(request.decision.outcome)}`;
}

/**
 * What the chair reads out and the parties' record keeps (domain.md §6):
 * only the panel's conclusion, "经评议，听证员意见为……" — never the votes or
 * the dissent, which belong to the 评议笔录.
 */
export function announcementOnSpot(facts: AnnouncementFacts): string {
  const serve = `书面听证结论将于${formatDate(`${facts.serveBy}T00:00`, 'zh-CN')}前送达。`;
  if (facts.mode === 'discussion' && facts.representative) {
    return `经评议，由听证员${facts.representative.name}代表听证员发表意见：${facts.representative.statement.replace(/[。]$/, '')}。${serve}`;
  }
  if (facts.mode === 'report') return `听证人将分别出具书面听证报告。${serve}`;
  const clauses = facts.requests.map((request) => requestClause(request, facts.outcomeName)).join('；');
  const overall = facts.conclusion.kind === 'outcome' || facts.conclusion.kind === 'partial' ? `总体意见为${facts.conclusionName}。` : '';
  return `经评议，听证员意见为：${clauses}。${overall}${serve}`;
}

/** When the conclusion is not given in the room (另行告知). */
export function announcementLater(serveBy: string): string {
  return `主持人宣布：评议结论另行告知，将于${formatDate(`${serveBy}T00:00`, 'zh-CN')}前书面送达。`;
}
