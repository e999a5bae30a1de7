import { BarChartOutlined, ClockCircleOutlined, FlagOutlined, PauseCircleOutlined, SoundOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Switch, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useId, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaStepView, DisplayView, ProcedureState, ProcedureView, Side, SpeechClock } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useClockSignal } from './useClockSignal.js';
import { useDisplay, useProcedure } from './useProcedure.js';
import { phaseColors, stateColors, useReasonText } from './presentation.js';
import { formatClock, useSpeechClock, type ClockReading } from './useSpeechClock.js';
import { ScreenTitle } from '../../components/ScreenTitle.js';

const soundStorageKey = 'hearing-desk.chairSound';

/** Read at arm's length: a serif face for the words the presiding officer reads aloud, as on a printed 主持词. */
const scriptFont = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'STSong', 'SimSun', 'Noto Serif', Georgia, serif";

const phaseTints: Record<ClockReading['phase'], string> = { normal: '#ffffff', warning: '#fff7e6', over: '#fff1f0' };
const reasonTints: Partial<Record<ProcedureState, string>> = { adjourned: '#fff7e6', suspended: '#fff2e8', postponed: '#f9f0ff' };
const sideColors: Partial<Record<Side, string>> = { petitioner: '#1f4e9c', agency: '#389e0d' };
const paritySides = ['petitioner', 'agency'] as const;

const palette = {
  page: '#eef1f6',
  bar: '#17376e',
  card: '#ffffff',
  border: '#dde3ec',
  text: '#1c2733',
  muted: '#5b6776',
  faint: '#8a95a3',
};

/** The room's time of day, HH:mm in every language, on the host's clock so every screen in the room agrees. */
export function useWallClock(serverNow: string | undefined): string {
  const [offsetMs, setOffsetMs] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (serverNow) setOffsetMs(Date.parse(serverNow) - Date.now());
  }, [serverNow]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return dayjs(now + offsetMs).format('HH:mm');
}

/**
 * Sets the window's title while the screen is shown. The shell sets its own
 * title in an effect that runs after this one, so the title is written once
 * that has happened.
 */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    const previous = document.title;
    const timer = window.setTimeout(() => (document.title = title), 0);
    document.title = title;
    return () => {
      window.clearTimeout(timer);
      document.title = previous;
    };
  }, [title]);
}

function readSoundSetting(): boolean {
  try {
    return window.localStorage.getItem(soundStorageKey) !== '0';
  } catch {
    return true;
  }
}

function storeSoundSetting(enabled: boolean): void {
  try {
    window.localStorage.setItem(soundStorageKey, enabled ? '1' : '0');
  } catch {
    // Storage may be unavailable; the choice then lasts while the page is open.
  }
}

/** Steps counted as the display counts them: skipped steps are not part of the sitting. */
function stepPosition(view: ProcedureView, step: AgendaStepView): { position: number; count: number } {
  const countable = view.steps.filter((candidate) => candidate.status !== 'skipped');
  return { position: countable.findIndex((candidate) => candidate.id === step.id) + 1, count: countable.length };
}

/** Time the current speech has run since the answer arrived: the totals were computed at serverNow, the clock keeps going. */
function liveExtraMs(speech: SpeechClock | null, serverNow: string, reading: ClockReading | null): number {
  if (!speech?.runningSince || !reading) return 0;
  const atAnswer = speech.elapsedMs + Math.max(0, Date.parse(serverNow) - Date.parse(speech.runningSince));
  return Math.max(0, reading.spokenMs - atAnswer);
}

function Panel({ title, icon, extra, children, style }: { title: string; icon: ReactNode; extra?: ReactNode; children: ReactNode; style?: CSSProperties }) {
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      style={{
        background: palette.card,
        border: `1px solid ${palette.border}`,
        borderRadius: 12,
        padding: '16px 20px',
        display: 'flex',
        flexDirection: 'column',
        gap: 12,
        ...style,
      }}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <h2 id={headingId} style={{ margin: 0, fontSize: 18, fontWeight: 600, color: palette.muted, display: 'flex', alignItems: 'center', gap: 8 }}>
          {icon}
          {title}
        </h2>
        {extra}
      </Flex>
      {children}
    </section>
  );
}

