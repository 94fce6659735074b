import { Button, Details, Fieldset, Label, Paragraph, Radio, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DataTable } from '../../../web/components/data-table';
import { EmptyState } from '../../../web/components/empty-state';
import { WriteError } from '../../../web/components/write-error';
import type { Category, Group, RoutingRule } from '../leader-support.schemas';
import { Announcement, useAnnouncer } from './desk-parts';
import { lineKey, useSupportI18n } from './i18n';
import { unitSearchQuery, useCreateRoutingRule, useDeleteRoutingRule } from './settings-api';
import { problemIn, ProblemSummary, Section } from './settings-parts';

// Settings: the routing rules (which second-line group gets a category in an area) and the groups.

export function RulesSection({
  rules,
  categories,
  groups,
  canEdit,
}: {
  rules: RoutingRule[];
  categories: Category[];
  groups: Group[];
  canEdit: boolean;
}) {
  const { t, pick } = useSupportI18n();
  const remove = useDeleteRoutingRule();
  const announcer = useAnnouncer();
  const [formKey, setFormKey] = useState(0);
  const names = (rule: RoutingRule) => ({
    category: rule.category ? pick(rule.category.name) : t('settings.rules.anyCategory'),
    area: rule.area ? rule.area.name : t('settings.rules.anyArea'),
  });
  return (
    <Section id="settings-rules" heading={t('settings.rules.heading')} help={t('settings.rules.help')}>
      {rules.length === 0 ? (
        <EmptyState>{t('settings.rules.none')}</EmptyState>
      ) : (
        <DataTable
          caption={t('settings.rules.caption')}
          headers={[t('settings.rules.category'), t('settings.rules.area'), t('settings.rules.group'), t('settings.rules.note')].concat(
            canEdit ? [t('settings.rules.actions')] : [],
          )}
          rowHeaders
          empty={t('settings.rules.none')}
          rows={rules.map((rule) => {
            const cells = [names(rule).category, names(rule).area, rule.group.name, rule.note ?? ''];
            const remover = (
              <Button
                variant="tertiary"
                data-size="sm"
                type="button"
                aria-label={t('settings.rules.deleteLabel', names(rule))}
                onClick={() =>
                  remove.mutate(
                    { id: rule.id, revision: rule.revision },
                    { onSuccess: () => announcer.announce(t('settings.rules.deleted')) },
                  )
                }
              >
                {t('settings.rules.delete')}
              </Button>
            );
            return { key: rule.id, cells: canEdit ? [...cells, remover] : cells };
          })}
        />
      )}
      <WriteError error={remove.error} onReload={() => remove.reset()} />
      <Announcement announcerRef={announcer.ref} message={announcer.message} />
      {canEdit && (
        <Details>
          <Details.Summary>{t('settings.rules.add')}</Details.Summary>
          <Details.Content>
            <RuleForm
              key={formKey}
              categories={categories}
              groups={groups.filter((g) => g.line === 2)}
              onAdded={() => {
                setFormKey((k) => k + 1);
                announcer.announce(t('settings.rules.added'));
              }}
            />
          </Details.Content>
        </Details>
      )}
    </Section>
  );
}

