import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayView } from '../../../../electron/core/contract/index.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useDocumentTitle, useWallClock } from '../procedure/ChairView.js';
import { useDisplay } from '../procedure/useProcedure.js';
import { formatClock, useSpeechClock, type ClockReading } from '../procedure/useSpeechClock.js';

/** Colours for a projector in a lit room: deep blue, white type, a warm accent; the clock turns amber, then red. */
const colors = {
  background: '#0f2347',
  backgroundDeep: '#0a1833',
  text: '#ffffff',
  soft: 'rgba(255,255,255,0.72)',
  faint: 'rgba(255,255,255,0.45)',
  rule: 'rgba(255,255,255,0.14)',
  accent: '#d9b45a',
  panel: 'rgba(255,255,255,0.06)',
};
const phaseColors: Record<ClockReading['phase'], string> = { normal: '#ffffff', warning: '#ffb547', over: '#ff5a5a' };

/** Type sized to the screen, whatever its shape: the smaller of a share of its height and of its width. */
const size = (vh: number, vw: number = vh * 0.62) => `min(${vh}vh, ${vw}vw)`;

const retryMs = 5000;

/** 汉字 take wide tracking well on a wall; Latin words fall apart with it. */
function useTracking(): (wide: string) => string {
  const language = useLanguage();
  return (wide) => (language === 'zh-CN' ? wide : '0.01em');
}

function Badge({ children, color }: { children: ReactNode; color: string }) {
  const tracking = useTracking();
  return (
    <span
      style={{
        display: 'inline-block',
        padding: `${size(0.6)} ${size(1.6)}`,
        borderRadius: size(0.8),
        border: `2px solid ${color}`,
        color,
        fontSize: size(3.2),
        fontWeight: 700,
        letterSpacing: tracking('0.1em'),
        lineHeight: 1.2,
      }}
    >
      {children}
    </span>
  );
}

