// Every PostgreSQL migration, in the order they apply: the content tables, then the delivery
// tables (which may refer to content tables, never the other way round). Versions are unique
// across both lists: content 1-99, delivery 100 and up.
import type { Migration } from './db.ts';
import { contentMigrations } from './schema-content.ts';
import { deliveryMigrations } from './schema-delivery.ts';

export const pgMigrations: readonly Migration[] = [...contentMigrations, ...deliveryMigrations];
