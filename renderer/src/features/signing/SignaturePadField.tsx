import { ClearOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import SignaturePad, { type PointGroup } from 'signature_pad';
import type { SignaturePoint } from '../../../../electron/core/contract/index.js';

export interface DrawnSignature {
  /** The PNG without its data-URL prefix, as the contract takes it. */
  imageBase64: string;
  strokes: { points: SignaturePoint[] }[];
}

export interface SignaturePadHandle {
  /** The signature as drawn, or null while the pad is empty. */
  read: () => DrawnSignature | null;
}

const padHeight = 240;
const pngPrefix = 'data:image/png;base64,';

function strokesOf(groups: readonly PointGroup[]): DrawnSignature['strokes'] {
  return groups.map((group) => ({
    points: group.points.map((point) => ({
      x: Math.round(point.x * 100) / 100,
      y: Math.round(point.y * 100) / 100,
      time: Math.round(point.time),
      // Mice report no pressure and some pens report beyond 1: the contract takes 0..1.
      pressure: Math.min(1, Math.max(0, point.pressure)),
    })),
  }));
}

/**
 * 签名板: a canvas the signer draws on with mouse, finger or pen
 * (signature_pad listens to pointer events), sized for the screen's pixel
 * ratio so the strokes stay sharp, with 撤销一笔 and 清除.
 */
export function SignaturePadField({ ref, onChange }: { ref: Ref<SignaturePadHandle>; onChange: (empty: boolean) => void }) {
  const { t } = useTranslation('signing');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(true);
  // The pad's listener outlives renders; it reaches the latest callback through this.
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePad(canvas, { penColor: '#10204a', minWidth: 1.2, maxWidth: 3.4 });
    padRef.current = pad;
    const report = () => {
      setEmpty(pad.isEmpty());
      onChangeRef.current(pad.isEmpty());
    };
    const fit = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const width = Math.round(canvas.offsetWidth * ratio);
      const height = Math.round(canvas.offsetHeight * ratio);
      if (width === 0 || (canvas.width === width && canvas.height === height)) return;
      const drawn = pad.toData();
      canvas.width = width;
      canvas.height = height;
      canvas.getContext('2d')?.scale(ratio, ratio);
      // Resizing wipes the canvas: the strokes are drawn again rather than a signature lost to a turned tablet.
      pad.fromData(drawn);
      report();
    };
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    window.addEventListener('resize', fit);
    pad.addEventListener('endStroke', report);
    fit();
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = null;
    };
  }, []);

  useImperativeHandle(
    ref,
    () => ({
      read: () => {
        const pad = padRef.current;
        if (!pad || pad.isEmpty()) return null;
        return { imageBase64: pad.toDataURL('image/png').slice(pngPrefix.length), strokes: strokesOf(pad.toData()) };
      },
    }),
    [],
  );

  function redraw(groups: PointGroup[]) {
    const pad = padRef.current;
    if (!pad) return;
    pad.fromData(groups);
    setEmpty(pad.isEmpty());
    onChange(pad.isEmpty());
  }

  return (
    <Flex vertical gap={8}>
      <div style={{ position: 'relative', width: '100%' }}>
        <canvas
          ref={canvasRef}
          data-testid="signature-pad"
          aria-label={t('pad.label')}
          style={{
            display: 'block',
            width: '100%',
            height: padHeight,
            border: '2px dashed #9fb0c8',
            borderRadius: 10,
            background: '#fcfdff',
            cursor: 'crosshair',
            touchAction: 'none',
          }}
        />
        {/* The signature line, as on the paper form; under the ink, never in the image. */}
        <div aria-hidden style={{ position: 'absolute', left: 32, right: 32, bottom: 56, borderBottom: '1px solid #c9d3e1', pointerEvents: 'none' }} />
        {empty && (
          <div
            aria-hidden
            style={{
              position: 'absolute',
              inset: 0,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontSize: 22,
              color: '#a3b0c2',
              letterSpacing: 4,
              pointerEvents: 'none',
              userSelect: 'none',
            }}
          >
            {t('pad.placeholder')}
          </div>
        )}
      </div>
      <Flex gap={8} justify="flex-end">
        <Button icon={<UndoOutlined />} disabled={empty} onClick={() => redraw((padRef.current?.toData() ?? []).slice(0, -1))}>
          {t('pad.undo')}
        </Button>
        <Button icon={<ClearOutlined />} disabled={empty} onClick={() => redraw([])}>
          {t('pad.clear')}
        </Button>
      </Flex>
    </Flex>
  );
}
