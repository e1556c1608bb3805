import { Injectable } from '@nestjs/common';
import { PupilRoster } from '@emis/api/people';
import { EntityManager } from 'typeorm';

/** How the books name a pupil: "Nguyễn Văn An (HS0001)"; a pupil the roster no longer knows shows by id. */
@Injectable()
export class PupilLabels {
  constructor(private readonly roster: PupilRoster) {}

  async labels(em: EntityManager, schoolId: string, studentIds: string[]): Promise<(studentId: string) => string> {
    const pupils = studentIds.length ? await this.roster.byIds(em, schoolId, [...new Set(studentIds)]) : new Map();
    return (studentId) => {
      const pupil = pupils.get(studentId);
      return pupil ? `${pupil.fullName} (${pupil.code})` : studentId;
    };
  }
}
