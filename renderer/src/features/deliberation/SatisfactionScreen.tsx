import { ArrowLeftOutlined, HeartFilled, LoadingOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptances, type Acceptance, type AppErrorData } from '../../../../electron/core/contract/index.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLanguage } from '../../components/useLanguage.js';
import { useDocumentTitle } from '../procedure/ChairView.js';
import { useDeliberation, useDeliberationCall } from './useDeliberation.js';

/** Calm and plain: the office's blue bar, white cards, large type for a reader who may not use computers. */
const palette = {
  page: '#eef1f6',
  bar: '#17376e',
  card: '#ffffff',
  border: '#c9d3e3',
  text: '#1c2733',
  muted: '#5b6776',
  accent: '#1f4e9c',
};

const retryMs = 5000;

type Step = { kind: 'rate' } | { kind: 'reason'; rating: string } | { kind: 'accept'; rating: string | null; reason: string } | { kind: 'thanks' };

/** One big answer: every choice the same size and colour, so none is suggested. */
function BigChoice({ children, onClick, disabled, testId }: { children: ReactNode; onClick: () => void; disabled?: boolean; testId?: string }) {
  const [hover, setHover] = useState(false);
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={disabled}
      onClick={onClick}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      style={{
        flex: '1 1 0',
        minWidth: 220,
        minHeight: 150,
        padding: '24px 16px',
        fontSize: 40,
        fontWeight: 700,
        letterSpacing: '0.06em',
        color: hover ? '#fff' : palette.accent,
        background: hover ? palette.accent : palette.card,
        border: `3px solid ${palette.accent}`,
        borderRadius: 20,
        cursor: disabled ? 'wait' : 'pointer',
        boxShadow: '0 4px 14px rgba(23,55,110,0.12)',
        transition: 'background 120ms, color 120ms',
        fontFamily: 'inherit',
      }}
    >
      {children}
    </button>
  );
}

function SmallButton({ children, onClick, primary }: { children: ReactNode; onClick: () => void; primary?: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      style={{
        padding: '14px 36px',
        fontSize: 24,
        borderRadius: 12,
        border: `2px solid ${primary ? palette.accent : palette.border}`,
        background: primary ? palette.accent : palette.card,
        color: primary ? '#fff' : palette.muted,
        cursor: 'pointer',
        fontFamily: 'inherit',
      }}
    >
      {children}
    </button>
  );
}

const question: CSSProperties = { margin: 0, fontSize: 44, fontWeight: 700, lineHeight: 1.35, color: palette.text, textAlign: 'center' };
const help: CSSProperties = { margin: 0, fontSize: 24, color: palette.muted, textAlign: 'center' };

/**
 * 满意度评价 on the petitioner's own screen: the scale as three big buttons,
 * the reason where the answer needs one, whether they accept the conclusion,
 * then thanks. Nothing is chosen for them.
 */
