import { Module } from '@nestjs/common';

/** Staff records (HR), employment history and transfers between schools. */
@Module({})
export class StaffModule {}
