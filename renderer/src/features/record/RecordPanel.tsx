import { Col, Flex, Row, Skeleton } from 'antd';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CompletenessCard, useCompleteness } from './CompletenessCard.js';
import { DocumentsCard } from './DocumentsCard.js';
import { FinalizeCard } from './FinalizeCard.js';
import { PackageCard } from './PackageCard.js';

/** The right-hand column: the checklist and 归档 until the record is sealed, the package and its addenda after. */
function ArchiveColumn({ hearingId }: { hearingId: string }) {
  const finalization = useQuery('record.finalization', { hearingId }, ['record.finalized']);
  const completeness = useCompleteness(hearingId);
  if (finalization.error) return <ErrorAlert error={finalization.error} onRetry={finalization.reload} />;
  if (finalization.loading) return <Skeleton active />;
  if (finalization.data) return <PackageCard finalization={finalization.data} />;
  return (
    <Flex vertical gap={16}>
      <CompletenessCard hearingId={hearingId} state={completeness} />
      <FinalizeCard hearingId={hearingId} complete={completeness.data?.complete === true} />
    </Flex>
  );
}

/** 文书与归档: the hearing's documents on the left, the way to its sealed record on the right. */
export function RecordPanel({ hearingId }: { hearingId: string }) {
  return (
    <Row gutter={[16, 16]} data-testid="record-panel">
      <Col xs={24} lg={10}>
        <DocumentsCard hearingId={hearingId} />
      </Col>
      <Col xs={24} lg={14}>
        <ArchiveColumn hearingId={hearingId} />
      </Col>
    </Row>
  );
}
