/**
 * Provenance (ARCHITECTURE.md: "the inspectorate, asking of any decision: who, in what role, under which rule,
 * from which inputs"): read from the audit read model's views only.
 *
 * `provenanceOf(db, eventId)` is one node: the event's type, stream, actor and role, the authority and deciding
 * official its data records, the rule book and articles of its basis, its key facts, and its edges: the basis
 * inputs (the events the decision was folded from and the event that caused it) and the cause (the event a process
 * manager reacted to). `explain(db, eventId, { depth })` follows the edges back towards the source events,
 * breadth first, and `explainText(graph)` prints the result as an indented tree.
 *
 * For a settled predikat (`EvaluationSettled`) the graph holds the evaluation's opening (rule book, roster facts),
 * the appraiser's rating (hasil kerja, perilaku), the unit period's settlement (the curve rule BR-04..08 with its
 * bounds and the unit's counts) with the organisational result and every colleague's proposal, and each step's
 * actor and role.
 */
import type Database from 'better-sqlite3';
import type { Json } from '@kinerja/eventstore';
import { prepared } from './statements';

export type ProvenanceNode = Readonly<{
  eventId: string;
  position: number;
  tenant: string;
  stream: string;
  version: number;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actor: Readonly<{ nip: string; role: string }>;
  /** The employee the event is about, when it is about one. */
  employee: string | null;
  /** Who the data says decided (`decidedBy`, `ratedBy`, `settledBy`, ...), when it says so. */
  decidedBy: string | null;
  /** The authority the data records (a role name, or the discipline decision's authority-table row). */
  authority: string | null;
  ruleBook: string | null;
  articles: ReadonlyArray<string>;
  summary: string | null;
  /** Key facts of the decision (see `DETAILS` in audit.ts). */
  detail: Json | null;
  /** Basis inputs, in the order the basis lists them. */
  inputs: ReadonlyArray<string>;
  /** The event whose process-manager reaction this event is. */
  cause: string | null;
  hash: string;
}>;

export type ProvenanceEdge = Readonly<{ from: string; to: string; kind: 'basis' | 'cause' }>;

export type ExplainGraph = Readonly<{
  root: string;
  depth: number;
  /** Breadth first from the root; `depth` is the node's distance from it. */
  nodes: ReadonlyArray<ProvenanceNode & Readonly<{ depth: number }>>;
  edges: ReadonlyArray<ProvenanceEdge>;
  /** Event ids an edge names that the read model does not have (not yet caught up, or outside the log). */
  missing: ReadonlyArray<string>;
  /** True when `maxNodes` stopped the walk before `depth`. */
  truncated: boolean;
}>;

type EventRow = Readonly<{
  position: number;
  event_id: string;
  tenant: string;
  stream: string;
  version: number;
  type: string;
  occurred: string;
  recorded: string;
  actor: string;
  role: string;
  employee: string | null;
  summary: string | null;
  decided_by: string | null;
  authority: string | null;
  rule_book: string | null;
  articles: string | null;
  inputs: string | null;
  cause: string | null;
  detail: string | null;
  hash: string;
}>;

const parseList = (text: string | null): ReadonlyArray<string> => (text === null ? [] : (JSON.parse(text) as string[]));

export const nodeOf = (row: EventRow): ProvenanceNode => ({
  eventId: row.event_id,
  position: row.position,
  tenant: row.tenant,
  stream: row.stream,
  version: row.version,
  type: row.type,
  occurredAt: row.occurred,
  recordedAt: row.recorded,
  actor: { nip: row.actor, role: row.role },
  employee: row.employee,
  decidedBy: row.decided_by,
  authority: row.authority,
  ruleBook: row.rule_book,
  articles: parseList(row.articles),
  summary: row.summary,
  detail: row.detail === null ? null : (JSON.parse(row.detail) as Json),
  inputs: parseList(row.inputs),
  cause: row.cause,
  hash: row.hash,
});

const CHUNK = 500;

