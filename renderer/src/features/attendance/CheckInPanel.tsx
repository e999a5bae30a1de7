import { CheckCircleFilled, ClockCircleOutlined, CloseCircleOutlined, IdcardOutlined, LoginOutlined, LogoutOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Modal, Statistic, Table, Tag, Tooltip, Typography, theme, type InputRef } from 'antd';
import dayjs from 'dayjs';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceSummary, Participant, ParticipantList, RoleKind } from '../../../../electron/core/contract/index.js';
import { api } from '../../api/client.js';
import { useQuery } from '../../api/useQuery.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText, validationIssues } from '../../components/useErrorText.js';
import { useParticipants } from '../participants/useParticipants.js';
import { useRoles } from '../participants/useRoles.js';

type RowAction = 'checkIn' | 'late' | 'absent' | 'left' | 'verify' | 'reset';
type Move = 'up' | 'down' | 'first' | 'last';
type RowStatus = 'pending' | 'present' | 'late' | 'absent' | 'left';

const checkerStorageKey = 'hearing-desk.identityChecker';
const rowActions: readonly RowAction[] = ['checkIn', 'late', 'absent', 'left', 'verify', 'reset'];

/** Key caps as printed on the keyboard: the same in every language, so they are not translated. */
const keyCaps: Record<RowAction | 'move', readonly string[]> = {
  move: ['↑', '↓', 'J', 'K'],
  checkIn: ['Enter', 'P'],
  late: ['L'],
  absent: ['A'],
  left: ['E'],
  verify: ['I'],
  reset: ['U'],
};

const actionIcons: Record<RowAction, ReactNode> = {
  checkIn: <LoginOutlined />,
  late: <ClockCircleOutlined />,
  absent: <CloseCircleOutlined />,
  left: <LogoutOutlined />,
  verify: <IdcardOutlined />,
  reset: <UndoOutlined />,
};

const statusColors: Record<RowStatus, string> = { pending: 'default', present: 'green', late: 'orange', absent: 'red', left: 'purple' };

function commandFor(event: KeyboardEvent): RowAction | Move | undefined {
  switch (event.key) {
    case 'ArrowDown':
      return 'down';
    case 'ArrowUp':
      return 'up';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'Enter':
      return 'checkIn';
  }
  switch (event.key.toLowerCase()) {
    case 'j':
      return 'down';
    case 'k':
      return 'up';
    case 'p':
      return 'checkIn';
    case 'l':
      return 'late';
    case 'a':
      return 'absent';
    case 'e':
      return 'left';
    case 'i':
      return 'verify';
    case 'u':
      return 'reset';
  }
  return undefined;
}

function rowStatus(participant: Participant): RowStatus {
  const { status, leftAt } = participant.attendance;
  return (status === 'present' || status === 'late') && leftAt !== null ? 'left' : status;
}

const isArrived = (participant: Participant) => participant.attendance.status === 'present' || participant.attendance.status === 'late';

/** Whether an action makes sense for the person as they stand; the row buttons and the shortcuts agree on it. */
function isAvailable(action: RowAction, participant: Participant): boolean {
  const { status, leftAt, identityCheckedBy } = participant.attendance;
  switch (action) {
    case 'checkIn':
    case 'late':
      return !isArrived(participant) || leftAt !== null;
    case 'absent':
      return true;
    case 'left':
      return isArrived(participant) && leftAt === null;
    case 'verify':
      return status !== 'absent' && identityCheckedBy === '';
    case 'reset':
      return status !== 'pending' || identityCheckedBy !== '';
  }
}

const hhmm = (iso: string | null) => (iso ? dayjs(iso).format('HH:mm') : '');
const rowId = (participantId: string) => `check-in-row-${participantId}`;

function isTypingTarget(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)) return true;
  return element.closest('.ant-modal, [role="dialog"], [role="combobox"], [role="listbox"]') !== null;
}

