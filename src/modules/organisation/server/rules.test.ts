import { describe, expect, it } from 'vitest';
import { ruleIds } from '../rules.schemas.js';
import { checkRules, checkRulesAccepted, fteTotal, summariseFindings, type RuleFinding } from './rules.js';
import type { Snapshot, SnapshotLine, SnapshotPosition, SnapshotUnit } from './snapshot.js';

// A small organisation that breaks no rule; each test changes one thing. Ids equal keys for readability.
function unit(key: string, kind: string, level: number, parentId: string | null, name = key): SnapshotUnit {
  return { id: key, key, name, kind, level, parentId, classification: 'service', nameKnown: true, districts: [] };
}
function position(key: string, unitId: string, roleType: string, options: Partial<SnapshotPosition> = {}): SnapshotPosition {
  return {
    id: key,
    key,
    title: key,
    unitId,
    roleType,
    personnelResponsibility: true,
    professionallyIndependent: false,
    fte: null,
    ...options,
  };
}
function line(from: string, to: string, type: SnapshotLine['type'] = 'personnel'): SnapshotLine {
  return { id: `${type}:${from}->${to}`, type, fromPositionId: from, toPositionId: to };
}

function base(): Snapshot {
  return {
    date: '2020-01-01',
    units: [
      unit('top', 'leadership_team', 1, null, 'Lederteamet'),
      unit('dir', 'director_area', 1, 'top', 'Utdanning'),
      unit('area', 'service_area', 2, 'dir', 'Skole'),
      unit('school', 'unit', 3, 'area', 'Bragernes skole'),
      unit('dept', 'department', 4, 'school', 'Nøsted skole'),
      unit('stab', 'staff_function', 3, 'area', 'Forvaltning og fag'),
      unit('hub', 'hub', 3, 'dir', 'Pilot lokalt knutepunkt'),
    ],
    positions: [
      position('ce', 'top', 'chief_executive', { title: 'rådmann' }),
      position('director', 'dir', 'director', { title: 'direktør for utdanning' }),
      position('head', 'area', 'service_area_head', { title: 'kommunalsjef for skole' }),
      position('rector', 'school', 'unit_leader', { title: 'rektor' }),
      position('dept-leader', 'dept', 'department_leader', { title: 'avdelingsleder' }),
      position('adviser', 'stab', 'adviser', { title: 'rådgiver', personnelResponsibility: false }),
      position('lawyer', 'stab', 'adviser', { title: 'kommuneadvokat', personnelResponsibility: false, professionallyIndependent: true }),
      position('hub-leader', 'hub', 'unit_leader', { title: 'virksomhetsleder' }),
    ],
    assignments: [{ id: 'a1', personId: 'p1', personName: 'Elisabeth Enger', positionId: 'ce', fte: 1 }],
    lines: [
      line('director', 'ce'),
      line('head', 'director'),
      line('rector', 'head'),
      line('dept-leader', 'rector'),
      line('adviser', 'head'),
      line('lawyer', 'director'),
      line('hub-leader', 'director'),
      line('adviser', 'director', 'professional'),
    ],
    levelExceptions: [{ unitId: 'hub', reason: 'Piloten rapporterer direkte til direktøren.' }],
    spanThresholds: { chief_executive: 12, director: 12, service_area_head: 20, unit_leader: 30, department_leader: 25 },
  };
}

function change(mutate: (s: Snapshot) => void): Snapshot {
  const s = base();
  mutate(s);
  return s;
}
const withoutLine = (s: Snapshot, from: string, to: string) => {
  s.lines = s.lines.filter((l) => !(l.type === 'personnel' && l.fromPositionId === from && l.toPositionId === to));
};
const of = (findings: RuleFinding[], rule: RuleFinding['rule']) => findings.filter((f) => f.rule === rule);
const ids = (f: RuleFinding | undefined) => f?.entities.map((e) => `${e.type}:${e.id}`);

