import { Module } from '@nestjs/common';

/** The read model kept current: dirty marks from the owners' events, the per-school refresh job, the full rebuild. */
@Module({})
export class FactsModule {}
