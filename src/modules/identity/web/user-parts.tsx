import { Alert, Button, Heading, ListItem, ListUnordered, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { SectionHeading } from '../../../web/components/section-heading';
import { ErrorAlert } from '../../../web/components/status';
import { fieldErrors, WriteError } from '../../../web/components/write-error';
import type { RoleName, UserDetail } from '../users.schemas';
import { roleLabel, useIdentityI18n } from './i18n';
import { RoleField } from './ui';
import { editorAreasQuery, searchPeople, useDisableUser, useEnableUser, useGrantRole, useLinkPerson, useRevokeGrant } from './users-api';

// The user page's parts that write: grants, the person link, disable and enable.

export function GrantsTable({ user, canWrite }: { user: UserDetail; canWrite: boolean }) {
  const { t, date, dateTime } = useIdentityI18n();
  const revoke = useRevokeGrant(user.id);
  return (
    <>
      <WriteError error={revoke.error} />
      <DataTable
        caption={t('user.grants.caption')}
        headers={[
          t('user.col.role'),
          t('user.col.why'),
          t('user.col.until'),
          t('user.col.grantedBy'),
          t('user.col.state'),
          ...(canWrite ? [t('user.col.action')] : []),
        ]}
        empty={t('user.grants.empty')}
        rows={user.grants.map((grant) => ({
          key: grant.id,
          cells: [
            roleLabel(t, grant.role),
            grant.reason,
            grant.validTo ? date(grant.validTo) : t('user.untilRevoked'),
            `${grant.grantedBy ?? ''} ${dateTime(grant.grantedAt)}`,
            grant.active ? t('user.grant.active') : t('user.grant.ended'),
            ...(canWrite
              ? [
                  grant.active && (
                    <Button
                      key="revoke"
                      variant="secondary"
                      data-size="sm"
                      disabled={revoke.isPending}
                      onClick={() => revoke.mutate(grant.id)}
                    >
                      {t('user.revoke', { role: roleLabel(t, grant.role) })}
                    </Button>
                  ),
                ]
              : []),
          ],
        }))}
      />
    </>
  );
}

export function GrantForm({ user }: { user: UserDetail }) {
  const { t, language } = useIdentityI18n();
  const grant = useGrantRole(user.id);
  const server = fieldErrors(grant.error, language);
  const [role, setRole] = useState<RoleName>('analyst');
  const [reason, setReason] = useState('');
  const [validTo, setValidTo] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="kp-identity-form"
      aria-labelledby="grant-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!reason.trim()) return setMissing(true);
        setMissing(false);
        grant.mutate(
          { role, reason: reason.trim(), ...(validTo ? { validTo } : {}) },
          {
            onSuccess: () => {
              setReason('');
              setValidTo('');
            },
          },
        );
      }}
    >
      <Heading level={3} data-size="xs" id="grant-title">
        {t('user.grant.title')}
      </Heading>
      <RoleField id="grant-role" label={t('user.grant.role')} value={role} onChange={setRole} />
      <Textfield
        id="grant-reason"
        label={t('user.grant.reason')}
        description={t('user.grant.reason.help')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing ? t('user.grant.reasonMissing') : server.reason}
        autoComplete="off"
      />
      <Textfield
        id="grant-valid-to"
        type="date"
        label={t('user.grant.validTo')}
        description={t('user.grant.validTo.help')}
        value={validTo}
        onChange={(e) => setValidTo(e.target.value)}
        error={server.validTo}
      />
      {!server.reason && !server.validTo && <WriteError error={grant.error} />}
      {grant.isSuccess && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('user.grant.done')}</Paragraph>
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={grant.isPending}>
          {t('user.grant.submit')}
        </Button>
      </div>
    </form>
  );
}