function Header({ view }: { view: DisplayView }) {
  const tracking = useTracking();
  const { t } = useTranslation('procedure');
  const wallClock = useWallClock(view.serverNow);
  return (
    <header style={{ display: 'flex', alignItems: 'flex-start', gap: size(4), paddingBottom: size(2.4), borderBottom: `2px solid ${colors.accent}` }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div data-testid="display-organizer" style={{ fontSize: size(3), color: colors.soft, letterSpacing: tracking('0.2em') }}>
          {view.organizer}
        </div>
        <h1
          data-testid="display-title"
          style={{
            margin: `${size(0.8)} 0 0`,
            fontSize: size(4.8),
            fontWeight: 700,
            lineHeight: 1.3,
            color: colors.text,
            display: '-webkit-box',
            WebkitLineClamp: 2,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
          }}
        >
          {view.title || t('display.nonPublic')}
        </h1>
      </div>
      <div aria-hidden style={{ fontSize: size(5), fontWeight: 600, color: colors.soft, fontVariantNumeric: 'tabular-nums', letterSpacing: '0.06em' }}>
        {wallClock}
      </div>
    </header>
  );
}

/** A hearing not in session: one word in the middle of the wall, and a line of guidance where it helps. */
function StateNotice({ view }: { view: DisplayView }) {
  const tracking = useTracking();
  const { t } = useTranslation('procedure');
  const state = view.state === 'inProgress' ? 'notStarted' : view.state;
  return (
    <div style={{ textAlign: 'center' }}>
      <div data-testid="display-state" style={{ fontSize: size(13, 9), fontWeight: 700, letterSpacing: tracking('0.2em'), lineHeight: 1.25 }}>
        {t(`display.state.${state}`)}
      </div>
      {state !== 'deliberating' && <div style={{ marginTop: size(3), fontSize: size(3.6), color: colors.soft }}>{t(`display.hint.${state}`)}</div>}
    </div>
  );
}

function Speaker({ view }: { view: DisplayView }) {
  const tracking = useTracking();
  const { t } = useTranslation('procedure');
  const language = useLanguage();
  const reading = useSpeechClock(view.clock, view.serverNow);
  if (!view.speaker) return null;
  const phase = reading?.phase ?? 'normal';
  const color = phaseColors[phase];
  return (
    <section
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: size(4),
        padding: `${size(3)} ${size(5)}`,
        borderRadius: size(2),
        background: colors.panel,
        border: `2px solid ${phase === 'normal' ? colors.rule : color}`,
      }}
    >
      <div style={{ minWidth: 0 }}>
        <div style={{ fontSize: size(3), color: colors.faint, letterSpacing: tracking('0.2em') }}>{t('display.speaker')}</div>
        <div data-testid="display-speaker-role" style={{ marginTop: size(1), fontSize: size(4), color: colors.soft }}>
          {view.speaker.roleName[language]}
        </div>
        <div
          data-testid="display-speaker"
          style={{ fontSize: size(9), fontWeight: 700, lineHeight: 1.2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
        >
          {view.speaker.name}
        </div>
      </div>
      {reading && (
        <div style={{ textAlign: 'right', flex: 'none' }}>
          <div style={{ fontSize: size(3), color: colors.faint, letterSpacing: tracking('0.2em'), minHeight: size(4.6) }}>
            {phase === 'over' ? (
              <Badge color={color}>{t('clock.over')}</Badge>
            ) : !reading.running ? (
              <Badge color={colors.soft}>{t('clock.paused')}</Badge>
            ) : (
              t('display.remaining')
            )}
          </div>
          <div
            role="timer"
            aria-label={t('display.remaining')}
            data-testid="display-clock"
            style={{
              fontSize: size(22, 15),
              fontWeight: 700,
              lineHeight: 1,
              color,
              fontVariantNumeric: 'tabular-nums',
              letterSpacing: '0.02em',
              opacity: reading.running ? 1 : 0.7,
            }}
          >
            {formatClock(reading.remainingMs)}
          </div>
        </div>
      )}
    </section>
  );
}

function InSession({ view }: { view: DisplayView }) {
  const tracking = useTracking();
  const { t } = useTranslation('procedure');
  const language = useLanguage();
  const { step } = view;
  return (
    <div style={{ width: '100%', display: 'flex', flexDirection: 'column', gap: size(5) }}>
      {step && (
        <div style={{ textAlign: view.speaker ? 'left' : 'center' }}>
          <div
            data-testid="display-position"
            style={{ fontSize: size(3.4), color: colors.accent, letterSpacing: tracking('0.15em'), fontVariantNumeric: 'tabular-nums' }}
          >
            {t('display.stepPosition', { position: step.position, count: step.count })}
          </div>
          <div
            data-testid="display-step"
            style={{ marginTop: size(1), fontSize: size(view.speaker ? 8 : 12, view.speaker ? 5.5 : 8), fontWeight: 700, lineHeight: 1.2 }}
          >
            {step.name[language]}
          </div>
        </div>
      )}
      <Speaker view={view} />
    </div>
  );
}

const shownImage = /^image\/(png|jpeg|gif|webp)$/;

/** 出示: the exhibit being shown, its label and name; an image fills the wall, other files are named only. */
function ExhibitShown({ exhibit }: { exhibit: NonNullable<DisplayView['exhibit']> }) {
  const tracking = useTracking();
  const { t } = useTranslation('evidence');
  const language = useLanguage();
  const [failed, setFailed] = useState<string | null>(null);
  const image = exhibit.sha256 && exhibit.mediaType && shownImage.test(exhibit.mediaType) && failed !== exhibit.sha256 ? exhibit.sha256 : null;
  return (
    <section data-testid="display-exhibit" style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', gap: size(2.4), minHeight: 0 }}>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: size(3), flexWrap: 'wrap', justifyContent: image ? 'flex-start' : 'center' }}>
        <span style={{ fontSize: size(3), color: colors.faint, letterSpacing: tracking('0.2em') }}>{t('display.presenting')}</span>
        <span
          data-testid="display-exhibit-label"
          style={{ fontSize: size(image ? 5 : 8), fontWeight: 700, color: colors.accent, letterSpacing: tracking('0.08em') }}
        >
          {exhibit.label[language]}
        </span>
        <span
          data-testid="display-exhibit-name"
          style={{
            fontSize: size(image ? 4.4 : 7),
            fontWeight: 600,
            lineHeight: 1.25,
            minWidth: 0,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
        >
          {exhibit.name}
        </span>
      </div>
      {image && (
        <div
          style={{
            flex: 1,
            minHeight: 0,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            borderRadius: size(1.6),
            background: 'rgba(0,0,0,0.28)',
            border: `2px solid ${colors.rule}`,
            padding: size(1.6),
          }}
        >
          <img
            data-testid="display-exhibit-image"
            src={`files/${image}`}
            alt={exhibit.name}
            onError={() => setFailed(image)}
            style={{ width: '100%', height: '100%', objectFit: 'contain', imageRendering: 'auto' }}
          />
        </div>
      )}
      {failed && failed === exhibit.sha256 && (
        <div style={{ textAlign: 'center', fontSize: size(3.2), color: colors.soft }}>{t('display.fileUnavailable')}</div>
      )}
    </section>
  );
}

/** 宣布: the panel's conclusion as the chair announced it, large, in the middle of the wall. */
function AnnouncementShown({ announcement }: { announcement: NonNullable<DisplayView['announcement']> }) {
  const tracking = useTracking();
  const { t } = useTranslation('deliberation');
  const long = announcement.text.length > 90;
  return (
    <section data-testid="display-announcement" style={{ width: '100%', maxWidth: size(140, 88), display: 'flex', flexDirection: 'column', gap: size(2.4) }}>
      <div style={{ fontSize: size(3.6), fontWeight: 700, color: colors.accent, letterSpacing: tracking('0.3em') }}>
        {announcement.manner === 'onSpot' ? t('display.conclusion') : t('display.later')}
      </div>
      <div
        data-testid="display-announcement-text"
        style={{
          padding: `${size(3)} ${size(4)}`,
          borderRadius: size(2),
          background: colors.panel,
          border: `2px solid ${colors.rule}`,
          borderInlineStart: `${size(0.8)} solid ${colors.accent}`,
          fontSize: size(long ? 4.4 : 6),
          fontWeight: 600,
          lineHeight: 1.55,
          letterSpacing: tracking('0.04em'),
        }}
      >
        {announcement.text}
      </div>
    </section>
  );
}

function StepProgress({ view }: { view: DisplayView }) {
  if (!view.step || view.step.count === 0) return null;
  return (
    <div aria-hidden style={{ display: 'flex', gap: 6, height: size(0.8) }}>
      {Array.from({ length: view.step.count }, (_, index) => (
        <div
          key={index}
          style={{
            flex: 1,
            borderRadius: 4,
            background: index < (view.step?.position ?? 0) - 1 ? colors.accent : index === (view.step?.position ?? 0) - 1 ? colors.text : colors.rule,
          }}
        />
      ))}
    </div>
  );
}

const frame: CSSProperties = {
  position: 'fixed',
  inset: 0,
  overflow: 'hidden',
  cursor: 'none',
  userSelect: 'none',
  color: colors.text,
  background: `radial-gradient(ellipse at 50% 0%, #17336a 0%, ${colors.background} 55%, ${colors.backgroundDeep} 100%)`,
  display: 'flex',
  flexDirection: 'column',
  padding: `${size(4.5)} ${size(7, 5)}`,
  gap: size(3),
  boxSizing: 'border-box',
};

/**
 * 公开显示屏: the wall screen or projector in the hearing room. Shows only the
 * display view, which the core strips of anything not meant for everyone in
 * the room (a non-public hearing has no title and masked names). Nothing to
 * click: it follows the clerk's console by itself.
 */
export function PublicDisplay({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('procedure');
  const { data: view, error, reload } = useDisplay(hearingId);
  useDocumentTitle(t('display.documentTitle'));

  // A wall screen has no one to press "retry": keep trying until the host answers again.
  useEffect(() => {
    if (!error) return;
    const timer = window.setTimeout(reload, retryMs);
    return () => window.clearTimeout(timer);
  }, [error, reload]);

  if (!view) {
    return (
      <div style={{ ...frame, alignItems: 'center', justifyContent: 'center' }} aria-label={t('display.label')}>
        {error && <div style={{ fontSize: size(3.6), color: colors.soft }}>{t('display.unavailable')}</div>}
      </div>
    );
  }

  const inSession = view.state === 'inProgress';
  // The core leaves the exhibit out while the panel deliberates; the check here keeps the wall right whatever it sends.
  const exhibit = view.state === 'deliberating' ? null : view.exhibit;
  // Once announced, the conclusion stays on the wall while the sitting goes on and nobody has the floor (复会, reading back).
  const announcement = view.announcement && !exhibit && !view.speaker && (view.state === 'deliberating' || inSession) ? view.announcement : null;
  return (
    <div style={frame} aria-label={t('display.label')}>
      <Header view={view} />
      <main style={{ flex: 1, minHeight: 0, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        {exhibit ? (
          <ExhibitShown exhibit={exhibit} />
        ) : announcement ? (
          <AnnouncementShown announcement={announcement} />
        ) : inSession ? (
          <InSession view={view} />
        ) : (
          <StateNotice view={view} />
        )}
      </main>
      {inSession && <StepProgress view={view} />}
    </div>
  );
}