/**
 * The list is an ARIA grid: the <table> itself holds the focus and points at
 * the current row with aria-activedescendant. antd lets us replace the table
 * element; the props reach it through context so that the component's
 * identity stays the same and the table is never remounted (focus survives).
 */
interface GridProps {
  ref: (element: HTMLTableElement | null) => void;
  label: string;
  activeDescendant: string | undefined;
}
const GridContext = createContext<GridProps | null>(null);

function GridTable(props: ComponentProps<'table'>) {
  const grid = useContext(GridContext);
  if (!grid) return <table {...props} />;
  return (
    <table
      {...props}
      ref={grid.ref}
      role="grid"
      tabIndex={0}
      aria-label={grid.label}
      aria-activedescendant={grid.activeDescendant}
      style={{ ...props.style, outline: 'none' }}
    />
  );
}
const tableComponents = { table: GridTable };

function KeyCaps({ caps }: { caps: readonly string[] }) {
  return (
    <span>
      {caps.map((cap) => (
        <Typography.Text key={cap} keyboard>
          {cap}
        </Typography.Text>
      ))}
    </span>
  );
}

function useNameWithRole(hearingId: string) {
  const { t } = useTranslation('attendance');
  const { roleName } = useRoles(hearingId);
  return { roleName, nameWithRole: (participant: Participant) => t('nameWithRole', { name: participant.name, role: roleName(participant.role) }) };
}

function AttendanceOverview({ hearingId, summary, people }: { hearingId: string; summary: AttendanceSummary; people: Participant[] }) {
  const { t } = useTranslation('attendance');
  const { token } = theme.useToken();
  const { roleName, nameWithRole } = useNameWithRole(hearingId);
  const byId = new Map(people.map((participant) => [participant.id, participant]));
  const names = (ids: string[]) =>
    ids
      .map((id) => byId.get(id))
      .filter((participant): participant is Participant => participant !== undefined)
      .map(nameWithRole)
      .join(t('separator'));
  const total = (field: 'expected' | 'present' | 'late' | 'absent' | 'left' | 'pending') => summary.byRole.reduce((sum, row) => sum + row[field], 0);
  const arrived = total('present') + total('late');
  const totals = [
    { key: 'expected', value: total('expected') },
    { key: 'arrived', value: arrived, color: token.colorSuccess },
    { key: 'late', value: total('late'), color: total('late') > 0 ? token.colorWarning : undefined },
    { key: 'absent', value: total('absent'), color: total('absent') > 0 ? token.colorError : undefined },
    { key: 'left', value: total('left') },
    { key: 'pending', value: total('pending') },
  ];

  if (summary.byRole.length === 0) return <Typography.Text type="secondary">{t('summary.empty')}</Typography.Text>;

  return (
    <Flex vertical gap={16}>
      <Flex gap={40} wrap>
        {totals.map(({ key, value, color }) => (
          <Statistic key={key} title={t(`summary.${key}`)} value={value} styles={{ content: color ? { color } : undefined }} />
        ))}
      </Flex>
      <Flex component="ul" aria-label={t('summary.byRole')} gap={12} wrap style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {summary.byRole.map((row) => {
          const rowArrived = row.present + row.late;
          const accent = row.absent > 0 ? token.colorError : row.pending > 0 ? token.colorWarning : token.colorSuccess;
          const details = (['late', 'absent', 'left', 'pending'] as const)
            .filter((field) => row[field] > 0)
            .map((field) => t('summary.detail', { label: t(`summary.${field}`), count: row[field] }));
          return (
            <li
              key={row.role}
              style={{
                minWidth: 132,
                padding: '8px 14px',
                border: `1px solid ${token.colorBorderSecondary}`,
                borderLeft: `3px solid ${accent}`,
                borderRadius: token.borderRadius,
                background: token.colorBgContainer,
              }}
            >
              <Flex vertical gap={2}>
                <Typography.Text type="secondary">{roleName(row.role as RoleKind)}</Typography.Text>
                <span aria-label={t('summary.ratioLabel', { arrived: rowArrived, expected: row.expected })}>
                  <Typography.Text strong style={{ fontSize: 20 }}>
                    {t('summary.ratio', { arrived: rowArrived, expected: row.expected })}
                  </Typography.Text>
                </span>
                <Typography.Text type={details.length > 0 ? undefined : 'success'} style={{ fontSize: 12 }}>
                  {details.length > 0 ? details.join(' · ') : t('summary.allArrived')}
                </Typography.Text>
              </Flex>
            </li>
          );
        })}
      </Flex>
      {summary.absentWithoutReason.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('summary.absentWithoutReason')}
          description={
            <Flex vertical gap={2}>
              <Typography.Text strong>{names(summary.absentWithoutReason)}</Typography.Text>
              <Typography.Text>{t('summary.absentWithoutReasonHint')}</Typography.Text>
            </Flex>
          }
        />
      )}
      {summary.identityUnchecked.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={t('summary.identityUnchecked', { count: summary.identityUnchecked.length })}
          description={names(summary.identityUnchecked)}
        />
      ) : (
        arrived > 0 && <Typography.Text type="success">{t('summary.identityAllChecked')}</Typography.Text>
      )}
    </Flex>
  );
}

