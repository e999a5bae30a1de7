import { ClearOutlined, FileSearchOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Input, Select, type InputRef } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import {
  archiveOutcomeStates,
  hearingStages,
  hearingStatuses,
  type ArchiveFilter,
  type HearingStage,
  type HearingStatus,
} from '../../../../electron/core/contract/index.js';
import { useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useTemplates } from '../hearings/useTemplates.js';
import { emptyFilter, isFiltered, openMinuteSearch } from './archiveState.js';

interface Props {
  filter: ArchiveFilter;
  onChange(filter: ArchiveFilter): void;
}

const organizerDelayMs = 300;

/** Typing `/` anywhere outside a field jumps to the minutes search, as in most lists with a search box. */
function useSlashFocus(target: RefObject<InputRef | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inField = event.target instanceof HTMLElement && (event.target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName));
      if (event.key !== '/' || inField || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      target.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [target]);
}

/**
 * The archive's filter bar: the full-text search of the minutes (Enter opens
 * the results, each leading to its entry), then the fields that narrow the
 * list, every one a labelled control reachable with Tab.
 */
export function ArchiveFilterBar({ filter, onChange }: Props) {
  const { t } = useTranslation('hearing');
  const language = useLanguage();
  const { templates } = useTemplates();
  const outcomes = useQuery('hearing.outcomes', {});
  const [phrase, setPhrase] = useState('');
  const [organizer, setOrganizer] = useState(filter.organizer);
  const search = useRef<InputRef>(null);
  useSlashFocus(search);

  const change = (fields: Partial<ArchiveFilter>) => onChange({ ...filter, ...fields });

  // The organizer is typed a character at a time: the list follows once the typing pauses.
  const latest = useRef({ filter, onChange });
  latest.current = { filter, onChange };
  useEffect(() => {
    if (organizer.trim() === latest.current.filter.organizer) return;
    const timer = window.setTimeout(() => latest.current.onChange({ ...latest.current.filter, organizer: organizer.trim() }), organizerDelayMs);
    return () => window.clearTimeout(timer);
  }, [organizer]);
  useEffect(() => setOrganizer((typed) => (typed.trim() === filter.organizer ? typed : filter.organizer)), [filter.organizer]);

  const range: [Dayjs | null, Dayjs | null] | null =
    filter.from || filter.to ? [filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null] : null;
  // Sized so the whole bar fits one row of the 1280-pixel page and wraps, field by field, on a narrower window.
  const width = (basis: number) => ({ flex: `1 1 ${basis}px`, minWidth: Math.round(basis * 0.75) });

  return (
    <Flex vertical gap={12} style={{ marginBottom: 16 }}>
      <Input.Search
        ref={search}
        allowClear
        aria-label={t('archive.searchLabel')}
        placeholder={t('archive.searchPlaceholder')}
        prefix={<FileSearchOutlined style={{ color: '#8a95a3' }} />}
        enterButton={t('archive.searchButton')}
        value={phrase}
        maxLength={100}
        onChange={(event) => setPhrase(event.target.value)}
        onSearch={(value, _event, info) => {
          if (info?.source !== 'clear' && value.trim()) openMinuteSearch(value.trim());
        }}
      />
      <Flex gap={8} wrap align="center" role="group" aria-label={t('archive.filters')}>
        <Select<HearingStatus[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('archive.status')}
          placeholder={t('archive.status')}
          value={filter.statuses}
          onChange={(statuses) => change({ statuses })}
          options={hearingStatuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          style={width(130)}
        />
        <Select<string[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('archive.template')}
          placeholder={t('archive.template')}
          value={filter.templateIds}
          onChange={(templateIds) => change({ templateIds })}
          options={templates.map((template) => ({ value: template.id, label: template.name[language] }))}
          style={width(160)}
        />
        <Select<HearingStage[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('archive.stage')}
          placeholder={t('archive.stage')}
          value={filter.stages}
          onChange={(stages) => change({ stages })}
          options={hearingStages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))}
          style={width(120)}
        />
        <Select<string[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          aria-label={t('archive.outcome')}
          placeholder={t('archive.outcome')}
          value={filter.outcomes}
          onChange={(chosen) => change({ outcomes: chosen })}
          loading={outcomes.loading}
          options={[
            ...(outcomes.data ?? []).map((outcome) => ({ value: outcome.id, label: outcome.name[language] })),
            ...archiveOutcomeStates.map((state) => ({ value: state, label: t(`archive.outcomes.${state}`) })),
          ]}
          style={width(160)}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          format="YYYY-MM-DD"
          aria-label={t('archive.dates')}
          placeholder={[t('archive.from'), t('archive.to')]}
          value={range}
          onChange={(dates) => change({ from: dates?.[0]?.format('YYYY-MM-DD') ?? null, to: dates?.[1]?.format('YYYY-MM-DD') ?? null })}
          style={{ flex: '0 1 240px', minWidth: 230 }}
        />
        <Input
          allowClear
          aria-label={t('archive.organizer')}
          placeholder={t('archive.organizer')}
          value={organizer}
          maxLength={200}
          onChange={(event) => setOrganizer(event.target.value)}
          style={width(140)}
        />
        <Checkbox checked={filter.overdueOnly} onChange={(event) => change({ overdueOnly: event.target.checked })}>
          {t('archive.overdueOnly')}
        </Checkbox>
        <Button icon={<ClearOutlined />} disabled={!isFiltered(filter)} onClick={() => onChange(emptyFilter)}>
          {t('archive.clear')}
        </Button>
      </Flex>
    </Flex>
  );
}
