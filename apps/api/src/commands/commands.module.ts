/**
 * The command side: one controller per aggregate generated from the catalog, the one `RunCatalogCommand`
 * handler, and the in-flight tracker the graceful shutdown waits on. Expects `CqrsModule.forRoot()` and `STORE`
 * (and, optionally, `COMMAND_METRICS`) from the application module.
 */
import { Module, type DynamicModule } from '@nestjs/common';
import type { CommandSpec } from '@kinerja/engine';
import { commandControllers, type CommandRouteOptions } from './command-controllers';
import { InFlightCommands } from './in-flight';
import { RunCatalogCommandHandler } from './run-catalog-command';

@Module({})
export class CommandsModule {
  static register(specs: ReadonlyArray<CommandSpec>, options: CommandRouteOptions): DynamicModule {
    return {
      module: CommandsModule,
      controllers: [...commandControllers(specs, options)],
      providers: [RunCatalogCommandHandler, InFlightCommands],
      exports: [InFlightCommands],
    };
  }
}
