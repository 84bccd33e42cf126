import { isLeft, isRight } from 'fp-ts/Either';
import { decodeWith, evaluationIdOf, PeriodId, planIdOf, replay, unitPeriodIdOf, type EvaluationId } from '../core';
import type { Assessment } from '../rulebook/rule-book';
import {
  OpenUnitPeriodCodec,
  OpenUnitPeriodRequestCodec,
  RecordProposalCodec,
  unitPeriodCommandCodecs,
  UnitPeriodCommandCodec,
  UnitPeriodEventCodec,
} from './codecs';
import { unitPeriodDecider, type UnitPeriodCommand } from './decide';
import { describeUnitPeriodError, type UnitPeriodErrorTag } from './errors';
import {
  evolve,
  proposalCounts,
  settledResults,
  unitPeriodStreamId,
  type CurveApplied,
  type UnitPeriodEvent,
  type UnitPeriodState,
} from './unit-period';
import {
  counts,
  evaluationOf,
  expectedResult,
  FACTS,
  HEAD,
  numeric,
  OFFICIAL,
  OPEN_DAY,
  opened,
  openUnitPeriod,
  OPERATOR,
  organisationalResultSet,
  OTHER_UNIT_PERIOD,
  PERIOD,
  PERIOD_END,
  PERIOD_START,
  POLICY,
  proposalRecorded,
  proposalWithdrawn,
  proposing,
  rated,
  ratedAssessment,
  recordProposal,
  reviseSettledResult,
  REVISED_AT,
  ROSTER,
  setOrganisationalResult,
  SETTLED_AT,
  settleUnitPeriod,
  staff,
  SYSTEM,
  TENANT,
  UNIT,
  UNIT_PERIOD,
  unitPeriodOpened,
  unitPeriodSettled,
  valid,
  withdrawProposal,
} from './unit-period.testkit';
import { coverageSpecFor } from '../testing/decider.testkit';

// Every refusal tag and every command's success must be specified below; the last test checks it.
const { given, refusalsSeen, successesSeen } = coverageSpecFor(unitPeriodDecider, describeUnitPeriodError);

const stateAfter = (events: ReadonlyArray<UnitPeriodEvent>): UnitPeriodState => replay(unitPeriodDecider, events);

const S1 = staff(1);
const S2 = staff(2);
const S3 = staff(3);
const S4 = staff(4);
const RATED_ARTICLES = ['BR-01', 'PermenPANRB 6/2022'];

/** Istimewa allows at most floor(70% of n) Sangat Baik (BR-04). */
const istimewaCurve = (n: number): CurveApplied => ({
  rule: 'BR-04',
  exempt: false,
  bounds: [
    { rule: 'BR-04', predikat: ['sangat-baik'], statement: { kind: 'max', share: 0.7 }, allowed: { min: 0, max: Math.floor(0.7 * n) } },
  ],
});

// The usual unit: three staff members and the head, who the appraiser rated di bawah / sesuai (Butuh Perbaikan).
const headProposed = ratedAssessment('di-bawah-ekspektasi', 'sesuai-ekspektasi');
const proposed = proposing([
  [S1, rated('sangat-baik')],
  [S2, rated('baik')],
  [S3, rated('butuh-perbaikan')],
  [HEAD, headProposed],
]);
const istimewa: ReadonlyArray<UnitPeriodEvent> = [...proposed, organisationalResultSet('istimewa')];

