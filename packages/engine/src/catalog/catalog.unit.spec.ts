/**
 * The catalog is complete and strict: every command type of every aggregate's `<x>CommandCodecs` map has exactly
 * one spec; every request codec refuses an unknown field and names it; the codecs taken out of the command codecs
 * (`requestOf`) accept and refuse what the command codec does, with the paths of the request; every stream id
 * function's category maps to its aggregate; every BR mapping names a refusal the domain has.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLeft, isRight } from 'fp-ts/Either';
import {
  absenceCommandCodecs,
  absenceStreamId,
  appealCommandCodecs,
  appealStreamId,
  complaintCommandCodecs,
  complaintStreamId,
  type ComplaintId,
  ApprovePlanCodec,
  AddIkiCodec,
  describeErrors,
  disciplineCaseIdOf,
  disciplineCommandCodecs,
  disciplineStreamId,
  evaluationCommandCodecs,
  evaluationIdOf,
  evaluationStreamId,
  objectionCommandCodecs,
  objectionStreamId,
  planCommandCodecs,
  planIdOf,
  planStreamId,
  poorPerformanceCommandCodecs,
  poorPerformanceIdOf,
  poorPerformanceStreamId,
  rewardCommandCodecs,
  rewardStreamId,
  ROLES,
  rosterCommandCodecs,
  rosterStreamId,
  toJsonSchema,
  unitPeriodCommandCodecs,
  unitPeriodIdOf,
  unitPeriodStreamId,
  type Nip,
  type PeriodId,
  type TenantId,
  type UnitId,
} from '@kinerja/domain';
import {
  absenceAggregate,
  appealAggregate,
  disciplineAggregate,
  evaluationAggregate,
  objectionAggregate,
  planAggregate,
  poorPerformanceAggregate,
  rewardAggregate,
  rosterAggregate,
  unitPeriodAggregate,
} from '../aggregates';
import { AGGREGATE_NAMES, type AggregateName } from './catalog';
import { complaintAggregate } from './complaint';
import { aggregateOfStream, COMMANDS, commandSpecFor, RULE_OF_REFUSAL, ruleOfRefusal, tenantOfStream } from './index';
import { requestOf } from './request';

const DOMAIN_COMMANDS: ReadonlyArray<readonly [AggregateName, Readonly<Record<string, unknown>>]> = [
  ['roster', rosterCommandCodecs],
  ['plan', planCommandCodecs],
  ['evaluation', evaluationCommandCodecs],
  ['unit-period', unitPeriodCommandCodecs],
  ['objection', objectionCommandCodecs],
  ['discipline', disciplineCommandCodecs],
  ['absence', absenceCommandCodecs],
  ['appeal', appealCommandCodecs],
  ['poor-performance', poorPerformanceCommandCodecs],
  ['reward', rewardCommandCodecs],
  ['complaint', complaintCommandCodecs],
];
/** Commands of the engine itself, with no domain command type of the same name. */
const ENGINE_COMMANDS = ['roster/ImportRoster'];

const key = (aggregate: string, type: string) => `${aggregate}/${type}`;
const nip = '199203142019031008' as Nip;
const tenant = 'salatiga' as TenantId;
const year = '2025' as PeriodId;