const nodesByIds = (db: Database.Database, ids: ReadonlyArray<string>): Map<string, ProvenanceNode> => {
  const found = new Map<string, ProvenanceNode>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = prepared(db, `SELECT * FROM audit_event WHERE event_id IN (${chunk.map(() => '?').join(', ')})`)
      .all(...chunk) as EventRow[];
    for (const row of rows) found.set(row.event_id, nodeOf(row));
  }
  return found;
};

/** One event's provenance node, or undefined when the read model does not have it. */
export const provenanceOf = (db: Database.Database, eventId: string): ProvenanceNode | undefined =>
  nodesByIds(db, [eventId]).get(eventId);

/** The edges out of a node: its basis inputs, then its cause when the basis does not already name it. */
export const edgesOf = (node: ProvenanceNode): ReadonlyArray<ProvenanceEdge> => {
  const edges: ProvenanceEdge[] = node.inputs.map((to) => ({ from: node.eventId, to, kind: 'basis' as const }));
  if (node.cause !== null && !node.inputs.includes(node.cause)) edges.push({ from: node.eventId, to: node.cause, kind: 'cause' });
  return edges;
};

export type ExplainOptions = Readonly<{
  /** How many edges back from the decision to follow; default 3 (a settled predikat → its unit's settlement → the proposals → the colleagues' ratings). */
  depth?: number;
  /** At most this many nodes; default 500. */
  maxNodes?: number;
}>;

/** The provenance graph of an event back towards its source events; undefined when the event is not known. */
export const explain = (db: Database.Database, eventId: string, options: ExplainOptions = {}): ExplainGraph | undefined => {
  const depth = options.depth ?? 3;
  const maxNodes = options.maxNodes ?? 500;
  const root = provenanceOf(db, eventId);
  if (root === undefined) return undefined;
  const nodes: Array<ProvenanceNode & { depth: number }> = [{ ...root, depth: 0 }];
  const seen = new Set<string>([eventId]);
  const edges: ProvenanceEdge[] = [];
  const missing: string[] = [];
  let truncated = false;
  let level: ReadonlyArray<ProvenanceNode> = [root];
  for (let d = 1; d <= depth && level.length > 0; d++) {
    const next: string[] = [];
    for (const node of level)
      for (const edge of edgesOf(node)) {
        edges.push(edge);
        if (!seen.has(edge.to)) {
          seen.add(edge.to);
          next.push(edge.to);
        }
      }
    const room = maxNodes - nodes.length;
    if (next.length > room) truncated = true;
    const wanted = next.slice(0, Math.max(0, room));
    const found = nodesByIds(db, wanted);
    const levelNodes: ProvenanceNode[] = [];
    for (const id of wanted) {
      const node = found.get(id);
      if (node === undefined) missing.push(id);
      else {
        nodes.push({ ...node, depth: d });
        levelNodes.push(node);
      }
    }
    if (truncated) break;
    level = levelNodes;
  }
  // Edges out of the last level are not followed: keep only those between known or missing nodes.
  const kept = new Set([...nodes.map((n) => n.eventId), ...missing]);
  return { root: eventId, depth, nodes, edges: edges.filter((e) => kept.has(e.to)), missing, truncated };
};

// ---------------------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------------------

const isRecord = (j: Json | undefined): j is { readonly [key: string]: Json } => typeof j === 'object' && j !== null && !Array.isArray(j);

const scalar = (j: Json): string => (typeof j === 'string' ? j : JSON.stringify(j));

/** The curve check of a settlement: each bound with the unit's count in it (BR-04..BR-08). */
const curveLines = (detail: { readonly [key: string]: Json }): ReadonlyArray<string> => {
  const counts = detail['counts'];
  const bounds = detail['bounds'];
  if (!isRecord(counts) || !Array.isArray(bounds)) return [];
  const lines = [
    `curve ${scalar(detail['rule'] ?? '')} under organisational result ${scalar(detail['organisationalResult'] ?? '')}${detail['exempt'] === true ? ' (unit exempt by policy)' : ''}`,
    `counts ${Object.entries(counts)
      .map(([p, n]) => `${p} ${scalar(n)}`)
      .join(', ')}`,
  ];
  for (const b of bounds) {
    if (!isRecord(b) || !Array.isArray(b['predikat'])) continue;
    const predikat = b['predikat'].map(scalar);
    const count = predikat.reduce((sum, p) => sum + (typeof counts[p] === 'number' ? counts[p] : 0), 0);
    const min = Number(b['min']);
    const max = Number(b['max']);
    lines.push(`${scalar(b['rule'] ?? '')} ${predikat.join(' + ')}: ${count} within ${min}..${max} ${count >= min && count <= max ? 'ok' : 'VIOLATED'}`);
  }
  return lines;
};

