// The command-path workload (issue 9): the start-of-year rush, every employee drafting an SKP and getting it
// approved. Each employee is five commands on their own plan stream: DraftPlan, AddRhk, AddIki, SubmitPlan,
// ApprovePlan. Each command arrives as JSON (as over HTTP), is decoded by the plan's io-ts command codec, and runs
// through a command handler: load the stream → fold → decide → durable append.
//
// The same decoded commands and the same plan decider run on kinerja's pipeline and on Emmett's CommandHandler;
// on Emmett, events are stored in kinerja's wire format through Emmett's own downcast/upcast hooks, so both sides
// store and parse the same JSON.
const { isLeft } = require('fp-ts/Either');
const { PlanCommandCodec, planDecider, planIdOf, planStreamId } = require('@kinerja/domain');
const { handle, planAggregate } = require('@kinerja/engine');

const TENANT = 'salatiga';
const PERIOD = '2025';
const APPRAISER = '198706122015032004'; // Rina, Kepala Bidang Pelayanan (test/fixtures/roster-salatiga.csv)
const SUPERIOR = '197505101998031003'; // Bambang, Kepala Dinas

/**
 * A valid NIP (birth date, appointment year and month, sex, sequence), distinct for each employee index below
 * 239,760.
 */
const nipOf = (i) => {
  const sequence = 1 + (i % 999);
  const k = Math.floor(i / 999);
  const sex = 1 + (k % 2);
  const month = 1 + (Math.floor(k / 2) % 12);
  const year = 2010 + (Math.floor(k / 24) % 10);
  return `19900101${year}${String(month).padStart(2, '0')}${sex}${String(sequence).padStart(3, '0')}`;
};

/** What the roster says on the day of drafting (the engine looks these facts up; here they are given). */
const rosterFacts = {
  asOf: '2025-01-06',
  employeeUnit: 'dukcapil-pelayanan',
  employeeSuperior: APPRAISER,
  appraiserSuperior: SUPERIOR,
};

/** The five commands of employee `i`, as JSON a client would send (instants as ISO strings). */
const commandsOf = (i) => {
  const employee = nipOf(i);
  const plan = planIdOf(employee, PERIOD);
  const asEmployee = { nip: employee, role: 'pegawai' };
  const asAppraiser = { nip: APPRAISER, role: 'pejabat-penilai' };
  const at = (day, who) => ({ now: `2025-01-${day}T09:00:00+07:00`, actor: who });
  return {
    streamId: planStreamId(TENANT, plan),
    commands: [
      {
        type: 'DraftPlan',
        data: {
          plan,
          employee,
          appraiser: APPRAISER,
          appraiserSuperior: SUPERIOR,
          unit: 'dukcapil-pelayanan',
          period: PERIOD,
          periodStart: '2025-01-01T00:00:00+07:00',
          periodEnd: '2025-12-31T23:59:59+07:00',
          approach: 'kuantitatif',
          roster: rosterFacts,
        },
        metadata: at('06', asEmployee),
      },
      { type: 'AddRhk', data: { plan, rhk: 'RHK-1', kind: 'utama', description: 'KTP-el diterbitkan tepat waktu' }, metadata: at('07', asEmployee) },
      {
        type: 'AddIki',
        data: {
          plan,
          rhk: 'RHK-1',
          iki: 'IKI-1',
          description: 'KTP-el terbit ≤ 1 hari kerja',
          targets: { kuantitas: { value: 1200, unit: 'dokumen' }, kualitas: { percent: 98 } },
        },
        metadata: at('07', asEmployee),
      },
      { type: 'SubmitPlan', data: { plan }, metadata: at('07', asEmployee) },
      { type: 'ApprovePlan', data: { plan }, metadata: at('08', asAppraiser) },
    ],
  };
};

const decode = (json) => {
  const decoded = PlanCommandCodec.decode(json);
  if (isLeft(decoded)) throw new Error(`the benchmark's ${json.type} does not decode`);
  return decoded.right;
};

let runId = 0;

/** kinerja: decode → `handle` (load → fold → decide → append with the expected version) on `store`. */
const kinerjaHandler = (store) => {
  runId += 1;
  const run = runId;
  let n = 0;
  return async (streamId, json) => {
    const command = decode(json);
    n += 1;
    const result = await handle(store, planAggregate, streamId, command, {
      tenant: TENANT,
      commandId: `bench-${run}-${n}`,
      actor: command.metadata.actor,
      issuedAt: command.metadata.now,
    });
    if (isLeft(result)) throw new Error(`kinerja refused ${json.type}: ${JSON.stringify(result.left)}`);
  };
};

/**
 * Emmett: decode → CommandHandler (aggregateStream → decide → appendToStream) with the same decider. Emmett keeps
 * what the handler returns as the stored event, so the handler returns events in kinerja's wire format (the
 * codec's encoding) and `evolve` decodes each one before folding it, as kinerja's pipeline does.
 */
const emmettHandler = (store) => {
  const { CommandHandler } = require('@event-driven-io/emmett');
  const serde = planAggregate.serde;
  const handler = CommandHandler({
    evolve: (state, stored) => {
      const decoded = serde.deserialize({ type: stored.type, schemaVersion: 1, data: stored.data });
      if (isLeft(decoded)) throw new Error(decoded.left);
      return planDecider.evolve(state, decoded.right);
    },
    initialState: planDecider.initialState,
  });
  return async (streamId, json) => {
    const command = decode(json);
    await handler(store, streamId, (state) => {
      const decided = planDecider.decide(command, state);
      if (isLeft(decided)) throw new Error(`Emmett refused ${json.type}: ${JSON.stringify(decided.left)}`);
      return decided.right.map((event) => {
        const { type, data } = serde.serialize(event);
        return { type, data };
      });
    });
  };
};

/**
 * Runs `employees` employees' five commands with `inFlight` employees at a time (each employee's commands in
 * order, as one person clicks through them), starting at employee index `first`. Resolves with the number of
 * commands handled.
 */
const runEmployees = async (handler, { first = 0, employees, inFlight }) => {
  let next = first;
  const end = first + employees;
  const worker = async () => {
    for (let i = next++; i < end; i = next++) {
      const { streamId, commands } = commandsOf(i);
      for (const json of commands) await handler(streamId, json);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, employees) }, worker));
  return employees * 5;
};

module.exports = { commandsOf, emmettHandler, kinerjaHandler, runEmployees };
