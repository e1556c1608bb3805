import { Global, Module } from '@nestjs/common';
import { RefusalLog } from '@emis/api/platform';
import { AnchorSchedule } from './anchor/anchor-schedule';
import { AnchorRepository } from './anchor/anchor.repository';
import { AuditAnchors } from './anchor/audit-anchors.service';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { PersonalDataGuard } from './privacy/personal-data-guard.service';
import { PersonalDataLedger } from './privacy/personal-data-ledger.repository';
import { SecurityAlertQueue } from './security-alert.queue';
import { SecurityEventsController } from './security-events.controller';
import { SecurityEventsRepository } from './security-events.repository';
import { SecurityEvents } from './security-events.service';

@Global()
@Module({
  controllers: [AuditController, SecurityEventsController],
  providers: [
    AuditRepository,
    AuditService,
    SecurityEventsRepository,
    SecurityAlertQueue,
    SecurityEvents,
    // The problem filter (platform) hands refusals to the security events through this port.
    { provide: RefusalLog, useExisting: SecurityEvents },
    AnchorRepository,
    AuditAnchors,
    AnchorSchedule,
    PersonalDataLedger,
    PersonalDataGuard,
  ],
  exports: [AuditService, AuditRepository, SecurityEvents, RefusalLog, AuditAnchors, PersonalDataGuard],
})
export class AuditModule {}