describe('the catalog', () => {
  describe('completeness', () => {
    it.each(DOMAIN_COMMANDS)('has exactly one spec for every %s command type', (aggregate, codecs) => {
      for (const type of Object.keys(codecs)) {
        const specs = COMMANDS.filter((s) => s.aggregate === aggregate && s.type === type);
        expect({ type, specs: specs.length }).toEqual({ type, specs: 1 });
      }
    });

    it('covers every aggregate', () => {
      expect(new Set(COMMANDS.map((s) => s.aggregate))).toEqual(new Set(AGGREGATE_NAMES));
    });

    it('has no spec the domain does not know, besides the engine commands', () => {
      const known = new Set([...DOMAIN_COMMANDS.flatMap(([a, codecs]) => Object.keys(codecs).map((t) => key(a, t))), ...ENGINE_COMMANDS]);
      expect(COMMANDS.map((s) => key(s.aggregate, s.type)).filter((k) => !known.has(k))).toEqual([]);
      expect(new Set(COMMANDS.map((s) => key(s.aggregate, s.type))).size).toBe(COMMANDS.length);
    });

    it('finds every spec by aggregate and type, and nothing else', () => {
      for (const spec of COMMANDS) expect(commandSpecFor(spec.aggregate, spec.type)).toBe(spec);
      expect(commandSpecFor('plan', 'ApproveEverything')).toBeUndefined();
      expect(commandSpecFor('evaluation', 'ApprovePlan')).toBeUndefined();
    });

    it('names valid roles, at least one, for every spec; only citizens file without a token', () => {
      for (const spec of COMMANDS) {
        expect(spec.roles.length).toBeGreaterThan(0);
        for (const role of spec.roles) expect(ROLES).toContain(role);
        expect(AGGREGATE_NAMES).toContain(spec.aggregate);
        // Only a citizen's own complaint commands go without a token.
        expect({ spec: key(spec.aggregate, spec.type), public: spec.public ?? false }).toEqual({
          spec: key(spec.aggregate, spec.type),
          public: spec.aggregate === 'complaint' && spec.roles.includes('masyarakat') ? (spec.public ?? false) : false,
        });
        expect(spec.summary.length).toBeGreaterThan(10);
      }
    });
  });

  describe('request codecs', () => {
    // `regime` and `outcome` pick a member of the two discriminated request bodies (RateEvaluation, DecideObjection).
    const probe = { regime: 'rated', outcome: 'rejected', zzUnknown: 1 };

    it.each(COMMANDS.map((s) => [key(s.aggregate, s.type), s] as const))('%s refuses an unknown field and names it', (_name, spec) => {
      const decoded = spec.request.decode(probe);
      expect(isLeft(decoded)).toBe(true);
      if (isLeft(decoded)) expect(describeErrors(decoded.left)).toContainEqual({ path: 'zzUnknown', message: 'unknown field "zzUnknown"' });
    });

    it('has a JSON Schema for every request body that is an object closed to unknown fields', () => {
      for (const spec of COMMANDS) {
        const schema = toJsonSchema(spec.request);
        const closed = schema['additionalProperties'] === false || Array.isArray(schema['oneOf']);
        expect({ spec: key(spec.aggregate, spec.type), closed }).toEqual({ spec: key(spec.aggregate, spec.type), closed: true });
      }
    });

    it('refuses what a client must not send: the engine-filled facts', () => {
      const plan = planIdOf(nip, year);
      const refusedField = (aggregate: AggregateName, type: string, body: Record<string, unknown>, field: string) => {
        const decoded = commandSpecFor(aggregate, type)?.request.decode(body);
        expect(decoded !== undefined && isLeft(decoded) && describeErrors(decoded.left).some((p) => p.path === field)).toBe(true);
      };
      refusedField('plan', 'DraftPlan', { plan, roster: {} }, 'roster');
      refusedField('objection', 'FileObjection', { facts: {} }, 'facts');
      refusedField('discipline', 'DecideSanction', { authority: {} }, 'authority');
      refusedField('appeal', 'FileAppeal', { decision: {} }, 'decision');
      refusedField('reward', 'GrantIncentive', { evaluations: [] }, 'evaluations');
      refusedField('absence', 'RecordAbsence', { calendar: {} }, 'calendar');
    });
  });

  describe('requestOf', () => {
    const approve = requestOf('ApprovePlan', ApprovePlanCodec);
    const addIki = requestOf('AddIki', AddIkiCodec);
    const plan = planIdOf(nip, year);

    it('accepts the data of the command and encodes it back', () => {
      const decoded = approve.decode({ plan });
      expect(isRight(decoded) && decoded.right).toEqual({ plan });
      expect(approve.is({ plan })).toBe(true);
      expect(approve.encode({ plan })).toEqual({ plan });
    });

    it('names the failing fields by their path in the request, not under data', () => {
      const decoded = addIki.decode({ plan, rhk: 'RHK-1', iki: 'IKI-1', description: 'Dokumen terbit', targets: { kuantitas: { value: 'x', unit: 'dokumen' } } });
      expect(isLeft(decoded) && describeErrors(decoded.left).map((p) => p.path)).toEqual(['targets.kuantitas.value']);
      const notObject = approve.decode('plan');
      expect(isLeft(notObject) && describeErrors(notObject.left).map((p) => p.path)).toEqual(['']);
      expect(approve.is({ plan: 'nope' })).toBe(false);
    });
  });

  describe('streams', () => {
    const evaluation = evaluationIdOf(planIdOf(nip, year), year);
    const caseId = disciplineCaseIdOf(nip, 2025, '1');
    const cases: ReadonlyArray<readonly [string, unknown]> = [
      [rosterStreamId(tenant), rosterAggregate],
      [planStreamId(tenant, planIdOf(nip, year)), planAggregate],
      [evaluationStreamId(tenant, evaluation), evaluationAggregate],
      [unitPeriodStreamId(tenant, unitPeriodIdOf('dukcapil-pelayanan' as UnitId, year)), unitPeriodAggregate],
      [objectionStreamId(tenant, evaluation), objectionAggregate],
      [disciplineStreamId(tenant, caseId), disciplineAggregate],
      [absenceStreamId(tenant, nip, 2025), absenceAggregate],
      [appealStreamId(tenant, 'keberatan', caseId), appealAggregate],
      [appealStreamId(tenant, 'banding', caseId), appealAggregate],
      [poorPerformanceStreamId(tenant, poorPerformanceIdOf(nip, 1)), poorPerformanceAggregate],
      [rewardStreamId(tenant, nip, 2025), rewardAggregate],
      [complaintStreamId(tenant, 'adu-0123456789ab' as ComplaintId), complaintAggregate],
    ];

    it.each(cases)('%s is folded by its aggregate, of its tenant', (streamId, aggregate) => {
      expect(aggregateOfStream(streamId)).toBe(aggregate);
      expect(tenantOfStream(streamId)).toBe(tenant);
    });

    it('knows no aggregate for a stream outside kinerja', () => {
      expect(aggregateOfStream('ledger')).toBeUndefined();
      expect(aggregateOfStream('shopping-cart.1')).toBeUndefined();
    });
  });

  describe('RULE_OF_REFUSAL', () => {
    const domainRoot = join(__dirname, '..', '..', '..', 'domain', 'src');
    /** Where each aggregate's refusals are defined (the curve's are the rule book's, the calendar's are passed on). */
    const folders: Readonly<Record<string, ReadonlyArray<string>>> = { 'unit-period': ['unit-period', 'rulebook'], complaint: ['complaint', 'calendar'] };
    const sourceOf = (folder: string): string =>
      readdirSync(join(domainRoot, folder))
        .filter((f) => f.endsWith('.ts') && !f.includes('.spec.') && !f.includes('.testkit.'))
        .map((f) => readFileSync(join(domainRoot, folder, f), 'utf8'))
        .join('\n');
    const everyFolder = readdirSync(domainRoot).filter((f) => !f.includes('.'));

    it.each(Object.entries(RULE_OF_REFUSAL))('%s → %s is a refusal the domain has', (entry, rule) => {
      expect(rule).toMatch(/^BR-\d\d([./]+BR-\d\d)*$/);
      const [aggregate, tag] = entry.includes('.') ? (entry.split('.') as [string, string]) : [undefined, entry];
      const inFolders = aggregate === undefined ? everyFolder : (folders[aggregate] ?? [aggregate]);
      const source = inFolders.map(sourceOf).join('\n');
      expect(source).toContain(`_tag: '${tag}'`);
    });

    it('looks the qualified key up first', () => {
      expect(ruleOfRefusal('discipline', 'NotAuthorised')).toBe('BR-19');
      expect(ruleOfRefusal('appeal', 'NotAuthorised')).toBe('BR-20/BR-21');
      expect(ruleOfRefusal('reward', 'NotAuthorised')).toBeUndefined();
      expect(ruleOfRefusal('objection', 'NotTheEmployee')).toBe('BR-10');
      expect(ruleOfRefusal('plan', 'NotTheEmployee')).toBeUndefined();
      expect(ruleOfRefusal('unit-period', 'DistributionViolated')).toBe('BR-04..BR-08');
    });
  });
});