function RuleForm({ categories, groups, onAdded }: { categories: Category[]; groups: Group[]; onAdded: () => void }) {
  const { t, pick, collator } = useSupportI18n();
  const ids = useId();
  const mutation = useCreateRoutingRule();
  const [categoryId, setCategoryId] = useState('');
  const [search, setSearch] = useState('');
  const [areaUnitId, setAreaUnitId] = useState('');
  const [groupId, setGroupId] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<[string, string][]>([]);
  const units = useQuery(unitSearchQuery(search.trim()));
  const fieldIds: Record<string, string> = {
    categoryId: `${ids}-category`,
    areaUnitId: `${ids}-area`,
    groupId: `${ids}-group`,
    note: `${ids}-note`,
  };
  const sortedCategories = [...categories].sort((a, b) => collator.compare(pick(a.name), pick(b.name)));
  const sortedGroups = [...groups].sort((a, b) => collator.compare(a.name, b.name));
  const hits = search.trim().length >= 2 ? (units.data ?? []) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: [string, string][] = [];
    if (!groupId) found.push(['groupId', t('settings.rules.groupRequired')]);
    setProblems(found);
    if (found.length > 0) return;
    mutation.mutate(
      { categoryId: categoryId || null, areaUnitId: areaUnitId || null, groupId, note: note.trim() || null },
      { onSuccess: onAdded },
    );
  };
  const problemFor = (name: string) => problemIn(problems, name);

  return (
    <form className="kp-ls-settings-form" onSubmit={submit} noValidate aria-label={t('settings.rules.add')}>
      <ProblemSummary problems={problems} fieldIds={fieldIds} />
      <div>
        <Label htmlFor={fieldIds.categoryId}>{t('settings.rules.category')}</Label>
        <Select id={fieldIds.categoryId} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          <option value="">{t('settings.rules.anyCategory')}</option>
          {sortedCategories.map((category) => (
            <option key={category.id} value={category.id}>
              {pick(category.name)}
            </option>
          ))}
        </Select>
      </div>
      <Textfield
        id={`${ids}-search`}
        label={t('settings.rules.areaSearch')}
        description={t('settings.rules.areaSearchHelp')}
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Fieldset id={fieldIds.areaUnitId} tabIndex={-1}>
        <Fieldset.Legend>{t('settings.rules.areaResults')}</Fieldset.Legend>
        <Radio
          name={`${ids}-area`}
          label={t('settings.rules.anyArea')}
          value=""
          checked={areaUnitId === ''}
          onChange={() => setAreaUnitId('')}
        />
        {hits.map((unit) => (
          <Radio
            key={unit.id}
            name={`${ids}-area`}
            label={`${unit.name} (${t('settings.rules.level', { level: unit.level })})`}
            value={unit.id}
            checked={areaUnitId === unit.id}
            onChange={() => setAreaUnitId(unit.id)}
          />
        ))}
        <div role="status">
          {search.trim().length >= 2 && units.isFetching && <Paragraph data-size="sm">{t('settings.rules.areaSearching')}</Paragraph>}
          {search.trim().length >= 2 && !units.isFetching && hits.length === 0 && (
            <Paragraph data-size="sm">{t('settings.rules.areaNoHits')}</Paragraph>
          )}
        </div>
      </Fieldset>
      <div>
        <Label htmlFor={fieldIds.groupId}>{t('settings.rules.group')}</Label>
        <Select
          id={fieldIds.groupId}
          value={groupId}
          onChange={(e) => setGroupId(e.target.value)}
          aria-invalid={problemFor('groupId') ? true : undefined}
        >
          <option value="">{t('settings.rules.pickGroup')}</option>
          {sortedGroups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </Select>
        {problemFor('groupId') && <ValidationMessage data-color="danger">{problemFor('groupId')}</ValidationMessage>}
      </div>
      <Textfield id={fieldIds.note} label={t('settings.rules.noteLabel')} value={note} onChange={(e) => setNote(e.target.value)} />
      <WriteError error={mutation.error} onReload={() => mutation.reset()} fieldIds={fieldIds} />
      <div className="kp-ls-settings-actions">
        <Button type="submit" loading={mutation.isPending}>
          {t('settings.rules.addSubmit')}
        </Button>
      </div>
    </form>
  );
}

// --- Groups ---------------------------------------------------------------------------------------

export function GroupsSection({ groups }: { groups: Group[] }) {
  const { t } = useSupportI18n();
  return (
    <Section id="settings-groups" heading={t('settings.groups.heading')} help={t('settings.groups.help')}>
      <DataTable
        caption={t('settings.groups.caption')}
        headers={[t('settings.groups.name'), t('settings.groups.line'), t('settings.groups.unit'), t('settings.groups.members')]}
        rowHeaders
        empty=""
        rows={groups.map((group) => ({
          key: group.id,
          cells: [
            group.name,
            t(lineKey(group.line)),
            group.unit?.name ?? (group.external ? t('settings.groups.external') : ''),
            group.members.length === 0 ? (
              t('settings.groups.noMembers')
            ) : (
              <ul className="kp-ls-settings-members">
                {group.members.map((member) => (
                  <li key={member.userId}>{member.displayName}</li>
                ))}
              </ul>
            ),
          ],
        }))}
      />
    </Section>
  );
}
