import { z } from 'zod';
import { query, returns } from './define.js';

/** The read-only follow view on the room's network, as the clerk's screen shows it. */
export interface LanInfo {
  enabled: boolean;
  /** The address to open on another screen, access token included; null when the view is off. */
  url: string | null;
  /** A QR code of `url`, as SVG markup, for a phone or tablet to scan. */
  qrSvg: string | null;
}

export const lanMethods = {
  'lan.info': query(z.object({}).strict(), returns<LanInfo>(), 'Whether the room network may follow this hearing, and how to connect.'),
} as const;
