// The delivery tables on PostgreSQL (subscribers, sent messages, digests, outbox, locks):
// written by the delivery side of issue 17; versions 100 and up (see migrations.ts).
import type { Migration } from '../migrations.ts';

export const deliveryMigrations: Migration[] = [];
