// What the benchmarks write: events shaped like the engine's `RealisationRecorded` (an employee records the
// realisation of an IKI with its evidence), in plan streams of the five model cities, with the metadata the
// engine stamps (packages/engine/src/pipeline.ts, `eventMetadata`). Both sides of a figure write these same
// events, so kinerja and its baseline store the same bytes.
const { randomUUID } = require('node:crypto');

const TENANTS = ['surabaya', 'salatiga', 'samarinda', 'semarang', 'palembang'];
const PERIOD = '2025';

/** An 18-digit NIP, distinct for each stream index below 10,000. */
const nipOf = (i) => `19850315201001${String(i % 10_000).padStart(4, '0')}`;

const tenantOf = (i) => TENANTS[i % TENANTS.length];

/** `plan-<tenant>.<nip>.<period>`, as planStreamId in packages/domain/src/plan/plan.ts. */
const streamIdOf = (i) => `plan-${tenantOf(i)}.${nipOf(i)}.${PERIOD}`;

/**
 * The `version`-th event of stream `i`, as a NewEvent (packages/eventstore/src/envelope.ts). Ids are fresh
 * UUIDs, as the engine's are; the data is about 450 bytes of JSON.
 */
const realisationRecorded = (i, version) => {
  const nip = nipOf(i);
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'RealisationRecorded',
    schemaVersion: 1,
    data: {
      plan: `${nip}.${PERIOD}`,
      rhk: `R${1 + (version % 4)}`,
      iki: `I${1 + (version % 3)}`,
      revision: 1,
      realised: { kuantitas: 6 + (version % 5), kualitas: 95, waktu: 12, biaya: 1_250_000 },
      evidence: [
        {
          ref: `https://drive.example/kinerja/${PERIOD}/06/laporan-bulanan-${version}.pdf`,
          description: 'Laporan kegiatan bulan Juni: pelayanan imunisasi dasar di puskesmas wilayah kerja',
        },
        { ref: `https://drive.example/kinerja/${PERIOD}/06/dokumentasi-${version}.jpg`, description: 'Dokumentasi kegiatan' },
      ],
      recordedBy: nip,
      at: '2025-06-30T03:00:00.000Z',
    },
    metadata: {
      tenant: tenantOf(i),
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { nip, role: 'pegawai' },
      occurredAt: '2025-06-30T10:00:00.000+07:00',
    },
  };
};

/** 64 hex digits: what a SHA-256 takes in the stored metadata. */
const HASH_SIZED = 'f'.repeat(64);

/**
 * The stored metadata of an event, as the store keeps it (recordedAt, prevHash, hash added) but with placeholder
 * hashes of the right length: the raw baselines store the same bytes without computing the chain.
 */
const storedMetadata = (event, recordedAt) => ({
  ...event.metadata,
  recordedAt,
  prevHash: HASH_SIZED,
  hash: HASH_SIZED,
});

/** Bytes of one event as stored: the data column and the metadata column. */
const storedSizes = () => {
  const event = realisationRecorded(0, 0);
  return {
    data: Buffer.byteLength(JSON.stringify(event.data)),
    metadata: Buffer.byteLength(JSON.stringify(storedMetadata(event, new Date().toISOString()))),
  };
};

module.exports = { realisationRecorded, storedMetadata, storedSizes, streamIdOf };
