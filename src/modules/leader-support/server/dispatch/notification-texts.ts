// Who hears about a request event, and what they read (bokmål and English). Pure: the dispatcher
// feeds it the event, the request and the groups' members.

export interface Localised {
  nb: string;
  en: string;
}

export interface DispatchEvent {
  type: string;
  actorUserId: string | null;
  data: Record<string, unknown>;
}

export interface DispatchRequest {
  number: number;
  requesterUserId: string | null;
  assigneeUserId: string | null;
  groupId: string;
}

export type Audience = 'requester' | 'agent';

export interface Recipient {
  userId: string;
  audience: Audience;
  text: Localised;
}

const statusNames: Record<string, Localised> = {
  new: { nb: 'Ny', en: 'New' },
  in_progress: { nb: 'Under arbeid', en: 'In progress' },
  waiting: { nb: 'Venter på innmelder', en: 'Waiting for the requester' },
  resolved: { nb: 'Løst', en: 'Resolved' },
  closed: { nb: 'Lukket', en: 'Closed' },
  deleted: { nb: 'Slettet', en: 'Deleted' },
};
const priorityNames: Record<string, Localised> = {
  low: { nb: 'Lav', en: 'Low' },
  normal: { nb: 'Normal', en: 'Normal' },
  high: { nb: 'Høy', en: 'High' },
  urgent: { nb: 'Haster', en: 'Urgent' },
};
const lineNames: Record<string, Localised> = {
  '1': { nb: '1. linje', en: 'the first line' },
  '2': { nb: '2. linje', en: 'the second line' },
  '3': { nb: '3. linje', en: 'the third line' },
};

const name = (names: Record<string, Localised>, value: unknown): Localised => {
  const key = String(value ?? '');
  return names[key] ?? { nb: key, en: key };
};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Events the requester hears about: what they can see on their own request. Internal notes, priority,
 * time, links and service-level alarms are for agents only. A status change to resolved, closed or
 * deleted is told by its own event (resolved, closed, deleted), so it is not told twice.
 */
export function isPublicFor(event: DispatchEvent): boolean {
  switch (event.type) {
    case 'created':
    case 'taken':
    case 'assigned':
    case 'escalated':
    case 'third_line':
    case 'replied':
    case 'attached':
    case 'resolved':
    case 'closed':
    case 'reopened':
    case 'deleted':
    case 'master_data_applied':
      return true;
    case 'status':
      return !terminalStatus(event.data.to);
    default:
      return false;
  }
}

const terminalStatus = (status: unknown) => status === 'resolved' || status === 'closed' || status === 'deleted';

