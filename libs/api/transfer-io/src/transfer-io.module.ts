import { Module } from '@nestjs/common';

/** Excel templates, imports as background jobs, streaming exports. */
@Module({})
export class TransferIoModule {}