export function SatisfactionScreen({ hearingId }: { hearingId: string }) {
  const { t } = useTranslation('deliberation');
  const language = useLanguage();
  const call = useDeliberationCall();
  const { data: view, error: loadError, reload } = useDeliberation(hearingId);
  const [step, setStep] = useState<Step>({ kind: 'rate' });
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorData>();
  useDocumentTitle(t('screen.documentTitle'));

  useEffect(() => {
    if (!loadError) return;
    const timer = window.setTimeout(reload, retryMs);
    return () => window.clearTimeout(timer);
  }, [loadError, reload]);

  function rate(rating: string | null) {
    setError(undefined);
    const level = view?.satisfactionScale.find((candidate) => candidate.id === rating);
    if (rating !== null && level?.needsReason) {
      setStep({ kind: 'reason', rating });
      return;
    }
    setStep({ kind: 'accept', rating, reason: '' });
  }

  async function submit(rating: string | null, given: string, acceptsConclusion: Acceptance) {
    setSaving(true);
    setError(undefined);
    const saved = await call('satisfaction.record', { hearingId, rating, reason: given, enteredBy: 'petitioner', acceptsConclusion }, setError);
    setSaving(false);
    if (saved) {
      setReason('');
      setStep({ kind: 'thanks' });
    }
  }

  let body: ReactNode;
  if (!view) {
    body = <p style={help}>{loadError ? t('screen.unavailable') : <LoadingOutlined />}</p>;
  } else if (!view.announcement) {
    body = <p style={{ ...help, fontSize: 32 }}>{t('screen.notYet')}</p>;
  } else if (step.kind === 'rate') {
    body = (
      <>
        <h1 style={question} data-testid="rate-question">
          {t('screen.rateQuestion')}
        </h1>
        <p style={help}>{t('screen.rateHelp')}</p>
        <div style={{ display: 'flex', gap: 28, width: '100%', flexWrap: 'wrap' }} role="group" aria-label={t('screen.rateQuestion')}>
          {view.satisfactionScale.map((level) => (
            <BigChoice key={level.id} testId={`rate-${level.id}`} onClick={() => rate(level.id)}>
              {level.name[language]}
            </BigChoice>
          ))}
        </div>
        <SmallButton onClick={() => rate(null)}>{t('screen.decline')}</SmallButton>
      </>
    );
  } else if (step.kind === 'reason') {
    body = (
      <>
        <h1 style={question}>{t('screen.reasonQuestion')}</h1>
        <p style={help}>{t('screen.reasonHelp')}</p>
        <Input.TextArea
          aria-label={t('screen.reasonQuestion')}
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={1000}
          placeholder={t('screen.reasonPlaceholder')}
          autoSize={{ minRows: 4, maxRows: 8 }}
          style={{ fontSize: 28, lineHeight: 1.6, padding: 20, borderRadius: 14, borderWidth: 2 }}
        />
        <div style={{ display: 'flex', gap: 20 }}>
          <SmallButton onClick={() => setStep({ kind: 'rate' })}>
            <ArrowLeftOutlined /> {t('screen.back')}
          </SmallButton>
          {reason.trim() !== '' && (
            <SmallButton primary onClick={() => setStep({ kind: 'accept', rating: step.rating, reason: reason.trim() })}>
              {t('screen.next')}
            </SmallButton>
          )}
        </div>
      </>
    );
  } else if (step.kind === 'accept') {
    body = (
      <>
        <section
          style={{
            width: '100%',
            padding: '20px 28px',
            background: palette.card,
            border: `1px solid ${palette.border}`,
            borderRadius: 14,
            boxSizing: 'border-box',
          }}
        >
          <div style={{ fontSize: 20, color: palette.muted, marginBottom: 8 }}>{t('screen.conclusion')}</div>
          <div style={{ fontSize: 22, lineHeight: 1.7, color: palette.text }} data-testid="screen-conclusion">
            {view.announcement.text}
          </div>
        </section>
        <h1 style={question}>{t('screen.acceptQuestion')}</h1>
        <div style={{ display: 'flex', gap: 28, width: '100%', flexWrap: 'wrap' }} role="group" aria-label={t('screen.acceptQuestion')}>
          {acceptances.map((value) => (
            <BigChoice key={value} testId={`accept-${value}`} disabled={saving} onClick={() => void submit(step.rating, step.reason, value)}>
              {t(`satisfaction.acceptance.${value}`)}
            </BigChoice>
          ))}
        </div>
        {error && (
          <div style={{ width: '100%' }}>
            <ErrorAlert error={error} />
          </div>
        )}
        <SmallButton
          onClick={() =>
            setStep(
              step.rating && view.satisfactionScale.find((level) => level.id === step.rating)?.needsReason
                ? { kind: 'reason', rating: step.rating }
                : { kind: 'rate' },
            )
          }
        >
          <ArrowLeftOutlined /> {t('screen.back')}
        </SmallButton>
      </>
    );
  } else {
    body = (
      <>
        <HeartFilled style={{ fontSize: 96, color: '#d4380d' }} />
        <h1 style={{ ...question, fontSize: 64 }} data-testid="thanks">
          {t('screen.thanks')}
        </h1>
        <p style={{ ...help, fontSize: 30 }}>{t('screen.thanksHelp')}</p>
      </>
    );
  }

  return (
    <div style={{ position: 'fixed', inset: 0, display: 'flex', flexDirection: 'column', background: palette.page, color: palette.text, overflow: 'auto' }}>
      <header style={{ background: palette.bar, color: '#fff', padding: '20px 40px', fontSize: 28, fontWeight: 700, letterSpacing: '0.12em' }}>
        {t('screen.heading')}
      </header>
      <main
        style={{
          flex: 1,
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          gap: 36,
          padding: '40px 64px',
          maxWidth: 1180,
          width: '100%',
          margin: '0 auto',
          boxSizing: 'border-box',
        }}
      >
        {body}
      </main>
    </div>
  );
}
