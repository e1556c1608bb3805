import { Module } from '@nestjs/common';
import { FactsModule } from './facts/facts.module';
import { FormsModule } from './forms/forms.module';
import { ReportsModule } from './reports/reports.module';

/**
 * The reporting context: the read model's facts (refreshed from the owners' events), the reports and dashboards read
 * from them, and the official statistical reports. No other context depends on it (docs/adr/reporting-read-model.md).
 */
@Module({ imports: [FactsModule, ReportsModule, FormsModule], exports: [FactsModule] })
export class ReportingModule {}