const CURVE_KEYS: ReadonlySet<string> = new Set(['counts', 'bounds', 'rule', 'exempt', 'organisationalResult']);

const detailLines = (detail: Json | null): ReadonlyArray<string> => {
  if (!isRecord(detail)) return [];
  const curve = 'bounds' in detail;
  const lines: string[] = curve ? [...curveLines(detail)] : [];
  const plain = Object.entries(detail).filter(([k, v]) => v !== null && v !== '' && k !== 'results' && !(curve && CURVE_KEYS.has(k)));
  if (plain.length > 0) lines.push(plain.map(([k, v]) => `${k} ${scalar(v)}`).join(', '));
  const results = detail['results'];
  if (Array.isArray(results))
    lines.push(
      `results ${results
        .filter(isRecord)
        .map((r) => `${scalar(r['employee'] ?? '')} ${scalar(r['predikat'] ?? '')}`)
        .join(', ')}`,
    );
  return lines;
};

const nodeLines = (node: ProvenanceNode): ReadonlyArray<string> => [
  `${node.type} ${node.eventId}${node.summary === null ? '' : `: ${node.summary}`}`,
  `  stream ${node.stream} v${node.version}, position ${node.position}; occurred ${node.occurredAt}, recorded ${node.recordedAt}`,
  `  by ${node.actor.nip} as ${node.actor.role}${node.decidedBy !== null && node.decidedBy !== node.actor.nip ? `; decided by ${node.decidedBy}` : ''}${node.authority === null ? '' : `; authority ${node.authority}`}`,
  ...(node.ruleBook === null ? [] : [`  basis ${node.ruleBook}: ${node.articles.join(', ')}`]),
  ...detailLines(node.detail).map((l) => `  ${l}`),
  `  hash ${node.hash}`,
];

/** The graph as an indented tree for people: each event once, a second reference to it says so. */
export const explainText = (graph: ExplainGraph): string => {
  const byId = new Map(graph.nodes.map((n) => [n.eventId, n]));
  const outOf = new Map<string, ProvenanceEdge[]>();
  for (const e of graph.edges) outOf.set(e.from, [...(outOf.get(e.from) ?? []), e]);
  const missing = new Set(graph.missing);
  const printed = new Set<string>();
  const out: string[] = [];
  const walk = (id: string, indent: string, via: string): void => {
    const node = byId.get(id);
    if (node === undefined) {
      if (missing.has(id)) out.push(`${indent}${via}${id} (not in the read model)`);
      return;
    }
    if (printed.has(id)) {
      out.push(`${indent}${via}${node.type} ${id} (shown above)`);
      return;
    }
    printed.add(id);
    const [first, ...rest] = nodeLines(node);
    out.push(`${indent}${via}${first ?? ''}`);
    for (const line of rest) out.push(`${indent}${' '.repeat(via.length)}${line}`);
    for (const e of outOf.get(id) ?? []) walk(e.to, `${indent}${' '.repeat(via.length)}  `, e.kind === 'basis' ? '<- ' : '<~ ');
  };
  walk(graph.root, '', '');
  const actors = [...new Map(graph.nodes.map((n) => [`${n.actor.nip} ${n.actor.role}`, n.actor])).values()];
  out.push('', `actors: ${actors.map((a) => `${a.nip} (${a.role})`).join(', ')}`);
  if (graph.truncated) out.push(`(stopped at ${graph.nodes.length} events; raise maxNodes to see more)`);
  out.push(`(<- basis input, <~ cause; ${graph.depth} levels back)`);
  return out.join('\n');
};