describe('checkRules', () => {
  it('finds nothing in an organisation that keeps every rule, and leaves the snapshot as it was', () => {
    const snapshot = base();
    const before = structuredClone(snapshot);
    expect(checkRules(snapshot)).toEqual([]);
    expect(snapshot).toEqual(before);
  });

  describe('unit_parent_cycle', () => {
    it('reports a loop in the unit tree once, naming only the units in the loop', () => {
      const findings = checkRules(change((s) => (s.units.find((u) => u.id === 'top')!.parentId = 'area')));
      const cycles = of(findings, 'unit_parent_cycle');
      expect(cycles).toHaveLength(1);
      expect(cycles[0]).toMatchObject({ severity: 'error' });
      expect(ids(cycles[0])!.sort()).toEqual(['unit:area', 'unit:dir', 'unit:top']);
      expect(cycles[0]!.message.nb).toBe(
        'Enhetene ligger i ring i enhetstreet: «Lederteamet» → «Skole» → «Utdanning» → «Lederteamet». Én av dem må flyttes under en enhet utenfor ringen.',
      );
    });

    it('does not fire on a tree', () => {
      expect(of(checkRules(base()), 'unit_parent_cycle')).toEqual([]);
    });
  });

  describe('personnel_line_cycle', () => {
    it('reports a loop of personnel lines once, with the positions and lines in it, not those that lead into it', () => {
      const findings = checkRules(
        change((s) => {
          withoutLine(s, 'director', 'ce');
          s.lines.push(line('director', 'head'));
        }),
      );
      const cycles = of(findings, 'personnel_line_cycle');
      expect(cycles).toHaveLength(1);
      expect(cycles[0]!.severity).toBe('error');
      expect(ids(cycles[0])).toEqual([
        'position:director',
        'position:head',
        'line:personnel:director->head',
        'line:personnel:head->director',
      ]);
      expect(cycles[0]!.message.nb).toContain('«direktør for utdanning» → «kommunalsjef for skole» → «direktør for utdanning»');
    });

    it('finds a position that reports to itself', () => {
      const findings = checkRules(change((s) => s.lines.push(line('rector', 'rector'))));
      expect(ids(of(findings, 'personnel_line_cycle')[0])).toEqual(['position:rector', 'line:personnel:rector->rector']);
    });

    it('walks a very long chain without overflowing the stack, and finds no loop in it', () => {
      const findings = checkRules(
        change((s) => {
          for (let i = 0; i < 20_000; i += 1) {
            s.positions.push(position(`p${i}`, 'school', 'employee'));
            s.lines.push(line(`p${i}`, i === 0 ? 'rector' : `p${i - 1}`));
          }
        }),
      );
      expect(of(findings, 'personnel_line_cycle')).toEqual([]);
    });

    it('does not fire when every chain ends at the chief executive', () => {
      expect(of(checkRules(base()), 'personnel_line_cycle')).toEqual([]);
    });
  });

  describe('dangling_reference', () => {
    it('names lines, positions and units that point at something that does not exist on the date', () => {
      const findings = checkRules(
        change((s) => {
          s.lines.push(line('rector', 'gone', 'coordination'));
          s.positions.push(position('orphan', 'closed-unit', 'employee', { title: 'medarbeider' }));
          s.units.push(unit('lost', 'unit', 3, 'closed-area', 'Borte'));
        }),
      );
      const dangling = of(findings, 'dangling_reference');
      expect(dangling.map((f) => f.message.nb).sort()).toEqual([
        'Enheten «Borte» ligger under en enhet som ikke finnes på denne datoen.',
        'Koordineringslinjen fra «rektor (Bragernes skole)» går til en stilling som ikke finnes på denne datoen.',
        'Stillingen «medarbeider» hører til en enhet som ikke finnes på denne datoen.',
      ]);
      expect(dangling.every((f) => f.severity === 'error')).toBe(true);
    });

    it('does not fire when every reference resolves', () => {
      expect(of(checkRules(base()), 'dangling_reference')).toEqual([]);
    });
  });

  describe('personnel_line_missing', () => {
    it('warns about a vacant position without a personnel line', () => {
      const findings = of(checkRules(change((s) => withoutLine(s, 'rector', 'head'))), 'personnel_line_missing');
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({
        severity: 'warning',
        entities: [{ type: 'position', id: 'rector', key: 'rector', name: 'rektor (Bragernes skole)' }],
      });
      expect(findings[0]!.message.nb).toBe(
        'Stillingen «rektor (Bragernes skole)» har ingen personallinje. Den er ledig, men må få en før den besettes.',
      );
    });

    it('is an error for a filled position, naming the person left without a leader', () => {
      const findings = of(
        checkRules(
          change((s) => {
            withoutLine(s, 'rector', 'head');
            s.assignments.push({ id: 'a2', personId: 'p2', personName: 'Kari Nordmann', positionId: 'rector', fte: 1 });
          }),
        ),
        'personnel_line_missing',
      );
      expect(findings[0]).toMatchObject({ severity: 'error', details: { filled: true } });
      expect(findings[0]!.message.nb).toBe(
        'Stillingen «rektor (Bragernes skole)» har ingen personallinje, så «Kari Nordmann» har ingen leder med personalansvar.',
      );
    });

    it('does not fire for the chief executive, who has no personnel line', () => {
      expect(of(checkRules(base()), 'personnel_line_missing')).toEqual([]);
    });
  });

  describe('personnel_line_multiple', () => {
    it('is an error for a position with two personnel lines, naming both leaders', () => {
      const findings = of(checkRules(change((s) => s.lines.push(line('rector', 'director')))), 'personnel_line_multiple');
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: 'error', details: { count: 2 } });
      expect(findings[0]!.message.nb).toBe(
        'Stillingen «rektor (Bragernes skole)» har 2 personallinjer (til «direktør for utdanning» og «kommunalsjef for skole»), men skal ha nøyaktig én.',
      );
      expect(ids(findings[0])).toContain('line:personnel:rector->director');
    });

    it('does not count professional and coordination lines', () => {
      const s = change((snapshot) =>
        snapshot.lines.push(line('rector', 'director', 'professional'), line('rector', 'hub-leader', 'coordination')),
      );
      expect(of(checkRules(s), 'personnel_line_multiple')).toEqual([]);
    });
  });

  describe('chief_executive_personnel_line', () => {
    it('is an error for the chief executive to have a personnel line', () => {
      const findings = checkRules(
        change((s) => {
          s.positions.push(position('mayor', 'top', 'employee', { title: 'ordfører' }));
          s.lines.push(line('mayor', 'ce'), line('ce', 'mayor'));
        }),
      );
      const found = of(findings, 'chief_executive_personnel_line');
      expect(found).toHaveLength(1);
      expect(found[0]!.message.nb).toBe(
        'Stillingen «rådmann (Lederteamet)» er kommunens øverste leder og skal ikke ha personallinje, men har personallinje til «ordfører (Lederteamet)».',
      );
    });

    it('does not fire when the chief executive has none', () => {
      expect(of(checkRules(base()), 'chief_executive_personnel_line')).toEqual([]);
    });
  });

  describe('personnel_line_without_responsibility', () => {
    it('is an error for a personnel line to a position without personnel responsibility', () => {
      const findings = of(
        checkRules(
          change((s) => {
            withoutLine(s, 'dept-leader', 'rector');
            s.lines.push(line('dept-leader', 'adviser'));
          }),
        ),
        'personnel_line_without_responsibility',
      );
      expect(findings).toHaveLength(1);
      expect(ids(findings[0])).toEqual(['position:dept-leader', 'position:adviser', 'line:personnel:dept-leader->adviser']);
      expect(findings[0]!.message.nb).toBe(
        'Stillingen «avdelingsleder (Nøsted skole)» har personallinje til «rådgiver (Forvaltning og fag)», som ikke har personalansvar.',
      );
    });

    it('does not fire for professional lines to such a position', () => {
      expect(
        of(checkRules(change((s) => s.lines.push(line('rector', 'adviser', 'professional')))), 'personnel_line_without_responsibility'),
      ).toEqual([]);
    });
  });

  describe('independent_position_professional_line', () => {
    it('is an error for a professionally independent position to report professionally to anyone', () => {
      const findings = of(
        checkRules(change((s) => s.lines.push(line('lawyer', 'director', 'professional')))),
        'independent_position_professional_line',
      );
      expect(findings).toHaveLength(1);
      expect(findings[0]!.severity).toBe('error');
      expect(findings[0]!.message.nb).toBe(
        'Stillingen «kommuneadvokat (Forvaltning og fag)» er faglig selvstendig, men har faglig linje til «direktør for utdanning».',
      );
    });

    it('allows its personnel line, and others using it as their professional home', () => {
      const s = change((snapshot) => snapshot.lines.push(line('adviser', 'lawyer', 'professional')));
      expect(of(checkRules(s), 'independent_position_professional_line')).toEqual([]);
    });
  });

  describe('span_of_control', () => {
    it('warns when a leader has more direct personnel reports than the threshold for its role type', () => {
      const findings = of(checkRules(change((s) => (s.spanThresholds.service_area_head = 1))), 'span_of_control');
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: 'warning', details: { span: 2, threshold: 1, roleType: 'service_area_head' } });
      expect(ids(findings[0])).toEqual(['position:head', 'unit:area']);
      expect(findings[0]!.message.nb).toBe(
        'Lederspennet til «kommunalsjef for skole» er 2 direkte personalmessige rapporter; grensen for kommunalsjefer er 1.',
      );
    });

    it('does not fire at the threshold, nor for role types without one, nor for professional lines', () => {
      expect(of(checkRules(change((s) => (s.spanThresholds.service_area_head = 2))), 'span_of_control')).toEqual([]);
      const s = change((snapshot) => {
        delete snapshot.spanThresholds.service_area_head;
        snapshot.spanThresholds.director = 3;
        snapshot.lines.push(line('rector', 'director', 'professional'), line('dept-leader', 'director', 'professional'));
      });
      expect(of(checkRules(s), 'span_of_control')).toEqual([]);
    });
  });

  describe('level_inconsistent', () => {
    it('leaves the pilot hub alone while its level exception holds', () => {
      expect(of(checkRules(base()), 'level_inconsistent')).toEqual([]);
    });

    it('warns about the same hub without the exception: a level-3 leader reporting to level 1', () => {
      const findings = of(checkRules(change((s) => (s.levelExceptions = []))), 'level_inconsistent');
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ severity: 'warning', details: { declaredLevel: 3, superiorLevel: 1, expectedLevel: 2 } });
      expect(ids(findings[0])).toEqual(['unit:hub', 'position:hub-leader', 'position:director', 'line:personnel:hub-leader->director']);
      expect(findings[0]!.message.nb).toBe(
        'Enheten «Pilot lokalt knutepunkt» er på nivå 3, men lederen «virksomhetsleder (Pilot lokalt knutepunkt)» rapporterer personalmessig til «direktør for utdanning» på nivå 1; ventet nivå 2. Er det meningen, registrer et unntak fra nivåregelen med begrunnelse.',
      );
    });

    it('warns about a department leader who skips the unit leader', () => {
      const findings = of(
        checkRules(
          change((s) => {
            withoutLine(s, 'dept-leader', 'rector');
            s.lines.push(line('dept-leader', 'head'));
          }),
        ),
        'level_inconsistent',
      );
      expect(findings.map((f) => [f.entities[0]!.id, f.details])).toEqual([
        ['dept', { declaredLevel: 4, superiorLevel: 2, expectedLevel: 3 }],
      ]);
    });

    it('counts someone who works in a unit without leading it one level below the unit', () => {
      const findings = of(
        checkRules(
          change((s) => {
            s.positions.push(position('deputy', 'school', 'coordinator', { title: 'inspektør' }));
            s.lines.push(line('deputy', 'rector'));
            withoutLine(s, 'dept-leader', 'rector');
            s.lines.push(line('dept-leader', 'deputy'));
          }),
        ),
        'level_inconsistent',
      );
      expect(findings.map((f) => f.details)).toEqual([{ declaredLevel: 4, superiorLevel: 4, expectedLevel: 3 }]);
    });

    it('accepts directors reporting to the chief executive: both are level 1', () => {
      const s = base();
      expect(s.lines).toContainEqual(line('director', 'ce'));
      expect(of(checkRules(s), 'level_inconsistent')).toEqual([]);
    });
  });

  describe('unit_without_leader', () => {
    it('warns about a unit with no leader position', () => {
      const findings = of(
        checkRules(
          change((s) => {
            s.positions = s.positions.filter((p) => p.id !== 'dept-leader');
            s.lines = s.lines.filter((l) => l.fromPositionId !== 'dept-leader');
          }),
        ),
        'unit_without_leader',
      );
      expect(findings).toEqual([
        {
          rule: 'unit_without_leader',
          severity: 'warning',
          entities: [{ type: 'unit', id: 'dept', key: 'dept', name: 'Nøsted skole' }],
          message: { nb: 'Enheten «Nøsted skole» har ingen lederstilling.', en: 'The unit “Nøsted skole” has no leader position.' },
        },
      ]);
    });

    it('excepts staff functions: they are resources attached to a leader', () => {
      const s = base();
      expect(s.positions.filter((p) => p.unitId === 'stab').map((p) => p.roleType)).toEqual(['adviser', 'adviser']);
      expect(of(checkRules(s), 'unit_without_leader')).toEqual([]);
    });
  });

  it('lists errors before warnings and sums them per rule, listing every rule', () => {
    const findings = checkRules(
      change((s) => {
        s.levelExceptions = [];
        withoutLine(s, 'rector', 'head');
        s.assignments.push({ id: 'a2', personId: 'p2', personName: 'Kari Nordmann', positionId: 'rector', fte: 1 });
      }),
    );
    expect(findings.map((f) => [f.severity, f.rule])).toEqual([
      ['error', 'personnel_line_missing'],
      ['warning', 'level_inconsistent'],
    ]);
    const summary = summariseFindings(findings);
    expect(summary).toMatchObject({ errors: 1, warnings: 1 });
    expect(Object.keys(summary.byRule)).toEqual([...ruleIds]);
    expect(summary.byRule).toMatchObject({ personnel_line_missing: 1, level_inconsistent: 1, span_of_control: 0 });
  });
});

