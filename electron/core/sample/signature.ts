import { createHash } from 'node:crypto';
import type { SignaturePoint } from '../contract/index.js';
import { grayscalePng } from './png.js';
import { seededRandom } from './random.js';

export interface Stroke {
  points: SignaturePoint[];
}

const width = 360;
const height = 120;
/** One character's box on the pad: signatures run left to right, slightly larger than print. */
const cell = { width: 96, height: 84, left: 24, top: 18 };

/** The name hashed into the generator's 32-bit seed: the same name always draws the same signature. */
function random(seed: string): () => number {
  return seededRandom(createHash('sha256').update(seed).digest().readUInt32LE(0));
}

/** 横, 竖, 撇, 捺, 点 as start and end in the cell (0–1), bent a little towards `bend`. */
const shapes: ReadonlyArray<readonly [number, number, number, number, number]> = [
  [0.1, 0.35, 0.9, 0.3, -0.08],
  [0.5, 0.08, 0.48, 0.92, 0.06],
  [0.6, 0.15, 0.12, 0.8, 0.12],
  [0.35, 0.4, 0.95, 0.9, -0.1],
  [0.4, 0.1, 0.52, 0.25, 0.04],
];

/**
 * A pen path for a name, as signature_pad records it: a few strokes per
 * character, each a gently curved run of points 12–20 ms apart, with the
 * pauses a hand makes between strokes. `startMs` is when the pen first
 * touched the pad.
 */
export function signatureStrokes(signer: string, startMs: number): Stroke[] {
  const next = random(signer);
  const strokes: Stroke[] = [];
  let time = startMs;
  Array.from(signer).forEach((_, index) => {
    const left = cell.left + index * cell.width * 0.9;
    const slant = (next() - 0.5) * 0.2;
    const count = 3 + Math.floor(next() * 3);
    for (let stroke = 0; stroke < count; stroke += 1) {
      const [x0, y0, x1, y1, bend] = shapes[Math.floor(next() * shapes.length)]!;
      const jitter = () => (next() - 0.5) * 0.16;
      const from = { x: x0 + jitter(), y: y0 + jitter() };
      const to = { x: x1 + jitter(), y: y1 + jitter() };
      const steps = 10 + Math.floor(next() * 8);
      const points: SignaturePoint[] = [];
      for (let step = 0; step <= steps; step += 1) {
        const t = step / steps;
        const curve = Math.sin(Math.PI * t) * bend;
        const u = from.x + (to.x - from.x) * t + curve;
        const v = from.y + (to.y - from.y) * t - curve;
        points.push({
          x: Math.round((left + (u + slant * (1 - v)) * cell.width) * 10) / 10,
          y: Math.round((cell.top + v * cell.height) * 10) / 10,
          time: Math.round(time),
          // Pressure rises into the stroke and lifts at its end, as a pen does.
          pressure: Math.round((0.35 + 0.5 * Math.sin(Math.PI * Math.min(1, t * 1.2))) * 100) / 100,
        });
        time += 12 + next() * 8;
      }
      strokes.push({ points });
      time += 120 + next() * 200;
    }
  });
  return strokes;
}

/** The strokes as ink on white: an 8-bit grayscale PNG, lines thicker where the pen pressed harder. */
export function signaturePng(strokes: readonly Stroke[]): Buffer {
  const ink = new Uint8Array(width * height).fill(255);
  for (const { points } of strokes) {
    points.forEach((point, index) => {
      const from = points[Math.max(0, index - 1)]!;
      drawSegment(ink, from, point, 1 + 1.6 * (point.pressure ?? 0.5));
    });
  }
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    // Each row starts with its filter byte, 0 (none).
    rows.set(ink.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  return grayscalePng(width, height, rows);
}

function drawSegment(ink: Uint8Array, a: SignaturePoint, b: SignaturePoint, radius: number): void {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy || 1;
  const minX = Math.max(0, Math.floor(Math.min(a.x, b.x) - radius - 1));
  const maxX = Math.min(width - 1, Math.ceil(Math.max(a.x, b.x) + radius + 1));
  const minY = Math.max(0, Math.floor(Math.min(a.y, b.y) - radius - 1));
  const maxY = Math.min(height - 1, Math.ceil(Math.max(a.y, b.y) + radius + 1));
  for (let y = minY; y <= maxY; y += 1) {
    for (let x = minX; x <= maxX; x += 1) {
      const t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / lengthSquared));
      const distance = Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
      // A soft edge one pixel wide keeps the line from looking stair-stepped.
      const shade = Math.round(255 * Math.max(0, Math.min(1, distance - radius + 0.5)));
      const offset = y * width + x;
      ink[offset] = Math.min(ink[offset]!, shade);
    }
  }
}
