import { createHash } from 'node:crypto';
import { AppError, assertSafeName, can, type WriteContext } from '../../../../kernel/index.js';
import type { LeaderSupportDb, Visibility } from '../leader-support.tables.js';
import { auditRequest, conflict, forbidden, label, mustBeSignedIn, writeEvent, type RequestRow } from './shared.js';

export const attachmentMaxBytes = 10 * 1024 * 1024;

// What may be attached, by file name ending, and what the content must start with. A file whose
// content does not match its name (a disguised program) is refused; files are stored and only ever
// served as downloads, never shown inline or run.
const zip = [0x50, 0x4b, 0x03, 0x04];
const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const allowed: Record<string, { mediaType: string; magic: number[][] | 'text' }> = {
  pdf: { mediaType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  png: { mediaType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  jpg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  gif: { mediaType: 'image/gif', magic: [[0x47, 0x49, 0x46, 0x38]] },
  txt: { mediaType: 'text/plain', magic: 'text' },
  csv: { mediaType: 'text/csv', magic: 'text' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: [zip] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: [zip] },
  pptx: { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', magic: [zip] },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: [zip] },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', magic: [zip] },
  doc: { mediaType: 'application/msword', magic: [ole] },
  xls: { mediaType: 'application/vnd.ms-excel', magic: [ole] },
  msg: { mediaType: 'application/vnd.ms-outlook', magic: [ole] },
};
export const allowedEndings = Object.keys(allowed);

const startsWith = (content: Buffer, magic: number[]) => magic.every((byte, i) => content[i] === byte);

/** Text: valid UTF-8 without NUL bytes. */
function isText(content: Buffer): boolean {
  if (content.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return true;
  } catch {
    return false;
  }
}

/** The media type of an allowed file whose content matches its name; null when it is not allowed or disguised. */
export function checkFile(fileName: string, content: Buffer): { mediaType: string } | { refused: 'type' | 'disguised' } {
  const ending = /\.([a-z0-9]{1,5})$/i.exec(fileName)?.[1]?.toLowerCase();
  const rule = ending ? allowed[ending] : undefined;
  if (!rule) return { refused: 'type' };
  const matches = rule.magic === 'text' ? isText(content) : rule.magic.some((m) => startsWith(content, m));
  return matches ? { mediaType: rule.mediaType } : { refused: 'disguised' };
}

/** A file name safe to store and to send back in a header: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
}

export async function addAttachment(
  db: LeaderSupportDb,
  context: WriteContext,
  row: RequestRow,
  input: { fileName: string; content: Buffer; visibility: Visibility },
): Promise<{ id: string }> {
  const actor = mustBeSignedIn(context);
  if (input.visibility === 'internal' && !(await can(actor, 'leader_support:handle'))) {
    throw forbidden('Bare agenter kan legge ved interne vedlegg.', 'Only agents may add internal attachments.');
  }
  if (row.status === 'closed' || row.status === 'deleted') {
    throw conflict(`${label(row)} er lukket; vedlegg kan ikke legges til.`, `${label(row)} is closed; attachments cannot be added.`);
  }
  // The HTTP layer refuses these already; checked again here because this is where the name is kept.
  assertSafeName(input.fileName, { in: 'querystring', path: 'fileName' });
  const fileName = cleanFileName(input.fileName);
  if (!fileName) throw new AppError('invalid', { message: { nb: 'Filen mangler navn.', en: 'The file has no name.' } });
  if (input.content.length === 0) throw new AppError('invalid', { message: { nb: 'Filen er tom.', en: 'The file is empty.' } });
  if (input.content.length > attachmentMaxBytes) {
    throw new AppError('payload_too_large', {
      message: {
        nb: 'Filen er for stor. Vedlegg kan være på høyst 10 MB.',
        en: 'The file is too large. Attachments may be at most 10 MB.',
      },
    });
  }
  const checked = checkFile(fileName, input.content);
  if ('refused' in checked) {
    throw new AppError('unsupported_media_type', {
      message:
        checked.refused === 'type'
          ? {
              nb: `Filtypen kan ikke legges ved. Tillatt: ${allowedEndings.join(', ')}.`,
              en: `This file type cannot be attached. Allowed: ${allowedEndings.join(', ')}.`,
            }
          : {
              nb: 'Innholdet i filen stemmer ikke med filtypen i navnet, så den avvises.',
              en: 'The content of the file does not match the file type in its name, so it is refused.',
            },
      details: { fileName },
    });
  }
  return db.transaction().execute(async (trx) => {
    const attachment = await trx
      .insertInto('ls_attachments')
      .values({
        request_id: row.id,
        file_name: fileName,
        media_type: checked.mediaType,
        size: input.content.length,
        sha256: createHash('sha256').update(input.content).digest('hex'),
        content: input.content,
        visibility: input.visibility,
        uploaded_by_user_id: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeEvent(trx, context, row.id, input.visibility === 'internal' ? 'noted' : 'attached', {
      attachmentId: attachment.id,
      fileName,
    });
    await auditRequest(trx, context, row.id, 'attach', { after: { attachmentId: attachment.id, fileName, size: input.content.length } });
    return { id: attachment.id };
  });
}