describe('leader_line_off_unit_chain', () => {
  it('holds when every unit leader reports to the leader of the nearest unit above that has one', () => {
    expect(of(checkRules(base()), 'leader_line_off_unit_chain')).toEqual([]);
  });

  it('flags a leader whose personnel line stayed with the old parent’s leader after a move', () => {
    const moved = change((s) => {
      s.units = s.units.map((u) => (u.id === 'school' ? { ...u, parentId: 'dir', level: 2 } : u));
    });
    const [finding, ...rest] = of(checkRules(moved), 'leader_line_off_unit_chain');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', details: { expectedPositionId: 'director', actualPositionId: 'head' } });
    expect(ids(finding)).toEqual(['unit:school', 'position:rector', 'position:head', 'position:director', 'line:personnel:rector->head']);
    expect(finding!.message.nb).toContain('rapporterer personalmessig til «kommunalsjef for skole»');
  });

  it('is excused by an exception for the unit, shown as accepted with its reason', () => {
    const moved = change((s) => {
      s.units = s.units.map((u) => (u.id === 'school' ? { ...u, parentId: 'dir', level: 2 } : u));
      s.levelExceptions.push({ unitId: 'school', rule: 'leader_line_off_unit_chain', reason: 'Midlertidig.' });
    });
    const { findings, accepted } = checkRulesAccepted(moved);
    expect(of(findings, 'leader_line_off_unit_chain')).toEqual([]);
    expect(accepted.map((a) => [a.finding.rule, a.reason])).toContainEqual(['leader_line_off_unit_chain', 'Midlertidig.']);
  });
});

