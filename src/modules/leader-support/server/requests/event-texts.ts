import type { Localised } from '../../leader-support.schemas.js';

const statusNb: Record<string, string> = {
  new: 'ny',
  in_progress: 'under arbeid',
  waiting: 'venter på innmelder',
  resolved: 'løst',
  closed: 'lukket',
  deleted: 'slettet',
};
const statusEn: Record<string, string> = {
  new: 'new',
  in_progress: 'in progress',
  waiting: 'waiting for the requester',
  resolved: 'resolved',
  closed: 'closed',
  deleted: 'deleted',
};
const priorityNb: Record<string, string> = { low: 'lav', normal: 'normal', high: 'høy', urgent: 'haster' };
const channelNb: Record<string, string> = { portal: 'digitalt', phone: 'på telefon', email: 'på e-post' };
const channelEn: Record<string, string> = { portal: 'digitally', phone: 'by phone', email: 'by e-mail' };

/** One line of a request's history, in both languages. */
export function describeEvent(type: string, data: Record<string, unknown>): Localised {
  const s = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  const n = (key: string) => (typeof data[key] === 'number' ? (data[key] as number) : 0);
  switch (type) {
    case 'created':
      return data.parentId
        ? { nb: `Opprettet som delsak for ${s('groupName')}`, en: `Created as a child request for ${s('groupName')}` }
        : {
            nb: `Sendt inn ${channelNb[s('channel')] ?? ''}${data.onBehalf ? ' (registrert av 1.linjen)' : ''}`,
            en: `Submitted ${channelEn[s('channel')] ?? ''}${data.onBehalf ? ' (registered by the first line)' : ''}`,
          };
    case 'taken':
      return { nb: `Tatt av ${s('assigneeName')}`, en: `Taken by ${s('assigneeName')}` };
    case 'assigned':
      return data.assigneeName
        ? { nb: `Fordelt til ${s('assigneeName')}`, en: `Assigned to ${s('assigneeName')}` }
        : { nb: 'Fordeling fjernet', en: 'Unassigned' };
    case 'status':
      return { nb: `Status: ${statusNb[s('to')] ?? s('to')}`, en: `Status: ${statusEn[s('to')] ?? s('to')}` };
    case 'priority':
      return data.reason === 'sla_breach'
        ? {
            nb: `Prioritet hevet til ${priorityNb[s('to')] ?? s('to')} etter brudd på frist`,
            en: `Priority raised to ${s('to')} after a breached deadline`,
          }
        : { nb: `Prioritet: ${priorityNb[s('to')] ?? s('to')}`, en: `Priority: ${s('to')}` };
    case 'escalated':
      return {
        nb: `Eskalert til ${s('groupName')} (2. linje): ${s('reason')}`,
        en: `Escalated to ${s('groupName')} (second line): ${s('reason')}`,
      };
    case 'third_line':
      return {
        nb: `Sendt til 3. linje, ${s('kind') === 'internal' ? 'intern' : 'ekstern'}: ${s('party')}`,
        en: `Sent to the third line, ${s('kind')}: ${s('party')}`,
      };
    case 'replied':
      return data.fromRequester
        ? { nb: 'Innmelder svarte', en: 'The requester replied' }
        : { nb: 'Svar sendt til innmelder', en: 'Reply sent to the requester' };
    case 'noted':
      return { nb: 'Internt notat', en: 'Internal note' };
    case 'attached':
      return { nb: `Vedlegg lagt til: ${s('fileName')}`, en: `Attachment added: ${s('fileName')}` };
    case 'resolved':
      return { nb: 'Løst', en: 'Resolved' };
    case 'closed':
      return data.selfService
        ? {
            nb: `Lukket: løst med artikkelen «${s('articleTitle')}» (selvbetjening)`,
            en: `Closed: solved by the article "${s('articleTitle')}" (self-service)`,
          }
        : { nb: 'Lukket', en: 'Closed' };
    case 'reopened':
      return { nb: 'Gjenåpnet', en: 'Reopened' };
    case 'deleted':
      return { nb: 'Slettet', en: 'Deleted' };
    case 'rated':
      return { nb: `Vurdert til ${n('score')} av 5`, en: `Rated ${n('score')} out of 5` };
    case 'linked':
      return { nb: `Koblet til LS-${n('number')}`, en: `Linked to LS-${n('number')}` };
    case 'child_created':
      return {
        nb: `Delsak LS-${n('number')} opprettet for ${s('groupName')}`,
        en: `Child request LS-${n('number')} created for ${s('groupName')}`,
      };
    case 'time_logged':
      return { nb: `${n('minutes')} minutter ført (${n('line')}. linje)`, en: `${n('minutes')} minutes logged (line ${n('line')})` };
    case 'master_data_applied':
      return { nb: 'Godkjent: organisasjonen er oppdatert med ny leder', en: 'Approved: the organisation is updated with the new leader' };
    case 'article_linked':
      return { nb: `Artikkel koblet til: ${s('title')}`, en: `Article linked: ${s('title')}` };
    case 'sla_warning':
      return { nb: 'Varsel: fristen for løsning nærmer seg', en: 'Warning: the resolution deadline is near' };
    case 'sla_breach':
      return s('clock') === 'response'
        ? { nb: 'Fristen for første svar er overskredet', en: 'The first-response deadline was breached' }
        : { nb: 'Fristen for løsning er overskredet', en: 'The resolution deadline was breached' };
    default:
      return { nb: type, en: type };
  }
}
