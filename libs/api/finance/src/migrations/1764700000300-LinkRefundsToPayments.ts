import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A refund (phiếu chi) pays back part of one payment: it names that payment, so what is still refundable of a
 * payment, and which charges its refund unsettles, are read from the ledger rather than guessed from the pupil's
 * charges (docs/domain/finance.md, "Payments").
 */
export class LinkRefundsToPayments1764700000300 implements MigrationInterface {
  name = 'LinkRefundsToPayments1764700000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table finance_payment add column refunds_id uuid;
      alter table finance_payment add constraint finance_payment_refunds_fk
        foreign key (school_id, refunds_id) references finance_payment (school_id, id);
      alter table finance_payment add constraint finance_payment_refund_names_payment
        check ((kind = 'REFUND') = (refunds_id is not null));
      create index finance_payment_refunds_idx on finance_payment (school_id, refunds_id) where refunds_id is not null;
      comment on column finance_payment.refunds_id is 'The payment a REFUND pays back part of.';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      drop index if exists finance_payment_refunds_idx;
      alter table finance_payment drop constraint if exists finance_payment_refund_names_payment;
      alter table finance_payment drop constraint if exists finance_payment_refunds_fk;
      alter table finance_payment drop column if exists refunds_id;
    `);
  }
}
