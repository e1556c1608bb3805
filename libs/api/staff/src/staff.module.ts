import { Module } from '@nestjs/common';
import { StaffController } from './staff.controller';
import { StaffDirectory } from './staff-directory';
import { StaffRepository } from './staff.repository';
import { StaffService } from './staff.service';
import { StaffTransferService } from './staff-transfer.service';

/** Staff records (HR), employment history and transfers between schools. */
@Module({
  controllers: [StaffController],
  providers: [StaffRepository, StaffService, StaffTransferService, StaffDirectory],
  exports: [StaffDirectory],
})
export class StaffModule {}
