export { openSqliteStore } from './sqlite-store';
export type { SqliteStoreOptions } from './connection';
export { StoreError, type StoreErrorCode } from './errors';
export { MIGRATIONS, type Migration } from './migrations';