function TopBar({
  view,
  display,
  onSound,
  sound,
}: {
  view: ProcedureView;
  display: DisplayView | undefined;
  sound: boolean;
  onSound: (value: boolean) => void;
}) {
  const { t } = useTranslation('procedure');
  const reasonText = useReasonText();
  const wallClock = useWallClock(view.serverNow);
  const soundId = useId();
  const reason = view.stateReason ? reasonText(view.stateReason) : '';
  const title = display ? display.title || t('display.nonPublic') : '';
  return (
    <header style={{ background: palette.bar, color: '#fff' }}>
      <div style={{ padding: '12px 28px', display: 'flex', alignItems: 'center', gap: 24 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <div style={{ fontSize: 15, color: 'rgba(255,255,255,0.72)', letterSpacing: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {display?.organizer}
          </div>
          <ScreenTitle title={title} />
        </div>
        <Tag
          color={stateColors[view.state]}
          style={{ fontSize: 18, lineHeight: '30px', paddingInline: 14, margin: 0, fontWeight: 600, flex: 'none' }}
          data-testid="chair-state"
        >
          {t(`state.${view.state}`)}
        </Tag>
        <Flex align="center" gap={10} title={t('chair.soundHint')} style={{ flex: 'none' }}>
          <SoundOutlined style={{ fontSize: 18, color: 'rgba(255,255,255,0.8)' }} />
          <label htmlFor={soundId} style={{ fontSize: 16, color: 'rgba(255,255,255,0.9)', cursor: 'pointer', whiteSpace: 'nowrap' }}>
            {t('chair.sound')}
          </label>
          <Switch id={soundId} checked={sound} onChange={onSound} />
        </Flex>
        <time
          aria-label={t('chair.wallClock')}
          style={{ flex: 'none', fontSize: 40, fontWeight: 600, letterSpacing: 2, fontVariantNumeric: 'tabular-nums', lineHeight: 1, color: '#fff' }}
        >
          {wallClock}
        </time>
      </div>
      {reason && (
        <div role="note" style={{ background: reasonTints[view.state] ?? '#fff7e6', color: palette.text, padding: '8px 28px', fontSize: 18, lineHeight: 1.5 }}>
          {t('chair.stateReason', { reason })}
        </div>
      )}
    </header>
  );
}

function Script({ text, muted = false }: { text: string; muted?: boolean }) {
  const { t } = useTranslation('procedure');
  return (
    <div
      aria-label={t('chair.scriptLabel')}
      data-testid="chair-script"
      style={{
        fontFamily: scriptFont,
        fontSize: 26,
        lineHeight: 1.8,
        color: muted ? palette.muted : palette.text,
        whiteSpace: 'pre-wrap',
        overflowWrap: 'anywhere',
      }}
    >
      {text || <span style={{ color: palette.faint }}>{t('chair.noScript')}</span>}
    </div>
  );
}

function StepHeading({ step, view, language }: { step: AgendaStepView; view: ProcedureView; language: 'zh-CN' | 'en' }) {
  const { t } = useTranslation('procedure');
  const { position, count } = stepPosition(view, step);
  return (
    <div>
      <div style={{ fontSize: 18, color: palette.muted, fontVariantNumeric: 'tabular-nums' }}>{t('chair.stepPosition', { position, count })}</div>
      <h2 data-testid="chair-step" style={{ margin: '2px 0 0', fontSize: 36, lineHeight: 1.3, fontWeight: 700, color: palette.text }}>
        {step.name[language]}
      </h2>
    </div>
  );
}

function MainColumn({ view }: { view: ProcedureView }) {
  const { t } = useTranslation('procedure');
  const language = useLanguage();
  const ordered = [...view.steps].sort((a, b) => a.position - b.position);
  const current = ordered.find((step) => step.id === view.currentStepId);
  const next = current ? ordered.find((step) => step.position > current.position && step.status === 'pending') : undefined;
  const first = ordered.find((step) => step.status === 'pending');

  const shell = (body: ReactNode, footer?: ReactNode) => (
    <main
      style={{
        background: palette.card,
        border: `1px solid ${palette.border}`,
        borderRadius: 12,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        overflow: 'hidden',
      }}
    >
      <div style={{ flex: 1, minHeight: 0, overflowY: 'auto', padding: '24px 36px 28px' }}>{body}</div>
      {footer && <div style={{ borderTop: `1px solid ${palette.border}`, padding: '14px 36px', background: '#f8fafc' }}>{footer}</div>}
    </main>
  );

  if (view.state === 'notStarted' || !current) {
    const closed = view.state === 'closed';
    const preview = closed ? undefined : first;
    return shell(
      <Flex vertical gap={24}>
        <Flex vertical align="center" gap={8} style={{ padding: '24px 0 8px', textAlign: 'center' }}>
          {closed ? (
            <FlagOutlined style={{ fontSize: 44, color: palette.faint }} />
          ) : (
            <ClockCircleOutlined style={{ fontSize: 44, color: '#1f4e9c', opacity: 0.7 }} />
          )}
          <div data-testid="chair-empty" style={{ fontSize: 32, fontWeight: 600, color: palette.text }}>
            {closed ? t('chair.closed') : t('chair.notStarted')}
          </div>
          <div style={{ fontSize: 18, color: palette.muted }}>{closed ? t('chair.closedHint') : t('chair.notStartedHint')}</div>
        </Flex>
        {preview ? (
          <div style={{ borderTop: `1px dashed ${palette.border}`, paddingTop: 20 }}>
            <div style={{ fontSize: 20, fontWeight: 600, color: palette.muted, marginBottom: 8 }}>{t('chair.firstStep', { name: preview.name[language] })}</div>
            <Script text={preview.script[language]} muted />
          </div>
        ) : (
          !closed && <div style={{ fontSize: 18, color: palette.faint, textAlign: 'center' }}>{t('chair.noAgenda')}</div>
        )}
      </Flex>,
    );
  }

  const halted = view.state === 'adjourned' || view.state === 'suspended' || view.state === 'postponed';
  return shell(
    <Flex vertical gap={18}>
      <StepHeading step={current} view={view} language={language} />
      {halted && (
        <Alert type="warning" showIcon icon={<PauseCircleOutlined />} title={<span style={{ fontSize: 18 }}>{t(`chair.halted.${view.state}`)}</span>} />
      )}
      <Script text={current.script[language]} />
    </Flex>,
    <div data-testid="chair-next" style={{ fontSize: 20, color: palette.muted }}>
      {next ? t('chair.next', { name: next.name[language] }) : t('chair.lastStep')}
    </div>,
  );
}

function SpeakerClock({ view, display, reading }: { view: ProcedureView; display: DisplayView | undefined; reading: ClockReading | null }) {
  const { t } = useTranslation('procedure');
  const language = useLanguage();
  const speech = view.speech;
  const phase = reading?.phase ?? 'normal';
  const roleName = display?.speaker ? display.speaker.roleName[language] : speech ? t(`side.${speech.side}`) : '';
  const status =
    reading && phase === 'over' ? (
      <Tag color="red" style={{ fontSize: 16, lineHeight: '26px', margin: 0 }}>
        {t('clock.over')}
      </Tag>
    ) : reading && !reading.running ? (
      <Tag style={{ fontSize: 16, lineHeight: '26px', margin: 0 }}>{t('clock.paused')}</Tag>
    ) : reading && phase === 'warning' ? (
      <Tag color="orange" style={{ fontSize: 16, lineHeight: '26px', margin: 0 }}>
        {t('clock.warning')}
      </Tag>
    ) : undefined;

  return (
    <Panel
      title={t('chair.speaker.title')}
      icon={<ClockCircleOutlined />}
      extra={status}
      style={{ background: phaseTints[phase], borderColor: phase === 'normal' ? palette.border : phaseColors[phase] }}
    >
      {speech && reading ? (
        <Flex vertical gap={6}>
          <div style={{ fontSize: 30, fontWeight: 700, color: palette.text, lineHeight: 1.25 }} data-testid="chair-speaker">
            {speech.name}
          </div>
          <div style={{ fontSize: 18, color: palette.muted }}>{roleName}</div>
          <div
            role="timer"
            aria-label={t('chair.speaker.title')}
            style={{
              fontSize: 92,
              fontWeight: 700,
              lineHeight: 1.05,
              fontVariantNumeric: 'tabular-nums',
              color: phaseColors[phase],
              letterSpacing: 2,
              opacity: reading.running ? 1 : 0.65,
            }}
          >
            {formatClock(reading.remainingMs)}
          </div>
          <div style={{ height: 8, borderRadius: 4, background: 'rgba(0,0,0,0.08)', overflow: 'hidden' }}>
            <div
              style={{
                height: '100%',
                width: `${Math.min(100, (reading.spokenMs / Math.max(1, speech.limitMs)) * 100)}%`,
                background: phaseColors[phase],
                transition: 'width 0.25s linear',
              }}
            />
          </div>
          <Flex justify="space-between" style={{ fontSize: 16, color: palette.muted, fontVariantNumeric: 'tabular-nums' }}>
            <span>{t('chair.speaker.spoken', { spoken: formatClock(reading.spokenMs) })}</span>
            <span>{t('chair.speaker.limit', { limit: formatClock(speech.limitMs) })}</span>
          </Flex>
        </Flex>
      ) : (
        <Flex vertical gap={4}>
          <div style={{ fontSize: 92, fontWeight: 700, lineHeight: 1.05, color: '#d5dbe4', fontVariantNumeric: 'tabular-nums' }} aria-hidden>
            {'0:00'}
          </div>
          <div style={{ fontSize: 22, fontWeight: 600, color: palette.muted }}>{t('chair.speaker.none')}</div>
          <div style={{ fontSize: 16, color: palette.faint }}>{t('chair.speaker.noneHint')}</div>
        </Flex>
      )}
    </Panel>
  );
}

function Queue({ view }: { view: ProcedureView }) {
  const { t } = useTranslation('procedure');
  return (
    <Panel
      title={t('chair.queue.title')}
      icon={<TeamOutlined />}
      extra={
        view.queue.length > 0 ? <span style={{ fontSize: 16, color: palette.muted }}>{t('chair.queue.count', { count: view.queue.length })}</span> : undefined
      }
    >
      {view.queue.length === 0 ? (
        <div style={{ fontSize: 18, color: palette.faint }}>{t('chair.queue.empty')}</div>
      ) : (
        <ol aria-label={t('chair.queue.title')} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
          {view.queue.map((entry, index) => (
            <li key={entry.id} style={{ display: 'flex', alignItems: 'center', gap: 12, fontSize: 22 }}>
              <span
                aria-hidden
                style={{
                  width: 30,
                  height: 30,
                  borderRadius: 15,
                  flex: 'none',
                  display: 'inline-flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  fontSize: 16,
                  fontWeight: 600,
                  background: index === 0 ? '#1f4e9c' : '#e6ebf3',
                  color: index === 0 ? '#fff' : palette.muted,
                }}
              >
                {index + 1}
              </span>
              <span style={{ fontWeight: 600, color: palette.text, flex: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {entry.name}
              </span>
              <Tag color={entry.side === 'petitioner' ? 'blue' : entry.side === 'agency' ? 'green' : undefined} style={{ fontSize: 15, margin: 0 }}>
                {t(`side.${entry.side}`)}
              </Tag>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

function Parity({ view, extraMs }: { view: ProcedureView; extraMs: number }) {
  const { t } = useTranslation('procedure');
  const rows = paritySides.map((side) => {
    const entry = view.totals.bySide.find((candidate) => candidate.side === side);
    const spokenMs = (entry?.spokenMs ?? 0) + (view.speech?.side === side ? extraMs : 0);
    return { side, spokenMs, budgetMs: entry?.budgetMs ?? null };
  });
  const scale = Math.max(1, ...rows.map((row) => row.budgetMs ?? row.spokenMs));
  return (
    <Panel title={t('chair.parity.title')} icon={<BarChartOutlined />}>
      <Flex vertical gap={14}>
        {rows.map(({ side, spokenMs, budgetMs }) => {
          const over = budgetMs !== null && spokenMs > budgetMs;
          const color = over ? phaseColors.over : (sideColors[side] ?? '#1f4e9c');
          const base = budgetMs ?? scale;
          return (
            <div key={side} data-testid={`parity-${side}`}>
              <Flex justify="space-between" align="baseline" style={{ fontSize: 18 }}>
                <span style={{ fontWeight: 600, color: palette.text }}>{t(`side.${side}`)}</span>
                <span style={{ fontVariantNumeric: 'tabular-nums', color: over ? phaseColors.over : palette.text, fontWeight: 600 }}>
                  {budgetMs !== null ? t('chair.parity.ofBudget', { spoken: formatClock(spokenMs), budget: formatClock(budgetMs) }) : formatClock(spokenMs)}
                </span>
              </Flex>
              <div
                role="meter"
                aria-label={t(`side.${side}`)}
                aria-valuemin={0}
                aria-valuemax={Math.round(base / 1000)}
                aria-valuenow={Math.round(Math.min(spokenMs, base) / 1000)}
                style={{ height: 12, borderRadius: 6, background: '#e6ebf3', overflow: 'hidden', marginTop: 6 }}
              >
                <div style={{ height: '100%', width: `${Math.min(100, (spokenMs / Math.max(1, base)) * 100)}%`, background: color, borderRadius: 6 }} />
              </div>
              <div style={{ fontSize: 14, color: over ? phaseColors.over : palette.faint, marginTop: 4 }}>
                {over
                  ? t('chair.parity.overBudget', { over: formatClock(spokenMs - (budgetMs ?? 0)) })
                  : budgetMs === null
                    ? t('chair.parity.noBudget')
                    : '\u00a0'}
              </div>
            </div>
          );
        })}
      </Flex>
    </Panel>
  );
}

function useNarrow(limit: number): boolean {
  const [narrow, setNarrow] = useState(() => window.innerWidth < limit);
  useEffect(() => {
    const onResize = () => setNarrow(window.innerWidth < limit);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [limit]);
  return narrow;
}

/**
 * 主持人视图: the presiding officer's screen, often a tablet on the bench —
 * the current step and its script to read aloud, the speaker's clock, who is
 * waiting, and how the two sides' speaking time compares. Read-only: the
 * clerk's console changes things, this screen follows them. Uses only the
 * two queries allowed over the room network.
 */
export function ChairView({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('procedure');
  const procedure = useProcedure(hearingId);
  const display = useDisplay(hearingId);
  const [sound, setSound] = useState(readSoundSetting);
  const narrow = useNarrow(960);
  const view = procedure.data;
  const reading = useSpeechClock(view?.speech, view?.serverNow);
  useClockSignal(reading, view?.speech?.speechId, sound);
  useDocumentTitle(t('chair.documentTitle'));

  // A tablet on the room's Wi-Fi may lose the host for a moment: try again by itself as well as on the button.
  const { error: procedureError, reload: reloadProcedure } = procedure;
  useEffect(() => {
    if (!procedureError) return;
    const timer = window.setTimeout(reloadProcedure, 5000);
    return () => window.clearTimeout(timer);
  }, [procedureError, reloadProcedure]);

  function changeSound(enabled: boolean) {
    setSound(enabled);
    storeSoundSetting(enabled);
  }

  if (!view) {
    return (
      <Flex vertical align="center" justify="center" gap={16} style={{ minHeight: '100vh', background: palette.page, padding: 32 }}>
        {procedure.error ? (
          <div style={{ width: 'min(640px, 100%)' }}>
            <ErrorAlert error={procedure.error} onRetry={procedure.reload} />
          </div>
        ) : (
          <>
            <Spin size="large" />
            <div style={{ fontSize: 18, color: palette.muted }}>{t('chair.loading')}</div>
          </>
        )}
      </Flex>
    );
  }

  const extraMs = liveExtraMs(view.speech, view.serverNow, reading);
  return (
    <div
      aria-label={t('chair.label')}
      style={{
        height: narrow ? undefined : '100vh',
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: palette.page,
        overflow: narrow ? undefined : 'hidden',
      }}
    >
      <TopBar view={view} display={display.data} sound={sound} onSound={changeSound} />
      <div
        style={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : 'minmax(0, 1fr) minmax(360px, 420px)',
          gap: 20,
          padding: 20,
        }}
      >
        <MainColumn view={view} />
        <aside style={{ display: 'flex', flexDirection: 'column', gap: 16, minHeight: 0, overflowY: narrow ? undefined : 'auto' }}>
          <SpeakerClock view={view} display={display.data} reading={reading} />
          {view.state !== 'closed' && <Queue view={view} />}
          <Parity view={view} extraMs={extraMs} />
        </aside>
      </div>
    </div>
  );
}
