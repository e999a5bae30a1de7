import { DesktopOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Segmented, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceSides } from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useParticipants } from '../participants/useParticipants.js';
import { useDisplay } from '../procedure/useProcedure.js';
import { EvidenceCatalogue } from './EvidenceCatalogue.js';
import { EvidenceLimitButton, NumberingSwitch } from './EvidenceSettings.js';
import { ExaminationDialog } from './ExaminationDialog.js';
import { ExhibitDetail, usePresent } from './ExhibitDetail.js';
import { ExhibitForm } from './ExhibitForm.js';
import { ExhibitTable } from './ExhibitTable.js';
import { FindingDialog } from './FindingDialog.js';
import { opposingSides, sideOfRole, useExhibits, useNumbering, useSettings, useSideNames } from './useEvidence.js';

type View = 'register' | 'catalogue';

/** Which dialog is open, by exhibit id, so each shows the exhibit as it is now after any window changed it. */
type Dialog = { kind: 'add' } | { kind: 'edit' | 'examine' | 'find'; exhibitId: string } | undefined;

/**
 * 证据: the register of exhibits by side, their files, the 质证 opinions and
 * findings, the public display, and each party's 证据目录 for printing; with
 * the hearing's numbering style and the office's file size limit at hand.
 */
export function EvidencePanel({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('evidence');
  const language = useLanguage();
  const { data: exhibits, error, reload } = useExhibits(hearingId);
  const { data: roster } = useParticipants(hearingId);
  const { data: hearing } = useQuery('hearing.get', { hearingId }, ['hearing.updated']);
  const { data: display } = useDisplay(hearingId);
  const { data: numbering } = useNumbering(hearingId);
  const { data: settings } = useSettings();
  const { sideName } = useSideNames(hearingId);
  const { stop } = usePresent(hearingId);
  const [view, setView] = useState<View>('register');
  const [detailId, setDetailId] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!exhibits) return <Skeleton active />;

  const participants = roster?.participants ?? [];
  const byId = (id: string) => exhibits.find((exhibit) => exhibit.id === id);
  const detail = detailId ? byId(detailId) : undefined;
  const target = dialog && dialog.kind !== 'add' ? byId(dialog.exhibitId) : undefined;
  const shown = display?.exhibit;
  const sidesPresent = new Set(participants.map((person) => sideOfRole[person.role]));
  const sides = evidenceSides.filter((side) => sidesPresent.has(side) || exhibits.some((exhibit) => exhibit.side === side));
  const examined = exhibits.filter((exhibit) => {
    const due = opposingSides(exhibit, participants);
    return due.length > 0 && due.every((side) => exhibit.examinations.some((examination) => examination.examinerSide === side));
  }).length;
  const found = exhibits.filter((exhibit) => exhibit.finding).length;
  const closeDialog = () => setDialog(undefined);
  const grouped = numbering?.style === 'grouped';
  const frozen = numbering?.frozen ?? false;

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={16} wrap>
          <Segmented<View>
            aria-label={t('view.label')}
            value={view}
            onChange={setView}
            options={[
              { value: 'register', label: t('view.register', { count: exhibits.length }) },
              { value: 'catalogue', label: t('view.catalogue') },
            ]}
          />
          {exhibits.length > 0 && (
            <Typography.Text type="secondary" data-testid="evidence-summary">
              {t('register.summary', { count: exhibits.length, examined, found })}
            </Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={12} wrap>
          {numbering && <NumberingSwitch hearingId={hearingId} numbering={numbering} />}
          {settings && <EvidenceLimitButton megabytes={settings.evidenceMaxMegabytes} />}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('actions.add')}
          </Button>
        </Flex>
      </Flex>
      {shown && (
        <Alert
          type="info"
          showIcon
          icon={<DesktopOutlined />}
          title={t('present.banner', { label: shown.label[language], name: shown.name })}
          action={
            <Button size="small" danger icon={<StopOutlined />} onClick={() => void stop()}>
              {t('present.stop')}
            </Button>
          }
        />
      )}
      {view === 'catalogue' ? (
        hearing && settings && <EvidenceCatalogue hearing={hearing} exhibits={exhibits} sideName={sideName} columns={settings.catalogueColumns} />
      ) : sides.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('register.noParties')} />
      ) : (
        sides.map((side) => (
          <ExhibitTable
            key={side}
            side={side}
            sideName={sideName(side)}
            exhibits={exhibits.filter((exhibit) => exhibit.side === side)}
            grouped={grouped}
            participants={participants}
            shown={shown}
            onOpen={(exhibit) => setDetailId(exhibit.id)}
            onExamine={(exhibit) => setDialog({ kind: 'examine', exhibitId: exhibit.id })}
          />
        ))
      )}
      {detail && (
        <ExhibitDetail
          hearingId={hearingId}
          exhibit={detail}
          participants={participants}
          shown={shown}
          onEdit={() => setDialog({ kind: 'edit', exhibitId: detail.id })}
          onExamine={() => setDialog({ kind: 'examine', exhibitId: detail.id })}
          onFind={() => setDialog({ kind: 'find', exhibitId: detail.id })}
          onClose={() => setDetailId(undefined)}
        />
      )}
      {dialog?.kind === 'add' && (
        <ExhibitForm hearingId={hearingId} exhibit={undefined} participants={participants} grouped={grouped} frozen={frozen} onClose={closeDialog} />
      )}
      {target && dialog?.kind === 'edit' && (
        <ExhibitForm hearingId={hearingId} exhibit={target} participants={participants} grouped={grouped} frozen={frozen} onClose={closeDialog} />
      )}
      {target && dialog?.kind === 'examine' && <ExaminationDialog hearingId={hearingId} exhibit={target} participants={participants} onClose={closeDialog} />}
      {target && dialog?.kind === 'find' && <FindingDialog exhibit={target} onClose={closeDialog} />}
    </Flex>
  );
}
