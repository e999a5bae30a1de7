import { extname } from 'node:path';

/** How many leading bytes `mediaTypeOf` looks at; the store keeps that many from every import. */
export const magicBytesLength = 4096;

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pptx = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** By extension, for files whose first bytes say nothing recognisable. Nothing here is rendered as markup (no HTML, no SVG). */
const byExtension: Record<string, string> = {
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.ogv': 'video/ogg',
  '.webm': 'video/webm',
  '.docx': docx,
  '.xlsx': xlsx,
  '.pptx': pptx,
  '.zip': 'application/zip',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.ppt': 'application/vnd.ms-powerpoint',
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

function contains(bytes: Uint8Array, text: string, within: number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, within)).includes(text, 0, 'latin1');
}

/** ISO base media (MP4, MOV, M4A, HEIC…): "ftyp" at offset 4, then the major brand. */
function isoMediaType(bytes: Uint8Array, extension: string): string | null {
  if (!startsWith(bytes, ascii('ftyp'), 4) || bytes.length < 12) return null;
  const brand = Buffer.from(bytes.subarray(8, 12)).toString('latin1');
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  if (brand.startsWith('3g')) return 'video/3gpp';
  return extension === '.m4a' ? 'audio/mp4' : 'video/mp4';
}

/** An MPEG audio frame header: 11 sync bits, a layer, and neither a "bad" bitrate nor a reserved sample rate. */
function isMpegAudioFrame(bytes: Uint8Array): boolean {
  const [first, second, third] = [bytes[0], bytes[1], bytes[2]];
  if (first !== 0xff || second === undefined || third === undefined) return false;
  const layer = (second >> 1) & 0b11;
  const version = (second >> 3) & 0b11;
  return (second & 0xe0) === 0xe0 && layer !== 0 && version !== 0b01 && third >> 4 !== 0b1111 && ((third >> 2) & 0b11) !== 0b11;
}

function zipMediaType(extension: string): string {
  if (extension === '.docx') return docx;
  if (extension === '.xlsx') return xlsx;
  if (extension === '.pptx') return pptx;
  return 'application/zip';
}

/**
 * The media type of a file, to choose how to preview it: from its first bytes
 * where they are recognisable, else from the extension of its name. It is
 * never trusted for security; the store serves files by hash whatever this says.
 */
export function mediaTypeOf(name: string, firstBytes: Uint8Array): string {
  const extension = extname(name).toLowerCase();
  const bytes = firstBytes;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WAVE'), 8)) return 'audio/wav';
  // Readers accept "%PDF-" anywhere in the first kilobyte.
  if (contains(bytes, '%PDF-', 1024)) return 'application/pdf';
  const iso = isoMediaType(bytes, extension);
  if (iso) return iso;
  if (startsWith(bytes, ascii('ID3')) || isMpegAudioFrame(bytes)) return 'audio/mpeg';
  if (startsWith(bytes, ascii('OggS'))) return extension === '.ogv' ? 'video/ogg' : 'audio/ogg';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return contains(bytes, 'webm', 64) ? 'video/webm' : 'video/x-matroska';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipMediaType(extension);
  return byExtension[extension] ?? 'application/octet-stream';
}
