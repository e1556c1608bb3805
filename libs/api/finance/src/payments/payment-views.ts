import { Injectable } from '@nestjs/common';
import type { Payment } from '@emis/contracts';
import { formatDocumentNumber } from '@emis/domain';
import { PupilRoster } from '@emis/api/people';
import { EntityManager } from 'typeorm';
import { PaymentRecord, PaymentsRepository } from './payments.repository';

/** Payments as the API answers them: with their document number as printed, the pupil's name and class, the lines. */
@Injectable()
export class PaymentViews {
  constructor(
    private readonly repo: PaymentsRepository,
    private readonly roster: PupilRoster,
  ) {}

  async one(em: EntityManager, schoolId: string, paymentId: string): Promise<Payment | undefined> {
    const record = await this.repo.find(em, schoolId, paymentId);
    return record && (await this.many(em, schoolId, [record]))[0];
  }

  /** One query for the allocations and one for the pupils, whatever the number of payments. */
  async many(em: EntityManager, schoolId: string, records: readonly PaymentRecord[]): Promise<Payment[]> {
    const ids = records.map((r) => r.id);
    const [lines, pupils] = await Promise.all([
      this.repo.allocationLines(em, schoolId, ids),
      this.roster.byIds(
        em,
        schoolId,
        records.map((r) => r.studentId),
      ),
    ]);
    return records.map((r) => {
      const pupil = pupils.get(r.studentId);
      return {
        id: r.id,
        kind: r.kind,
        documentNumber:
          r.docSeries && r.docYear !== null && r.docNumber !== null
            ? formatDocumentNumber(r.docSeries, r.docYear, r.docNumber)
            : null,
        docYear: r.docYear,
        docNumber: r.docNumber,
        studentId: r.studentId,
        studentCode: pupil?.code ?? '',
        studentName: pupil?.fullName ?? '',
        className: pupil?.className ?? null,
        payerName: r.payerName,
        paidOn: r.paidOn,
        method: r.method,
        bankReference: r.bankReference,
        amount: r.amount,
        reversesId: r.reversesId,
        reversedById: r.reversedById,
        allocations: lines
          .filter((l) => l.paymentId === r.id)
          .map(({ chargeId, periodCode, feeName, amount }) => ({ chargeId, periodCode, feeName, amount })),
        note: r.note,
        recordedAt: new Date(r.recordedAt).toISOString(),
        recordedBy: r.recordedBy,
      };
    });
  }
}