/** The text for one audience, or null when that audience is not told about this type. */
export function notificationText(event: DispatchEvent, number: number, audience: Audience): Localised | null {
  const ref = `LS-${number}`;
  const d = event.data;
  const same = (nb: string, en: string): Localised => ({ nb, en });
  switch (event.type) {
    case 'created':
      return same(`Henvendelse ${ref} er registrert`, `Request ${ref} has been registered`);
    case 'taken':
      return audience === 'requester'
        ? same(`Henvendelse ${ref} er tatt til behandling`, `Request ${ref} is being handled`)
        : same(`Du har tatt henvendelse ${ref}`, `You have taken request ${ref}`);
    case 'assigned':
      return audience === 'requester'
        ? same(`Henvendelse ${ref} er tatt til behandling`, `Request ${ref} is being handled`)
        : same(`Henvendelse ${ref} er tildelt deg`, `Request ${ref} has been assigned to you`);
    case 'status':
      return terminalStatus(d.to) ? null : statusText(ref, d.to);
    case 'priority': {
      if (audience === 'requester') return null;
      const from = name(priorityNames, d.from);
      const to = name(priorityNames, d.to);
      const becauseNb = d.reason === 'sla_breach' ? ' fordi fristen er passert' : '';
      const becauseEn = d.reason === 'sla_breach' ? ' because the deadline has passed' : '';
      return same(
        `Prioriteten på ${ref} er endret fra ${from.nb} til ${to.nb}${becauseNb}`,
        `The priority of ${ref} changed from ${from.en} to ${to.en}${becauseEn}`,
      );
    }
    case 'escalated': {
      const line = name(lineNames, d.toLine);
      if (audience === 'requester')
        return same(`Henvendelse ${ref} er sendt videre til ${line.nb}`, `Request ${ref} has been passed on to ${line.en}`);
      const group = str(d.groupName);
      return group
        ? same(`Henvendelse ${ref} er eskalert til ${group}`, `Request ${ref} has been escalated to ${group}`)
        : same(`Henvendelse ${ref} er eskalert til ${line.nb}`, `Request ${ref} has been escalated to ${line.en}`);
    }
    case 'third_line': {
      if (audience === 'requester')
        return same(`Henvendelse ${ref} er sendt videre til 3. linje`, `Request ${ref} has been passed on to the third line`);
      const party = str(d.party);
      return party
        ? same(`Henvendelse ${ref} er sendt til 3. linje: ${party}`, `Request ${ref} has been sent to the third line: ${party}`)
        : same(`Henvendelse ${ref} er sendt til 3. linje`, `Request ${ref} has been sent to the third line`);
    }
    case 'replied':
      return same(`Nytt svar på henvendelse ${ref}`, `New reply on request ${ref}`);
    case 'attached':
      return same(`Nytt vedlegg på henvendelse ${ref}`, `New attachment on request ${ref}`);
    case 'noted':
      return audience === 'agent' ? same(`Nytt internt notat på henvendelse ${ref}`, `New internal note on request ${ref}`) : null;
    case 'resolved':
      return same(`Henvendelse ${ref} er løst`, `Request ${ref} has been resolved`);
    case 'closed':
      return same(`Henvendelse ${ref} er lukket`, `Request ${ref} has been closed`);
    case 'reopened':
      return same(`Henvendelse ${ref} er åpnet igjen`, `Request ${ref} has been reopened`);
    case 'deleted':
      return same(`Henvendelse ${ref} er slettet`, `Request ${ref} has been deleted`);
    case 'rated':
      return audience === 'agent'
        ? same(`Henvendelse ${ref} fikk ${Number(d.score)} av 5 i tilbakemeldingen`, `Request ${ref} was rated ${Number(d.score)} out of 5`)
        : null;
    case 'master_data_applied':
      return same(
        `Endringen i henvendelse ${ref} er lagt inn i organisasjonen`,
        `The change in request ${ref} has been applied to the organisation`,
      );
    case 'sla_warning':
      return audience === 'agent'
        ? same(`Henvendelse ${ref} nærmer seg løsningsfristen`, `Request ${ref} is close to its resolution deadline`)
        : null;
    case 'sla_breach':
      if (audience === 'requester') return null;
      return d.clock === 'response'
        ? same(`Henvendelse ${ref} har passert svarfristen`, `Request ${ref} has passed its response deadline`)
        : same(`Henvendelse ${ref} har passert løsningsfristen`, `Request ${ref} has passed its resolution deadline`);
    default:
      // linked, child_created, time_logged, article_linked and types added later: history and webhooks only.
      return null;
  }
}

function statusText(ref: string, status: unknown): Localised {
  const to = name(statusNames, status);
  return { nb: `Henvendelse ${ref} har fått status «${to.nb}»`, en: `Request ${ref} now has the status "${to.en}"` };
}

/**
 * Who is told: the requester about public changes (never an internal note), the assignee about
 * everything worth telling, the members of the new group on an escalation, and the request's group on
 * a service-level breach (or a warning nobody is assigned to). Never the one who made the change.
 */
export function recipientsOf(
  event: DispatchEvent,
  request: DispatchRequest,
  groupMembers: (groupId: string) => readonly string[],
): Recipient[] {
  const chosen = new Map<string, Recipient>();
  const add = (userId: string | null, audience: Audience) => {
    if (!userId || userId === event.actorUserId || chosen.has(userId)) return;
    // An internal note is never told to the requester, whatever other role they have.
    if (event.type === 'noted' && userId === request.requesterUserId) return;
    const text = notificationText(event, request.number, audience);
    if (text) chosen.set(userId, { userId, audience, text });
  };

  // Agents first: a requester who also works the request reads the agents' text.
  add(request.assigneeUserId, 'agent');
  if (event.type === 'escalated' && typeof event.data.groupId === 'string') {
    for (const member of groupMembers(event.data.groupId)) add(member, 'agent');
  }
  if (event.type === 'sla_breach' || (event.type === 'sla_warning' && !request.assigneeUserId)) {
    for (const member of groupMembers(request.groupId)) add(member, 'agent');
  }
  if (isPublicFor(event)) add(request.requesterUserId, 'requester');
  return [...chosen.values()];
}
