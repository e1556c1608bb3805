import { Injectable } from '@nestjs/common';
import { PupilRoster } from '@emis/api/people';
import type { BankLine } from '@emis/contracts';
import { EntityManager } from 'typeorm';
import { BankStatementsRepository } from './bank-statements.repository';
import { PayingPupil, PupilFinder } from './line-matching';

type LineText = Pick<BankLine, 'description' | 'counterparty'>;

/**
 * The school's pupils with a fee account, as bank lines are matched against them: their codes and names from the
 * people context's roster, and what each still owes (kept up to date as lines are matched).
 */
export class KnownPupils {
  private readonly finder: PupilFinder;

  constructor(
    pupils: PayingPupil[],
    private readonly outstanding: Map<string, number>,
  ) {
    this.finder = new PupilFinder(pupils);
  }

  /** The one pupil whose payment code the line's description holds, and what they owe; null if none or several. */
  payer(line: LineText): { studentId: string; outstanding: number } | null {
    const found = this.finder.byPayment(line.description);
    if (found.length !== 1) return null;
    return { studentId: found[0].studentId, outstanding: this.outstanding.get(found[0].studentId) ?? 0 };
  }

  suggest(line: LineText, limit: number): BankLine['suggestions'] {
    return this.finder.suggest(line.description, line.counterparty, limit).map((p) => ({
      studentId: p.studentId,
      studentCode: p.code,
      studentName: p.fullName,
      outstanding: this.outstanding.get(p.studentId) ?? 0,
    }));
  }

  /** A receipt of `amount` was recorded for the pupil: they owe that much less. */
  settle(studentId: string, amount: number): void {
    this.outstanding.set(studentId, (this.outstanding.get(studentId) ?? 0) - amount);
  }
}

@Injectable()
export class PayingPupils {
  constructor(
    private readonly repo: BankStatementsRepository,
    private readonly roster: PupilRoster,
  ) {}

  async of(em: EntityManager, schoolId: string): Promise<KnownPupils> {
    const outstanding = await this.repo.payingPupils(em, schoolId);
    const roster = outstanding.size ? await this.roster.byIds(em, schoolId, [...outstanding.keys()]) : new Map();
    const pupils = [...roster.values()].map((p) => ({ studentId: p.studentId, code: p.code, fullName: p.fullName }));
    return new KnownPupils(pupils, outstanding);
  }
}