interface AbsenceValues {
  reason: string;
  excused: boolean;
}

/** The small absence form: reason and excuse; Enter submits, Escape cancels. */
function AbsenceDialog({ participant, partyName, onClose }: { participant: Participant | null; partyName: string; onClose: (updated?: Participant) => void }) {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const { describe, describeIssue } = useErrorText();
  const [form] = Form.useForm<AbsenceValues>();
  const [saving, setSaving] = useState(false);
  const reasonRef = useRef<InputRef>(null);

  async function submit() {
    if (!participant || saving) return;
    const values = form.getFieldsValue();
    setSaving(true);
    const result = await api.call('attendance.markAbsent', { participantId: participant.id, reason: values.reason ?? '', excused: values.excused ?? false });
    setSaving(false);
    if (result.ok) {
      onClose(result.value);
      return;
    }
    const issues = validationIssues(result.error).filter((issue) => issue.path === 'reason');
    if (issues.length > 0) form.setFields([{ name: 'reason', errors: issues.map(describeIssue) }]);
    else void message.error(describe(result.error));
  }

  function onKeyDown(event: ReactKeyboardEvent) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.target instanceof HTMLButtonElement) return;
    event.preventDefault();
    void submit();
  }

  return (
    <Modal
      open={participant !== null}
      title={participant ? t('absence.title', { name: participant.name }) : undefined}
      okText={t('absence.submit')}
      cancelText={t('absence.cancel')}
      okButtonProps={{ loading: saving }}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      afterOpenChange={(open) => open && reasonRef.current?.focus()}
      destroyOnHidden
      width={440}
    >
      <div onKeyDown={onKeyDown}>
        <Form<AbsenceValues>
          form={form}
          name="absence"
          layout="vertical"
          initialValues={{ reason: '', excused: false }}
          onValuesChange={() => form.setFields([{ name: 'reason', errors: [] }])}
        >
          <Form.Item name="reason" label={t('absence.reason')}>
            <Input ref={reasonRef} autoFocus maxLength={200} placeholder={t('absence.reasonPlaceholder')} />
          </Form.Item>
          <Form.Item name="excused" valuePropName="checked" extra={t('absence.excusedHelp', { party: partyName })} style={{ marginBottom: 8 }}>
            <Checkbox>{t('absence.excused')}</Checkbox>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('absence.hint')}
        </Typography.Text>
      </div>
    </Modal>
  );
}

function readStoredChecker(): string | null {
  try {
    return window.localStorage.getItem(checkerStorageKey);
  } catch {
    return null;
  }
}

function storeChecker(value: string): void {
  try {
    window.localStorage.setItem(checkerStorageKey, value);
  } catch {
    // Storage may be unavailable; the name then lasts for this session only.
  }
}

