/**
 * The decider: the one shape every aggregate of kinerja takes (see docs/adr/0001-decider-with-either.md).
 *
 * `decide` answers a command with the facts it causes or with the reason it is refused; `evolve` folds a
 * fact into the state. Both are pure: no clock, no I/O, no exceptions. The clock reaches the domain only as
 * `command.metadata.now`.
 */
import type { Either } from 'fp-ts/Either';
import type { Nip } from './ids';

export type Decider<State, Command, Event, Error> = {
  readonly decide: (command: Command, state: State) => Either<Error, ReadonlyArray<Event>>;
  /** Total: an event that does not apply to the state leaves it unchanged; never throws. */
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
  /** A terminal state accepts no further command (e.g. a closed plan). */
  readonly isTerminal?: (state: State) => boolean;
};

/** Folds events into a state, starting from `state`. */
export const fold = <State, Event>(
  evolve: (state: State, event: Event) => State,
  state: State,
  events: Iterable<Event>,
): State => {
  let current = state;
  for (const event of events) current = evolve(current, event);
  return current;
};

/** The state a decider reaches after `events`, from its initial state. */
export const replay = <State, Event>(
  decider: Pick<Decider<State, never, Event, never>, 'evolve' | 'initialState'>,
  events: Iterable<Event>,
): State => fold(decider.evolve, decider.initialState(), events);

/** A fact: a past-tense type name and its data. Envelope fields (ids, positions, hashes) are added by the store. */
export type Event<Type extends string, Data> = Readonly<{ type: Type; data: Data }>;

/** A request to change something: an imperative type name, its data, and who asks when. */
export type Command<Type extends string, Data> = Readonly<{ type: Type; data: Data; metadata: CommandMetadata }>;

export type CommandMetadata = Readonly<{
  /** The instant the command is decided at; the domain never reads the clock. */
  now: Date;
  actor: Actor;
}>;

/** The roles of DOMAIN.md §1, as codes. */
export const ROLES = [
  'pegawai',
  'pejabat-penilai',
  'atasan-pejabat-penilai',
  'pimpinan-unit',
  'rekan-kerja',
  'ppk',
  'pejabat-berwenang-menghukum',
  'tim-pemeriksa',
  'bpasn',
  'inspektorat',
  'auditor',
  'operator',
  'masyarakat',
  'sistem',
] as const;
export type Role = (typeof ROLES)[number];

/** Who issues a command: the person (by NIP) and the role they act in. */
export type Actor = Readonly<{ nip: Nip; role: Role }>;
