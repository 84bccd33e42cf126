/**
 * The operator's view: the store's head and every projection's status (version, checkpoint, lag, state); and the
 * export of one read model as flat rows (the API side of `kinerja export`), scoped to the route's tenant.
 */
import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { isRight } from 'fp-ts/Either';
import type { TenantId } from '@kinerja/domain';
import type { EventStore } from '@kinerja/eventstore';
import { READ_MODEL_DESCRIPTIONS, exportReadModel, isReadModelName, type ExportRow, type ProjectionRunner, type ProjectionStatus } from '@kinerja/projections';
import { PROJECTION_RUNNER, READ_MODEL_DB, STORE } from '../contracts';
import { notFound } from './problems';
import { read, type ReadModelDb } from './read-model-db';

export type ServiceStatus = Readonly<{ headPosition: number | null; projections: ReadonlyArray<ProjectionStatus> }>;

export class StatusQuery extends Query<ServiceStatus> {}

@QueryHandler(StatusQuery)
export class StatusHandler implements IQueryHandler<StatusQuery> {
  constructor(
    @Inject(STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly runner: Pick<ProjectionRunner, 'status'>,
  ) {}
  async execute(): Promise<ServiceStatus> {
    const [head, projections] = await Promise.all([this.store.headPosition(), this.runner.status()]);
    return { headPosition: isRight(head) ? head.right : null, projections };
  }
}

export type ReadModelExport = Readonly<{ readModel: string; description: string; rows: ReadonlyArray<ExportRow> }>;

export class ExportQuery extends Query<ReadModelExport> {
  constructor(
    readonly tenant: TenantId,
    readonly readModel: string,
    readonly filters: Readonly<{ period?: string; unit?: string }>,
  ) {
    super();
  }
}

@QueryHandler(ExportQuery)
export class ExportHandler implements IQueryHandler<ExportQuery> {
  constructor(@Inject(READ_MODEL_DB) private readonly db: ReadModelDb) {}
  async execute(q: ExportQuery): Promise<ReadModelExport> {
    const name = q.readModel;
    if (!isReadModelName(name)) throw notFound(`no read model "${name}" to export`, { readModels: Object.keys(READ_MODEL_DESCRIPTIONS) });
    return { readModel: name, description: READ_MODEL_DESCRIPTIONS[name], rows: read(() => exportReadModel(this.db, name, { ...q.filters, tenant: q.tenant })) };
  }
}

export const STATUS_HANDLERS = [StatusHandler, ExportHandler];