describe('rule_exception_stale', () => {
  it('flags an exception that excuses nothing any more (the pilot hub moved under a kommunalsjef)', () => {
    const moved = change((s) => {
      s.units = s.units.map((u) => (u.id === 'hub' ? { ...u, parentId: 'area' } : u));
      s.lines = s.lines.map((l) => (l.fromPositionId === 'hub-leader' ? line('hub-leader', 'head') : l));
    });
    const findings = checkRules(moved);
    expect(of(findings, 'level_inconsistent')).toEqual([]);
    const stale = of(findings, 'rule_exception_stale');
    expect(stale.map((f) => [ids(f), f.details?.exceptedRule])).toEqual([[['unit:hub'], 'level_inconsistent']]);
    expect(stale[0]!.message.nb).toContain('unnskylder ikke lenger noe');
  });

  it('does not flag an exception that still excuses its finding', () => {
    expect(of(checkRules(base()), 'rule_exception_stale')).toEqual([]);
  });
});

describe('person_fte_over_100', () => {
  const twoPosts = (override?: string) =>
    change((s) => {
      s.assignments.push(
        { id: 'a2', personId: 'p2', personName: 'Kari Nordmann', positionId: 'adviser', fte: 0.8 },
        { id: 'a3', personId: 'p2', personName: 'Kari Nordmann', positionId: 'dept-leader', fte: 0.8, fteOverrideReason: override ?? null },
      );
    });

  it('warns about a person at 0,8 + 0,8 = 160 % on the date', () => {
    const [finding] = of(checkRules(twoPosts()), 'person_fte_over_100');
    expect(finding).toMatchObject({ severity: 'warning', details: { personId: 'p2', ftePercent: 160 } });
    expect(finding!.message.nb).toBe(
      'Kari Nordmann har 160 % stilling: 80 % som «rådgiver (Forvaltning og fag)» og 80 % som «avdelingsleder (Nøsted skole)». Mer enn 100 % må godtas med en begrunnelse.',
    );
    expect(finding!.message.en).toContain('holds 160% FTE: 80% as');
  });

  it('shows an override as accepted, with its reason, instead of warning', () => {
    const { findings, accepted } = checkRulesAccepted(twoPosts('Fungerer i to stillinger i overgangen.'));
    expect(of(findings, 'person_fte_over_100')).toEqual([]);
    expect(accepted.map((a) => [a.finding.rule, a.reason])).toEqual(
      expect.arrayContaining([['person_fte_over_100', 'Fungerer i to stillinger i overgangen.']]),
    );
  });

  it('adds FTE as whole percent, so 0,1 + 0,2 is 30 and 0,5 + 0,5 is not above 100', () => {
    expect(fteTotal([0.1, 0.2])).toBe(30);
    expect(fteTotal([0.5, 0.5])).toBe(100);
    expect(
      of(
        checkRules(change((s) => s.assignments.push({ id: 'x', personId: 'p1', personName: 'E', positionId: 'director', fte: 0.01 }))),
        'person_fte_over_100',
      ),
    ).toHaveLength(1);
  });
});