/** The settlement of `istimewa`: BR-09 gives the head di atas + sesuai = Baik. */
const istimewaResults = [
  expectedResult(S1, rated('sangat-baik'), { articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'] }),
  expectedResult(S2, rated('baik'), { articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'] }),
  expectedResult(S3, rated('butuh-perbaikan'), { articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'] }),
  expectedResult(HEAD, headProposed, {
    predikat: 'baik',
    label: 'Baik',
    hasilKerja: 'di-atas-ekspektasi',
    articles: [...RATED_ARTICLES, 'BR-09', 'BR-04', 'BR-03'],
  }),
];
const istimewaSettled = unitPeriodSettled('istimewa', istimewaResults, { curve: istimewaCurve(4) });
const settled: ReadonlyArray<UnitPeriodEvent> = [...istimewa, istimewaSettled];

describe('unit period', () => {
  it('has one stream per tenant, unit and period, category first', () => {
    expect(unitPeriodStreamId(TENANT, UNIT_PERIOD)).toBe('unitperiod-surabaya.dinkes.2025');
  });

  describe('before it is opened', () => {
    it('is opened by an operator, recording the roster and policy facts it will settle under', () => {
      given([]).when(openUnitPeriod()).then([unitPeriodOpened()]);
    });

    it('is opened by the system too', () => {
      given([])
        .when(openUnitPeriod({ by: SYSTEM, role: 'sistem' }))
        .then([unitPeriodOpened({ openedBy: SYSTEM })]);
    });

    it('opens while the head position is vacant', () => {
      const facts = { ...FACTS, roster: { ...ROSTER, unitHead: null } };
      given([]).when(openUnitPeriod({ facts })).then([unitPeriodOpened({ facts })]);
    });

    it.each<[string, UnitPeriodCommand]>([
      ['SetOrganisationalResult', setOrganisationalResult('baik')],
      ['RecordProposal', recordProposal(S1, rated('baik'))],
      ['WithdrawProposal', withdrawProposal(evaluationOf(S1))],
      ['SettleUnitPeriod', settleUnitPeriod()],
      ['ReviseSettledResult', reviseSettledResult(evaluationOf(S1), rated('baik'))],
    ])('refuses %s: there is no unit period yet', (_name, command) => {
      given([]).when(command).thenFails('UnitPeriodNotOpen', { unitPeriod: UNIT_PERIOD });
    });

    it('is opened by an operator or the system only', () => {
      given([])
        .when(openUnitPeriod({ by: OFFICIAL, role: 'atasan-pejabat-penilai' }))
        .thenFails('NotOperatorOrSystem', { actor: OFFICIAL, role: 'atasan-pejabat-penilai' });
    });

    it('refuses an id that is not <unit>.<period>', () => {
      given([])
        .when(openUnitPeriod({ unitPeriod: OTHER_UNIT_PERIOD }))
        .thenFails('UnitPeriodIdMismatch', { expected: UNIT_PERIOD, given: OTHER_UNIT_PERIOD });
    });

    it('refuses a period that does not end after it starts', () => {
      given([])
        .when(openUnitPeriod({ periodEnd: PERIOD_START }))
        .thenFails('PeriodEndNotAfterStart', { periodStart: PERIOD_START, periodEnd: PERIOD_START });
    });

    it('refuses roster facts in which the unit head would set their own result (BR-09)', () => {
      const facts = { ...FACTS, roster: { ...ROSTER, authorisedOfficial: HEAD } };
      given([]).when(openUnitPeriod({ facts })).thenFails('AuthorisedOfficialIsUnitHead', { nip: HEAD, asOf: OPEN_DAY });
    });
  });

  describe('when open', () => {
    it('is opened once', () => {
      given(opened).when(openUnitPeriod()).thenFails('UnitPeriodAlreadyOpen', { unitPeriod: UNIT_PERIOD, status: 'open' });
    });

    it('refuses a command for another unit period (routed to the wrong stream)', () => {
      given(opened)
        .when(setOrganisationalResult('baik', { unitPeriod: OTHER_UNIT_PERIOD }))
        .thenFails('WrongUnitPeriod', { unitPeriod: UNIT_PERIOD, given: OTHER_UNIT_PERIOD });
    });

    describe('organisational result (BR-02, BR-03)', () => {
      it('is set by the unit head’s superior, with justification and evidence', () => {
        given(opened).when(setOrganisationalResult('istimewa')).then([organisationalResultSet('istimewa')]);
      });

      it('may be set without evidence', () => {
        given(opened)
          .when(setOrganisationalResult('kurang', { evidence: [] }))
          .then([organisationalResultSet('kurang', { evidence: [] })]);
      });

      it('may be set again before settlement; each one is kept and the last counts', () => {
        const first = [...opened, organisationalResultSet('kurang')];
        given(first).when(setOrganisationalResult('baik')).then([organisationalResultSet('baik')]);
        const state = stateAfter([...first, organisationalResultSet('baik')]);
        expect(state.status === 'open' && state.organisationalResult?.result).toBe('baik');
      });

      it.each([
        ['the unit head', HEAD, 'pimpinan-unit'],
        ['an operator', OPERATOR, 'operator'],
      ] as const)('is not set by %s', (_who, by, role) => {
        given(opened)
          .when(setOrganisationalResult('istimewa', { by, role }))
          .thenFails('NotTheAuthorisedOfficial', { expected: OFFICIAL, actor: by });
      });
    });

    describe('proposals', () => {
      it('records a proposed predikat from an evaluation', () => {
        given(opened).when(recordProposal(S1, rated('baik'))).then([proposalRecorded(S1, rated('baik'))]);
      });

      it('records the unit head’s proposal as such, with jenjang and months', () => {
        given(opened)
          .when(recordProposal(HEAD, rated('baik'), { jenjang: 'ahli-madya', months: 6 }))
          .then([proposalRecorded(HEAD, rated('baik'), { isUnitHead: true, jenjang: 'ahli-madya', months: 6 })]);
      });

      it('replaces a proposal when the employee is re-rated, keeping its place', () => {
        const history = proposing([
          [S1, rated('baik')],
          [S2, rated('baik')],
        ]);
        given(history).when(recordProposal(S1, rated('sangat-baik'))).then([proposalRecorded(S1, rated('sangat-baik'))]);
        const state = stateAfter([...history, proposalRecorded(S1, rated('sangat-baik'))]);
        expect(state.status === 'open' && state.proposals.map((p) => [p.employee, p.assessment.predikat])).toEqual([
          [S1, 'sangat-baik'],
          [S2, 'baik'],
        ]);
      });

      it('are recorded by the system only', () => {
        given(opened)
          .when(recordProposal(S1, rated('baik'), { by: OPERATOR, role: 'operator' }))
          .thenFails('NotSystem', { actor: OPERATOR, role: 'operator' });
      });

      it.each([0, 13, 6.5])('refuses %s months', (months) => {
        given(opened).when(recordProposal(S1, rated('baik'), { months })).thenFails('MonthsOutOfRange', { months });
      });

      it('refuses an evaluation of someone else', () => {
        given(opened)
          .when(recordProposal(S1, rated('baik'), { evaluation: evaluationOf(S2) }))
          .thenFails('EvaluationNotOfEmployee', { evaluation: evaluationOf(S2), employee: S1 });
      });

      it('refuses an evaluation of another period', () => {
        const quarterly = evaluationOf(S1, valid(PeriodId, '2025-Q1'));
        given(opened)
          .when(recordProposal(S1, rated('baik'), { evaluation: quarterly }))
          .thenFails('EvaluationOutsidePeriod', { evaluation: quarterly, period: PERIOD });
      });

      it('refuses a unit head the roster does not name (BR-09)', () => {
        given(opened)
          .when(recordProposal(S1, rated('baik'), { isUnitHead: true }))
          .thenFails('UnitHeadMismatch', { employee: S1, isUnitHead: true, unitHead: HEAD });
      });

      it('refuses the roster’s unit head proposed as staff, so BR-09 cannot be dodged', () => {
        given(opened)
          .when(recordProposal(HEAD, rated('baik'), { isUnitHead: false }))
          .thenFails('UnitHeadMismatch', { employee: HEAD, isUnitHead: false, unitHead: HEAD });
      });

      it('refuses any unit head while the head position was vacant', () => {
        const vacant = [unitPeriodOpened({ facts: { ...FACTS, roster: { ...ROSTER, unitHead: null } } })];
        given(vacant)
          .when(recordProposal(HEAD, rated('baik'), { isUnitHead: true }))
          .thenFails('UnitHeadMismatch', { employee: HEAD, isUnitHead: true, unitHead: null });
      });

      it('refuses an assessment with one rating level but not the other', () => {
        const { perilaku: _perilaku, ...oneLevel } = rated('baik');
        given(opened)
          .when(recordProposal(S1, oneLevel as Assessment))
          .thenFails('IncompleteAssessment', { evaluation: evaluationOf(S1) });
      });

      it('refuses a second evaluation of the same employee (one employee counts once in the curve)', () => {
        const secondPlan: EvaluationId = evaluationIdOf(planIdOf(S1, valid(PeriodId, '2025-P2')), PERIOD);
        given(proposing([[S1, rated('baik')]]))
          .when(recordProposal(S1, rated('baik'), { evaluation: secondPlan }))
          .thenFails('EmployeeAlreadyProposed', { employee: S1, evaluation: evaluationOf(S1) });
      });

      it('are withdrawn by an operator, e.g. when the employee left the unit', () => {
        given(proposing([[S1, rated('baik')]]))
          .when(withdrawProposal(evaluationOf(S1)))
          .then([proposalWithdrawn(S1)]);
      });

      it('are withdrawn by the system too', () => {
        given(proposing([[S1, rated('baik')]]))
          .when(withdrawProposal(evaluationOf(S1), { by: SYSTEM, role: 'sistem' }))
          .then([proposalWithdrawn(S1, { withdrawnBy: SYSTEM })]);
      });

      it('refuses to withdraw a proposal that is not there', () => {
        given(opened).when(withdrawProposal(evaluationOf(S1))).thenFails('UnknownProposal', { evaluation: evaluationOf(S1) });
      });

      it('are not withdrawn by the official', () => {
        given(proposing([[S1, rated('baik')]]))
          .when(withdrawProposal(evaluationOf(S1), { by: OFFICIAL, role: 'atasan-pejabat-penilai' }))
          .thenFails('NotOperatorOrSystem', { actor: OFFICIAL, role: 'atasan-pejabat-penilai' });
      });
    });

    describe('settling', () => {
      it('refuses before the organisational result is set (BR-03)', () => {
        given(proposed).when(settleUnitPeriod()).thenFails('OrganisationalResultNotSet', { unitPeriod: UNIT_PERIOD });
      });

      it('refuses with no proposal left', () => {
        const emptied = [...proposing([[S1, rated('baik')]]), proposalWithdrawn(S1), organisationalResultSet('istimewa')];
        given(emptied).when(settleUnitPeriod()).thenFails('NoProposals', { unitPeriod: UNIT_PERIOD });
      });

      it('is for the unit head’s superior only', () => {
        given(istimewa)
          .when(settleUnitPeriod({ by: HEAD, role: 'pimpinan-unit' }))
          .thenFails('NotTheAuthorisedOfficial', { expected: OFFICIAL, actor: HEAD });
      });

      it('records one decision listing every employee’s final predikat, its basis and consequences (BR-09 for the head)', () => {
        given(istimewa).when(settleUnitPeriod()).then([istimewaSettled]);
      });

      it('settles under the last organisational result set', () => {
        const history = [...proposed, organisationalResultSet('sangat-kurang'), organisationalResultSet('istimewa')];
        given(history).when(settleUnitPeriod()).then([istimewaSettled]);
      });

      it('computes angka kredit pro rata for a functional position on a short period (BR-24)', () => {
        const history = [
          ...opened,
          proposalRecorded(S1, rated('baik'), { jenjang: 'ahli-muda', months: 6 }),
          proposalRecorded(S2, rated('sangat-baik')),
          organisationalResultSet('istimewa'),
        ];
        given(history)
          .when(settleUnitPeriod())
          .then([
            unitPeriodSettled(
              'istimewa',
              [
                expectedResult(S1, rated('baik'), {
                  articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'],
                  jenjang: 'ahli-muda',
                  months: 6,
                }),
                expectedResult(S2, rated('sangat-baik'), { articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'] }),
              ],
              { curve: istimewaCurve(2) },
            ),
          ]);
        const result = unitPeriodDecider.decide(settleUnitPeriod(), stateAfter(history));
        const event = isRight(result) ? result.right[0] : undefined;
        const first = event?.type === 'UnitPeriodSettled' ? event.data.results[0] : undefined;
        expect(first?.consequences.angkaKredit).toEqual({
          jenjang: 'ahli-muda',
          predikat: 'baik',
          share: 1,
          coefficient: 25,
          months: 6,
          credits: 12.5,
        });
      });

      it('keeps a numeric rule book’s proposal for the unit head: BR-09 maps a level, numeric regimes have scores', () => {
        const history = [
          ...proposing([
            [S1, numeric('baik')],
            [HEAD, numeric('butuh-perbaikan', 80)],
          ]),
          organisationalResultSet('istimewa'),
        ];
        const numericArticles = ['BR-12', 'PP 30/2019', 'BR-04', 'BR-03'];
        given(history)
          .when(settleUnitPeriod())
          .then([
            unitPeriodSettled(
              'istimewa',
              [
                expectedResult(S1, numeric('baik'), { articles: numericArticles }),
                expectedResult(HEAD, numeric('butuh-perbaikan', 80), { articles: numericArticles }),
              ],
              { curve: istimewaCurve(2) },
            ),
          ]);
      });

      it('refuses final predikat that break the curve, naming the rule, the counts and the allowed range (BR-04)', () => {
        const tooMany = [
          ...proposing([
            [S1, rated('sangat-baik')],
            [S2, rated('sangat-baik')],
            [S3, rated('sangat-baik')],
            [S4, rated('sangat-baik')],
            [HEAD, rated('baik')],
          ]),
          organisationalResultSet('istimewa'),
        ];
        given(tooMany)
          .when(settleUnitPeriod())
          .thenFails('DistributionViolated', {
            organisationalResult: 'istimewa',
            total: 5,
            counts: counts({ 'sangat-baik': 4, baik: 1 }),
            violations: [
              {
                rule: 'BR-04',
                predikat: ['sangat-baik'],
                statement: { kind: 'max', share: 0.7 },
                allowed: { min: 0, max: 3 },
                count: 4,
              },
            ],
          });
      });

      it('counts the unit head’s predikat after BR-09 when checking the curve', () => {
        // Proposed: 3 Sangat Baik of 5 fit Istimewa's 70%; BR-09 lifts the head to Sangat Baik: 4 of 5 do not.
        const history = [
          ...proposing([
            [S1, rated('sangat-baik')],
            [S2, rated('sangat-baik')],
            [S3, rated('sangat-baik')],
            [S4, rated('baik')],
            [HEAD, ratedAssessment('sesuai-ekspektasi', 'di-atas-ekspektasi')],
          ]),
          organisationalResultSet('istimewa'),
        ];
        given(history)
          .when(settleUnitPeriod())
          .thenFails('DistributionViolated', { counts: counts({ 'sangat-baik': 4, baik: 1 }) });
      });

      it('does not check a unit smaller than the policy’s exemption, and says so', () => {
        const policy = { ...POLICY, curve: { exemptBelow: 5 } };
        const history = [
          unitPeriodOpened({ facts: { ...FACTS, policy } }),
          proposalRecorded(S1, rated('sangat-baik')),
          proposalRecorded(S2, rated('sangat-baik')),
          organisationalResultSet('istimewa'),
        ];
        given(history)
          .when(settleUnitPeriod())
          .then([
            unitPeriodSettled(
              'istimewa',
              [
                expectedResult(S1, rated('sangat-baik'), { articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'], policy }),
                expectedResult(S2, rated('sangat-baik'), { articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'], policy }),
              ],
              { curve: { rule: 'BR-04', exempt: true, bounds: [] } },
            ),
          ]);
      });
    });
  });

  describe('when settled', () => {
    it.each<[string, UnitPeriodCommand]>([
      ['SetOrganisationalResult', setOrganisationalResult('baik')],
      ['RecordProposal', recordProposal(S1, rated('baik'))],
      ['WithdrawProposal', withdrawProposal(evaluationOf(S1))],
      ['SettleUnitPeriod', settleUnitPeriod()],
    ])('refuses %s: the decision is taken', (_name, command) => {
      given(settled).when(command).thenFails('AlreadySettled', { unitPeriod: UNIT_PERIOD, settledAt: SETTLED_AT });
    });

    it('is not opened again', () => {
      given(settled).when(openUnitPeriod()).thenFails('UnitPeriodAlreadyOpen', { status: 'settled' });
    });

    describe('revising a settled result (after an upheld objection)', () => {
      it('recomputes the result from the new assessment and records the new counts', () => {
        const [s1, s2, s3, head] = istimewaResults;
        const revised = expectedResult(S3, rated('baik'), { articles: [...RATED_ARTICLES, 'BR-04', 'BR-03'] });
        given(settled)
          .when(reviseSettledResult(evaluationOf(S3), rated('baik')))
          .then([
            {
              type: 'SettledResultRevised',
              data: {
                unitPeriod: UNIT_PERIOD,
                evaluation: evaluationOf(S3),
                assessment: rated('baik'),
                previous: istimewaResults[2]!,
                result: revised,
                counts: counts({ 'sangat-baik': 1, baik: 3 }),
                curve: istimewaCurve(4),
                revisedBy: SYSTEM,
                at: REVISED_AT,
              },
            },
          ]);
        const after = stateAfter([
          ...settled,
          {
            type: 'SettledResultRevised',
            data: {
              unitPeriod: UNIT_PERIOD,
              evaluation: evaluationOf(S3),
              assessment: rated('baik'),
              previous: s3!,
              result: revised,
              counts: counts({ 'sangat-baik': 1, baik: 3 }),
              curve: istimewaCurve(4),
              revisedBy: SYSTEM,
              at: REVISED_AT,
            },
          },
        ]);
        expect(settledResults(after)).toEqual([s1, s2, revised, head]);
      });

      it('applies BR-09 again to the unit head', () => {
        const objection = ratedAssessment('sesuai-ekspektasi', 'di-atas-ekspektasi');
        given(settled)
          .when(reviseSettledResult(evaluationOf(HEAD), objection))
          .then([
            {
              type: 'SettledResultRevised',
              data: {
                unitPeriod: UNIT_PERIOD,
                evaluation: evaluationOf(HEAD),
                assessment: objection,
                previous: istimewaResults[3]!,
                result: expectedResult(HEAD, objection, {
                  predikat: 'sangat-baik',
                  label: 'Sangat Baik',
                  hasilKerja: 'di-atas-ekspektasi',
                  articles: [...RATED_ARTICLES, 'BR-09', 'BR-04', 'BR-03'],
                }),
                counts: counts({ 'sangat-baik': 2, baik: 1, 'butuh-perbaikan': 1 }),
                curve: istimewaCurve(4),
                revisedBy: SYSTEM,
                at: REVISED_AT,
              },
            },
          ]);
      });

      it('refuses a revision that would break the curve, naming every broken bound (BR-05)', () => {
        // Under Baik the same unit settles with Baik 2 of 4 and its one Butuh Perbaikan; lifting that one to Baik
        // breaks both bounds of BR-05.
        const baik = [...proposed, organisationalResultSet('baik')];
        const settledUnderBaik = unitPeriodDecider.decide(settleUnitPeriod(), stateAfter(baik));
        if (isLeft(settledUnderBaik)) throw new Error(describeUnitPeriodError(settledUnderBaik.left));
        const error = given([...baik, ...settledUnderBaik.right])
          .when(reviseSettledResult(evaluationOf(S3), rated('baik')))
          .thenFails('DistributionViolated', { organisationalResult: 'baik', counts: counts({ 'sangat-baik': 1, baik: 3 }) });
        expect(error.violations.map((v) => [v.rule, v.predikat, v.count, v.allowed])).toEqual([
          ['BR-05', ['baik'], 3, { min: 0, max: 2 }],
          ['BR-05', ['butuh-perbaikan', 'kurang'], 0, { min: 1, max: 4 }],
        ]);
      });

      it('refuses a revision of an evaluation that was not settled here', () => {
        given(settled)
          .when(reviseSettledResult(evaluationOf(S4), rated('baik')))
          .thenFails('UnknownProposal', { evaluation: evaluationOf(S4) });
      });

      it('refuses an incomplete assessment', () => {
        const { hasilKerja: _h, ...oneLevel } = rated('baik');
        given(settled)
          .when(reviseSettledResult(evaluationOf(S2), oneLevel as Assessment))
          .thenFails('IncompleteAssessment', { evaluation: evaluationOf(S2) });
      });

      it('is the system’s', () => {
        given(settled)
          .when(reviseSettledResult(evaluationOf(S2), rated('baik'), { by: OFFICIAL, role: 'atasan-pejabat-penilai' }))
          .thenFails('NotSystem', { actor: OFFICIAL });
      });

      it('needs a settlement', () => {
        given(istimewa)
          .when(reviseSettledResult(evaluationOf(S2), rated('baik')))
          .thenFails('UnitPeriodNotSettled', { unitPeriod: UNIT_PERIOD });
      });
    });
  });

  describe('reading', () => {
    it('counts the proposals as proposed, before BR-09', () => {
      expect(proposalCounts(stateAfter([]))).toEqual(counts({}));
      expect(proposalCounts(stateAfter(proposed))).toEqual(counts({ 'sangat-baik': 1, baik: 1, 'butuh-perbaikan': 2 }));
    });

    it('lists the settled results only once settled', () => {
      expect(settledResults(stateAfter(istimewa))).toEqual([]);
      expect(settledResults(stateAfter(settled))).toEqual(istimewaResults);
    });
  });

  describe('evolve', () => {
    it('ignores an event type it does not know', () => {
      const state = stateAfter(proposed);
      expect(evolve(state, { type: 'UnitPeriodRenamed', data: {} } as unknown as UnitPeriodEvent)).toBe(state);
    });

    it('ignores events that do not fit the state', () => {
      const empty = stateAfter([]);
      expect(evolve(empty, proposalRecorded(S1, rated('baik')))).toBe(empty);
      const closed = stateAfter(settled);
      expect(evolve(closed, proposalRecorded(S4, rated('baik')))).toBe(closed);
      expect(evolve(closed, organisationalResultSet('kurang'))).toBe(closed);
    });
  });

  describe('codecs at the edge', () => {
    it('refuses roster and policy facts from a client', () => {
      const body = (OpenUnitPeriodCodec.encode(openUnitPeriod()) as { data: Record<string, unknown> }).data;
      const result = decodeWith(OpenUnitPeriodRequestCodec)(body);
      expect(isLeft(result) && result.left).toEqual([{ path: 'facts', message: 'unknown field "facts"' }]);
      const { facts: _facts, ...header } = body;
      const decoded = OpenUnitPeriodRequestCodec.decode(header);
      expect(isRight(decoded) && decoded.right).toEqual({
        unitPeriod: unitPeriodIdOf(UNIT, PERIOD),
        unit: UNIT,
        period: PERIOD,
        periodStart: PERIOD_START,
        periodEnd: PERIOD_END,
      });
    });

    it('refuses unknown fields in a command, naming them', () => {
      const wire = UnitPeriodCommandCodec.encode(settleUnitPeriod()) as { data: object };
      const result = decodeWith(UnitPeriodCommandCodec)({ ...wire, data: { ...wire.data, force: true } });
      expect(isLeft(result) && result.left).toEqual([{ path: 'data.force', message: 'unknown field "force"' }]);
    });

    it('lets months outside 1..12 through, so the decider names them', () => {
      const wire = RecordProposalCodec.encode(recordProposal(S1, rated('baik'))) as { data: object };
      const decoded = RecordProposalCodec.decode({ ...wire, data: { ...wire.data, months: 14 } });
      expect(isRight(decoded)).toBe(true);
      if (isRight(decoded)) given(opened).when(decoded.right).thenFails('MonthsOutOfRange', { months: 14 });
    });

    it('refuses a policy that exempts nobody with 0 or misses a predikat', () => {
      const wire = OpenUnitPeriodCodec.encode(openUnitPeriod()) as { data: { facts: { policy: Record<string, unknown> } } };
      const withPolicy = (policy: Record<string, unknown>) => ({
        ...wire,
        data: { ...wire.data, facts: { ...wire.data.facts, policy: { ...wire.data.facts.policy, ...policy } } },
      });
      expect(isLeft(OpenUnitPeriodCodec.decode(withPolicy({ curve: { exemptBelow: 0 } })))).toBe(true);
      expect(isLeft(OpenUnitPeriodCodec.decode(withPolicy({ allowancePercent: { baik: 100 } })))).toBe(true);
    });

    it('strips unknown fields from stored events', () => {
      const wire = UnitPeriodEventCodec.encode(istimewaSettled) as { data: object };
      const stripped = UnitPeriodEventCodec.decode({ ...wire, data: { ...wire.data, comment: 'x' } });
      expect(isRight(stripped) && stripped.right).toEqual(istimewaSettled);
    });
  });

  it('specifies every command’s success and every refusal', () => {
    const tags: { readonly [K in UnitPeriodErrorTag]: null } = {
      UnitPeriodNotOpen: null,
      UnitPeriodAlreadyOpen: null,
      AlreadySettled: null,
      UnitPeriodNotSettled: null,
      WrongUnitPeriod: null,
      UnitPeriodIdMismatch: null,
      PeriodEndNotAfterStart: null,
      AuthorisedOfficialIsUnitHead: null,
      NotOperatorOrSystem: null,
      NotSystem: null,
      NotTheAuthorisedOfficial: null,
      MonthsOutOfRange: null,
      EvaluationNotOfEmployee: null,
      EvaluationOutsidePeriod: null,
      UnitHeadMismatch: null,
      EmployeeAlreadyProposed: null,
      IncompleteAssessment: null,
      UnknownProposal: null,
      OrganisationalResultNotSet: null,
      NoProposals: null,
      DistributionViolated: null,
    };
    expect(Object.keys(tags).filter((tag) => !refusalsSeen.has(tag as UnitPeriodErrorTag))).toEqual([]);
    expect(Object.keys(unitPeriodCommandCodecs).filter((type) => !successesSeen.has(type as UnitPeriodCommand['type']))).toEqual([]);
  });
});