export function PersonSection({ user, canWrite }: { user: UserDetail; canWrite: boolean }) {
  const { t } = useIdentityI18n();
  const areas = useQuery(editorAreasQuery(user.id));
  const link = useLinkPerson(user.id);
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<{ id: string; name: string }[] | null>(null);
  return (
    <section aria-labelledby="user-person">
      <SectionHeading id="user-person">{t('user.person')}</SectionHeading>
      {user.person ? <Paragraph>{user.person.name}</Paragraph> : <Paragraph>{t('user.person.none')}</Paragraph>}
      {user.positions.length > 0 && (
        <>
          <Heading level={3} data-size="xs">
            {t('user.person.positions')}
          </Heading>
          <ListUnordered>
            {user.positions.map((p) => (
              <ListItem key={p.positionId}>
                {p.title}, {p.unitName}
                {p.leads ? ` (${t('user.person.leads')})` : ''}
              </ListItem>
            ))}
          </ListUnordered>
        </>
      )}
      {canWrite && (
        <div className="kp-identity-form">
          <WriteError error={link.error} />
          {user.person && (
            <div>
              <Button variant="secondary" disabled={link.isPending} onClick={() => link.mutate(null)}>
                {t('user.person.unlink')}
              </Button>
            </div>
          )}
          <form
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              if (q.trim()) void searchPeople(q.trim()).then(setHits);
            }}
          >
            <Textfield
              id="person-search"
              label={t('user.person.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              autoComplete="off"
            />
            <Button type="submit" variant="secondary">
              {t('user.person.find')}
            </Button>
          </form>
          {hits && hits.length === 0 && <Paragraph role="status">{t('user.person.noHits')}</Paragraph>}
          {hits && hits.length > 0 && (
            <ListUnordered>
              {hits.map((person) => (
                <ListItem key={person.id}>
                  <Button variant="tertiary" data-size="sm" onClick={() => link.mutate(person.id, { onSuccess: () => setHits(null) })}>
                    {t('user.person.link', { name: person.name })}
                  </Button>
                </ListItem>
              ))}
            </ListUnordered>
          )}
        </div>
      )}
      <Heading level={3} data-size="xs">
        {t('user.editorAreas')}
      </Heading>
      {areas.isError && <ErrorAlert error={areas.error} />}
      {areas.data &&
        (areas.data.units.length === 0 ? (
          <Paragraph>{t('user.editorAreas.none')}</Paragraph>
        ) : (
          <Paragraph>{areas.data.units.map((u) => u.name).join(', ')}</Paragraph>
        ))}
    </section>
  );
}

/** Disable (with a reason and a confirmation step) or enable; the page's version guards against a stale view. */
export function AccessSection({ user, self, onReload }: { user: UserDetail; self: boolean; onReload: () => void }) {
  const { t } = useIdentityI18n();
  const disable = useDisableUser(user.id);
  const enable = useEnableUser(user.id);
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const error = disable.error ?? enable.error;
  return (
    <section aria-labelledby="user-access">
      <SectionHeading id="user-access">{t('user.status.title')}</SectionHeading>
      <WriteError
        error={error}
        onReload={() => {
          disable.reset();
          enable.reset();
          onReload();
        }}
      />
      {user.status === 'active' ? (
        self ? (
          <Paragraph>{t('user.disable.self')}</Paragraph>
        ) : (
          <form
            className="kp-identity-form"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!reason.trim()) return setMissing(true);
              setMissing(false);
              if (!confirming) {
                setConfirming(true);
                // Focus the confirmation so keyboard and screen-reader users land on it.
                requestAnimationFrame(() => confirmRef.current?.focus());
                return;
              }
              disable.mutate({ reason: reason.trim(), version: user.version }, { onSettled: () => setConfirming(false) });
            }}
          >
            <Textfield
              id="disable-reason"
              label={t('user.disable.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={missing ? t('user.grant.reasonMissing') : undefined}
              autoComplete="off"
            />
            {confirming ? (
              <>
                <Alert data-color="warning">
                  <Paragraph>{t('user.disable.warning')}</Paragraph>
                </Alert>
                <div className="kp-form__actions">
                  <Button ref={confirmRef} type="submit" data-color="danger" disabled={disable.isPending}>
                    {t('user.disable.confirm')}
                  </Button>
                  <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                    {t('user.cancel')}
                  </Button>
                </div>
              </>
            ) : (
              <div>
                <Button type="submit" variant="secondary" data-color="danger">
                  {t('user.disable')}
                </Button>
              </div>
            )}
          </form>
        )
      ) : (
        <div className="kp-form__actions">
          {confirming ? (
            <>
              <Button
                ref={confirmRef}
                disabled={enable.isPending}
                onClick={() => enable.mutate({ version: user.version }, { onSettled: () => setConfirming(false) })}
              >
                {t('user.enable.confirm')}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                {t('user.cancel')}
              </Button>
            </>
          ) : (
            <Button
              variant="secondary"
              onClick={() => {
                setConfirming(true);
                requestAnimationFrame(() => confirmRef.current?.focus());
              }}
            >
              {t('user.enable')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
