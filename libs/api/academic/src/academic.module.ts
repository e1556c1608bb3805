import { Module } from '@nestjs/common';

/** The school calendar, subjects, classes, attendance and teaching assignments. */
@Module({})
export class AcademicModule {}
