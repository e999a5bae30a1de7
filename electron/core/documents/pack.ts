import { Packer, type Document } from 'docx';
import { fontTableXml } from './typography.js';

/**
 * Same data, same bytes. `docx` stamps two things with the clock: the
 * package's `dcterms:created`/`modified` (docProps/core.xml) and every zip
 * entry's DOS date and time. The first is replaced through `Packer`'s
 * overrides, the second patched in the finished zip; nothing else in its
 * output varies between runs (the test builds twice and compares).
 */

export interface PackOptions {
  /** The package's created/modified time, ISO 8601 UTC (`2026-12-08T00:00:00Z`): derived from the data, never the clock. */
  timestamp: string;
  title?: string;
  creator?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function corePropertiesXml({ timestamp, title, creator }: PackOptions): string {
  const when = new Date(timestamp);
  if (Number.isNaN(when.getTime())) throw new RangeError(`not a timestamp: ${timestamp}`);
  const stamp = when.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (title ? `<dc:title>${escapeXml(title)}</dc:title>` : '') +
    (creator ? `<dc:creator>${escapeXml(creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(creator)}</cp:lastModifiedBy>` : '') +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** 1980-01-01 00:00, the first moment a zip's DOS date can hold. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Sets every entry's modification date and time, in the central directory and
 * in each local header, to a fixed value. Walks the zip by its structure (end
 * record → central directory → local headers), never by searching for
 * signatures in compressed data.
 */
export function fixZipTimestamps(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  let eocd = -1;
  for (let at = out.length - 22; at >= Math.max(0, out.length - 22 - 0xffff); at -= 1) {
    if (out.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file: no end of central directory');
  const count = out.readUInt16LE(eocd + 10);
  let at = out.readUInt32LE(eocd + 16);
  for (let index = 0; index < count; index += 1) {
    if (out.readUInt32LE(at) !== CENTRAL) throw new Error('not a zip file: broken central directory');
    out.writeUInt16LE(DOS_TIME, at + 12);
    out.writeUInt16LE(DOS_DATE, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL) throw new Error('not a zip file: broken local header');
    out.writeUInt16LE(DOS_TIME, local + 10);
    out.writeUInt16LE(DOS_DATE, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

/** The .docx bytes of a document, with the app's font table and fixed timestamps. */
export async function packDocument(document: Document, options: PackOptions): Promise<Buffer> {
  const zip = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: corePropertiesXml(options) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return fixZipTimestamps(zip);
}
