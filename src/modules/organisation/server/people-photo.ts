import { createHash } from 'node:crypto';

// A person's photo as the HR feed delivers it: the type is read from the bytes (never from the file
// name), only JPEG, PNG and WebP are taken, and what the file says about itself besides the picture
// (EXIF with GPS and camera, XMP, IPTC, comments, text chunks) is removed before it is stored. The
// picture itself is not re-encoded (no image library: docs/hr-feed.md «Bilder»). Pure.

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';

/** Larger than any portrait an HR system keeps; a bigger file is refused, not shrunk. */
export const photoMaxBytes = 2 * 1024 * 1024;

export interface CleanPhoto {
  contentType: PhotoType;
  bytes: Uint8Array;
  sha256: string;
}

export type PhotoRefusal = 'too_large' | 'not_image' | 'damaged';

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (bytes: Uint8Array, at: number, length: number) => String.fromCharCode(...bytes.subarray(at, at + length));

/** The type the bytes say they are, or null for anything but JPEG, PNG and WebP. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  return null;
}

/** The photo checked and without its metadata, or why it is refused. */
export function cleanPhoto(bytes: Uint8Array): CleanPhoto | { refused: PhotoRefusal } {
  if (bytes.length > photoMaxBytes) return { refused: 'too_large' };
  const contentType = photoTypeOf(bytes);
  if (!contentType) return { refused: 'not_image' };
  const stripped = contentType === 'image/jpeg' ? stripJpeg(bytes) : contentType === 'image/png' ? stripPng(bytes) : stripWebp(bytes);
  if (!stripped) return { refused: 'damaged' };
  return { contentType, bytes: stripped, sha256: createHash('sha256').update(stripped).digest('hex') };
}

// JPEG: segments up to the start of scan. Kept: APP0 (JFIF), APP2 (the colour profile), APP14
// (Adobe's colour transform) and every segment the decoder needs; dropped: APP1 (EXIF, XMP), APP3–13
// (APP13 is IPTC), APP15 and comments. EXIF's orientation goes with it; HR portraits are upright.
const keptApp = new Set([0xe0, 0xe2, 0xee]);

function stripJpeg(bytes: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return null;
    const end = at + 2 + length;
    if (marker === 0xda) {
      // Start of scan: the picture itself, to the end.
      parts.push(bytes.subarray(at));
      return concat(parts);
    }
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if ((!isApp || keptApp.has(marker)) && marker !== 0xfe) parts.push(bytes.subarray(at, end));
    at = end;
  }
  return null;
}

// PNG: chunks; the text chunks, EXIF and the time stamp are dropped, the rest (picture, palette,
// colour) kept as they are with their checksums.
const droppedPngChunks = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

function stripPng(bytes: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = readUint32(bytes, at, false);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) return null;
    if (!droppedPngChunks.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
    if (type === 'IEND') return concat(parts);
  }
  return null;
}

// WebP: RIFF chunks; EXIF and XMP dropped, their flags cleared in VP8X and the RIFF size set again.
function stripWebp(bytes: Uint8Array): Uint8Array | null {
  const declared = readUint32(bytes, 4, true) + 8;
  if (declared > bytes.length || declared < 12) return null;
  const parts: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= declared) {
    const type = ascii(bytes, at, 4);
    const length = readUint32(bytes, at + 4, true);
    const end = at + 8 + length + (length % 2);
    if (at + 8 + length > declared) return null;
    if (type === 'VP8X') {
      const chunk = bytes.slice(at, Math.min(end, declared));
      chunk[8] = chunk[8]! & ~0x0c; // the EXIF (0x08) and XMP (0x04) flags
      parts.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') parts.push(bytes.subarray(at, Math.min(end, declared)));
    at = end;
  }
  const body = concat(parts);
  const out = new Uint8Array(12 + body.length);
  out.set(bytes.subarray(0, 12));
  new DataView(out.buffer).setUint32(4, 4 + body.length, true);
  out.set(body, 12);
  return out;
}

function readUint32(bytes: Uint8Array, at: number, littleEndian: boolean): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at, littleEndian);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
