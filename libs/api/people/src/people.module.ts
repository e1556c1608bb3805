import { Module } from '@nestjs/common';

/** Students: records, guardians, enrolment, transfers between schools, drop-out and year-end promotion. */
@Module({})
export class PeopleModule {}
