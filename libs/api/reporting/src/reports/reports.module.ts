import { Module } from '@nestjs/common';

/** The reports and dashboards: rollups of the facts through the org tree, comparisons, workbooks. */
@Module({})
export class ReportsModule {}