interface LocalRows {
  base: ParticipantList | undefined;
  byId: Record<string, Participant>;
}

/**
 * 签到: the clerk works down the list on the morning of the hearing, with the
 * keyboard alone. The list holds the focus; shortcuts act on the current row,
 * one after the other in the order they were pressed.
 */
export function CheckInPanel({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const { describe } = useErrorText();
  const { token } = theme.useToken();
  const { roleName } = useRoles(hearingId);
  const participants = useParticipants(hearingId);
  const summary = useQuery('attendance.summary', { hearingId }, ['attendance.changed', 'participants.changed']);
  const checkerId = useId();

  // Results of our own calls show at once; the refresh that the core's event triggers replaces them.
  const [local, setLocal] = useState<LocalRows>({ base: undefined, byId: {} });
  const dataRef = useRef(participants.data);
  dataRef.current = participants.data;
  const localRef = useRef(local);
  const rowsOf = (data: ParticipantList | undefined, patch: LocalRows) =>
    (data?.participants ?? []).map((p) => (patch.base === data ? (patch.byId[p.id] ?? p) : p));
  const rows = rowsOf(participants.data, local);

  const [currentId, setCurrentIdState] = useState<string | null>(null);
  const currentRef = useRef<string | null>(null);
  const currentOf = (list: Participant[], id: string | null) => list.find((p) => p.id === id) ?? list.find((p) => p.attendance.status === 'pending') ?? list[0];
  const current = currentOf(rows, currentId);

  const [storedChecker, setStoredChecker] = useState(readStoredChecker);
  const checker = storedChecker ?? t('checker.default');
  const checkerRef = useRef(checker);
  checkerRef.current = checker;
  const checkerInput = useRef<InputRef>(null);

  const [absenceFor, setAbsenceFor] = useState<Participant | null>(null);
  const absenceOpen = useRef(false);
  const [gridFocused, setGridFocused] = useState(false);
  const gridElement = useRef<HTMLTableElement | null>(null);
  const focusedOnce = useRef(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const scrollOnMove = useRef(false);

  const gridRef = useCallback((element: HTMLTableElement | null) => {
    gridElement.current = element;
    if (element && !focusedOnce.current) {
      focusedOnce.current = true;
      element.focus({ preventScroll: true });
    }
  }, []);
  const focusGrid = () => gridElement.current?.focus({ preventScroll: true });

  function setCurrent(id: string | null) {
    currentRef.current = id;
    setCurrentIdState(id);
  }

  const rowsNow = () => rowsOf(dataRef.current, localRef.current);

  function remember(participant: Participant) {
    const base = dataRef.current;
    const previous = localRef.current;
    const next = { base, byId: { ...(previous.base === base ? previous.byId : {}), [participant.id]: participant } };
    localRef.current = next;
    setLocal(next);
  }

  function moveTo(command: Move) {
    const list = rowsNow();
    if (list.length === 0) return;
    const index = Math.max(0, list.indexOf(currentOf(list, currentRef.current)!));
    const target =
      command === 'first' ? 0 : command === 'last' ? list.length - 1 : Math.min(list.length - 1, Math.max(0, index + (command === 'down' ? 1 : -1)));
    scrollOnMove.current = true;
    setCurrent(list[target]!.id);
  }

  /** The next person still to check in after `afterId`, wrapping round to the top of the list. */
  function nextPending(afterId: string): string | undefined {
    const list = rowsNow();
    const index = list.findIndex((p) => p.id === afterId);
    const ordered = [...list.slice(index + 1), ...list.slice(0, Math.max(0, index))];
    return ordered.find((p) => p.attendance.status === 'pending')?.id;
  }

  // Success shows in the list itself and in the status line above it, not as a toast: a clerk working down the list fast would drown in them.
  const [lastDone, setLastDone] = useState('');

  const statusText = (participant: Participant) => t(`status.${rowStatus(participant)}`);

  async function perform(action: RowAction, participant: Participant) {
    if (!isAvailable(action, participant)) {
      void message.warning(t('actions.unavailable', { name: participant.name, status: statusText(participant), action: t(`actions.${action}`) }));
      return;
    }
    if (action === 'absent') {
      absenceOpen.current = true;
      setAbsenceFor(participant);
      return;
    }
    const participantId = participant.id;
    let result;
    switch (action) {
      case 'checkIn':
      case 'late':
        result = await api.call('attendance.checkIn', { participantId, late: action === 'late' });
        break;
      case 'left':
        result = await api.call('attendance.markLeft', { participantId });
        break;
      case 'reset':
        result = await api.call('attendance.reset', { participantId });
        break;
      case 'verify': {
        const checkedBy = checkerRef.current.trim();
        if (checkedBy === '') {
          void message.warning(t('checker.required'));
          checkerInput.current?.focus();
          return;
        }
        result = await api.call('attendance.verifyIdentity', { participantId, checkedBy });
        break;
      }
    }
    if (!result.ok) {
      void message.error(describe(result.error));
      return;
    }
    remember(result.value);
    setLastDone(t(`done.${action}`, { name: participant.name }));
    if ((action === 'checkIn' || action === 'late') && currentOf(rowsNow(), currentRef.current)?.id === participantId) {
      const next = nextPending(participantId);
      if (next) {
        scrollOnMove.current = true;
        setCurrent(next);
      }
    }
  }

  /** Shortcuts run one after another, each on the row that is current when its turn comes. */
  function enqueue(task: () => Promise<void> | void) {
    queue.current = queue.current.then(task).catch((error: unknown) => console.error('check-in action failed', error));
  }

  function onRowAction(action: RowAction, participant: Participant) {
    setCurrent(participant.id);
    focusGrid();
    enqueue(() => {
      const latest = rowsNow().find((p) => p.id === participant.id) ?? participant;
      return perform(action, latest);
    });
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    const root = rootRef.current;
    if (!root || absenceOpen.current) return;
    const active = document.activeElement;
    const onBody = active === null || active === document.body;
    if (!(active && root.contains(active)) && !(onBody && root.getClientRects().length > 0)) return;
    // The target too: a handler that already moved the focus (Enter in the checker field) must not make it a shortcut.
    if (isTypingTarget(active) || isTypingTarget(event.target instanceof Element ? event.target : null)) return;
    const command = commandFor(event);
    if (!command) return;
    // Enter on a focused button presses that button, as everywhere else.
    if (event.key === 'Enter' && active instanceof HTMLElement && active !== gridElement.current && active.closest('button, a, [role="button"]')) return;
    event.preventDefault();
    if (onBody) focusGrid();
    if (command === 'up' || command === 'down' || command === 'first' || command === 'last') {
      moveTo(command);
      return;
    }
    enqueue(() => {
      const list = rowsNow();
      const target = currentOf(list, currentRef.current);
      return target ? perform(command, target) : undefined;
    });
  }
  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;

  useEffect(() => {
    const listener = (event: KeyboardEvent) => keyHandler.current(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  useEffect(() => {
    if (!scrollOnMove.current || !current) return;
    scrollOnMove.current = false;
    document.getElementById(rowId(current.id))?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  function closeAbsence(updated?: Participant) {
    absenceOpen.current = false;
    setAbsenceFor(null);
    if (updated) {
      remember(updated);
      setLastDone(t('done.absent', { name: updated.name }));
    }
    focusGrid();
  }

  function changeChecker(value: string) {
    setStoredChecker(value);
    storeChecker(value);
  }

  if (participants.error) return <ErrorAlert error={participants.error} onRetry={participants.reload} />;

  const highlight = (participant: Participant, first = false) =>
    participant.id === current?.id
      ? {
          style: {
            background: `color-mix(in srgb, ${token.colorPrimary} 9%, ${token.colorBgContainer})`,
            boxShadow: first ? `inset 3px 0 0 ${token.colorPrimary}` : undefined,
          },
        }
      : {};

  const tooltipFor = (action: RowAction) => t('actions.tooltip', { action: t(`actions.${action}`), keys: keyCaps[action].join(t('actions.or')) });

  return (
    <Flex ref={rootRef} vertical gap={16}>
      <Card title={t('summary.title')} size="small" styles={{ body: { padding: 16 } }}>
        {summary.error ? (
          <ErrorAlert error={summary.error} onRetry={summary.reload} />
        ) : summary.data ? (
          <AttendanceOverview hearingId={hearingId} summary={summary.data} people={rows} />
        ) : (
          <Card loading variant="borderless" />
        )}
      </Card>
      <Card
        title={t('list.title')}
        extra={
          <Flex align="center" gap={8}>
            <label htmlFor={checkerId}>{t('checker.label')}</label>
            <Input
              id={checkerId}
              ref={checkerInput}
              value={checker}
              maxLength={50}
              placeholder={t('checker.placeholder')}
              onChange={(event) => changeChecker(event.target.value)}
              onKeyDown={(event) => {
                if (event.nativeEvent.isComposing || (event.key !== 'Enter' && event.key !== 'Escape')) return;
                event.preventDefault();
                focusGrid();
              }}
              style={{ width: 200 }}
            />
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          <Flex component="section" aria-label={t('keys.title')} align="center" gap={20} wrap>
            <Typography.Text strong>{t('keys.title')}</Typography.Text>
            {(['move', ...rowActions] as const).map((item) => (
              <Flex key={item} align="center" gap={4}>
                <KeyCaps caps={keyCaps[item]} />
                <Typography.Text type="secondary">{t(`keys.${item}`)}</Typography.Text>
              </Flex>
            ))}
          </Flex>
          <Flex justify="space-between" align="center" gap={16} style={{ minHeight: 24 }}>
            <Typography.Text role="status" type="success">
              {lastDone && (
                <>
                  <CheckCircleFilled /> {lastDone}
                </>
              )}
            </Typography.Text>
            <Typography.Text type={gridFocused ? 'secondary' : 'warning'}>{gridFocused ? t('keys.active') : t('keys.inactive')}</Typography.Text>
          </Flex>
          <div
            onFocus={() => setGridFocused(gridElement.current !== null && gridElement.current.contains(document.activeElement))}
            onBlur={(event) => {
              if (!gridElement.current?.contains(event.relatedTarget as Node | null)) setGridFocused(false);
            }}
            style={{
              borderRadius: token.borderRadiusLG,
              boxShadow: gridFocused ? `0 0 0 2px ${token.colorPrimaryBorder}` : `0 0 0 1px ${token.colorBorderSecondary}`,
              transition: 'box-shadow 0.2s',
            }}
          >
            <GridContext.Provider value={{ ref: gridRef, label: t('list.gridLabel'), activeDescendant: current ? rowId(current.id) : undefined }}>
              <Table<Participant>
                rowKey="id"
                size="middle"
                loading={participants.loading}
                dataSource={rows}
                pagination={false}
                components={tableComponents}
                onRow={(participant) => ({
                  id: rowId(participant.id),
                  'aria-selected': participant.id === current?.id,
                  onClick: () => {
                    setCurrent(participant.id);
                    focusGrid();
                  },
                  style: { cursor: 'pointer' },
                })}
                columns={[
                  {
                    key: 'role',
                    title: t('list.columns.role'),
                    width: 120,
                    onCell: (participant) => highlight(participant, true),
                    render: (_, participant) => roleName(participant.role),
                  },
                  {
                    key: 'name',
                    title: t('list.columns.name'),
                    onCell: (participant) => highlight(participant),
                    render: (_, participant) => (
                      <Flex vertical>
                        <Typography.Text strong>{participant.name}</Typography.Text>
                        {participant.organization && (
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {participant.post ? `${participant.organization} ${participant.post}` : participant.organization}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    key: 'idNumber',
                    title: t('list.columns.idNumber'),
                    width: 190,
                    onCell: (participant) => highlight(participant),
                    render: (_, participant) =>
                      participant.idNumberMasked ? (
                        <Typography.Text style={{ fontFamily: token.fontFamilyCode }}>{participant.idNumberMasked}</Typography.Text>
                      ) : (
                        <Typography.Text type="secondary">{t('list.none')}</Typography.Text>
                      ),
                  },
                  {
                    key: 'status',
                    title: t('list.columns.status'),
                    width: 230,
                    onCell: (participant) => highlight(participant),
                    render: (_, participant) => <StatusCell participant={participant} />,
                  },
                  {
                    key: 'identity',
                    title: t('list.columns.identity'),
                    width: 140,
                    onCell: (participant) => highlight(participant),
                    render: (_, { attendance }) =>
                      attendance.identityCheckedBy ? (
                        <Tooltip title={t('list.identityCheckedAt', { time: hhmm(attendance.identityCheckedAt) })}>
                          <Typography.Text type="success">{t('list.identityChecked', { name: attendance.identityCheckedBy })}</Typography.Text>
                        </Tooltip>
                      ) : (
                        <Typography.Text type="secondary">{t('list.identityNotChecked')}</Typography.Text>
                      ),
                  },
                  {
                    key: 'recused',
                    title: t('list.columns.recused'),
                    width: 90,
                    onCell: (participant) => highlight(participant),
                    render: (_, participant) =>
                      participant.recused ? <Tag color="red">{t('list.recused')}</Tag> : <Typography.Text type="secondary">{t('list.none')}</Typography.Text>,
                  },
                  {
                    key: 'actions',
                    title: t('list.columns.actions'),
                    width: 220,
                    onCell: (participant) => highlight(participant),
                    render: (_, participant) => (
                      <Flex gap={2}>
                        {rowActions.map((action) => (
                          <Tooltip key={action} title={tooltipFor(action)}>
                            <Button
                              type="text"
                              size="small"
                              tabIndex={-1}
                              icon={actionIcons[action]}
                              disabled={!isAvailable(action, participant)}
                              aria-label={t('actions.forPerson', { action: t(`actions.${action}`), name: participant.name })}
                              aria-keyshortcuts={keyCaps[action].join(' ')}
                              onClick={(event) => {
                                event.stopPropagation();
                                onRowAction(action, participant);
                              }}
                            />
                          </Tooltip>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            </GridContext.Provider>
          </div>
        </Flex>
      </Card>
      <AbsenceDialog participant={absenceFor} partyName={roleName('party')} onClose={closeAbsence} />
    </Flex>
  );
}

function StatusCell({ participant }: { participant: Participant }) {
  const { t } = useTranslation('attendance');
  const { attendance } = participant;
  const status = rowStatus(participant);
  if (status === 'pending') return <Tag color={statusColors.pending}>{t('status.pending')}</Tag>;
  if (status === 'absent') {
    return (
      <Flex vertical gap={2} align="flex-start">
        <Tag color={statusColors.absent}>{t('status.absent')}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            attendance.absenceReason ? t('list.absenceReason', { reason: attendance.absenceReason }) : t('list.noReason'),
            attendance.absenceExcused ? t('list.excused') : t('list.notExcused'),
          ].join(' · ')}
        </Typography.Text>
      </Flex>
    );
  }
  const arrival = attendance.status === 'late' ? 'late' : 'present';
  return (
    <Flex gap={4} wrap>
      <Tag color={statusColors[arrival]}>{t('status.withTime', { status: t(`status.${arrival}`), time: hhmm(attendance.arrivedAt) })}</Tag>
      {status === 'left' && <Tag color={statusColors.left}>{t('status.withTime', { status: t('status.left'), time: hhmm(attendance.leftAt) })}</Tag>}
    </Flex>
  );
}
