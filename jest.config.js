// One jest run for the whole repository. @swc/jest strips types (about 3x faster than ts-jest);
// types are checked separately by `pnpm check`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  roots: ['<rootDir>/packages', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          // NestJS reads constructor parameter types from decorator metadata.
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Tests run against the sources, not the build: the same mapping as tsconfig.spec.json's `paths`.
  moduleNameMapper: {
    '^@kinerja/domain$': '<rootDir>/packages/domain/src/index.ts',
    '^@kinerja/domain/testing$': '<rootDir>/packages/domain/src/testing/index.ts',
    '^@kinerja/eventstore$': '<rootDir>/packages/eventstore/src/index.ts',
    '^@kinerja/engine$': '<rootDir>/packages/engine/src/index.ts',
    '^@kinerja/projections$': '<rootDir>/packages/projections/src/index.ts',
  },
};
