import { Module } from '@nestjs/common';

/** The official statistical reports of the start and the end of the school year. */
@Module({})
export class FormsModule {}
