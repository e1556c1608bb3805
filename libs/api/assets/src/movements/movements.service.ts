import { HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import type {
  AssetDetail,
  AssetDisposalInput,
  AssetLoan,
  AssetLoanInput,
  AssetMoveInput,
  AssetReturnInput,
} from '@emis/contracts';
import { AssetEventKind, DisposalMethod, todayInVietnam } from '@emis/domain';
import { AuditService } from '@emis/api/audit';
import { assertInScope, ProblemException, RawFieldError, Scope, TenantDb, ValidationProblem } from '@emis/api/platform';
import { EntityManager } from 'typeorm';
import { AssetHistory } from '../asset-history.repository';
import { AssetsEvents } from '../assets-events';
import { AssetRecord, AssetsRepository } from '../assets.repository';
import { AssetDetails } from '../asset-details';
import { AssetLock } from './asset-lock';
import { MovementsRepository } from './movements.repository';

/** A loan may start from these statuses only: an asset under repair or set aside for disposal stays where it is. */
const LENDABLE = new Set(['IN_USE', 'IDLE']);
/** Only a sale or a liquidation brings money in (the decision's proceeds); a destruction or a loss may only cost. */
const SOLD: ReadonlySet<DisposalMethod> = new Set(['SALE', 'LIQUIDATION']);

/**
 * An asset's movements inside its school: to another room, out on loan and back, and off the books (disposal: sale,
 * liquidation, destruction, loss). Each is one transaction: the asset locked and its version checked, the change,
 * a history row, the audit with before and after, and the assets.changed event.
 */
@Injectable()
export class MovementsService {
  constructor(
    private readonly db: TenantDb,
    private readonly lock: AssetLock,
    private readonly repo: MovementsRepository,
    private readonly assets: AssetsRepository,
    private readonly details: AssetDetails,
    private readonly history: AssetHistory,
    private readonly events: AssetsEvents,
    private readonly audit: AuditService,
  ) {}

  async move(scope: Scope, schoolId: string, assetId: string, input: AssetMoveInput): Promise<AssetDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.lock.forMovement(em, schoolId, assetId, input.version);
      if (!(await this.assets.locationExists(em, schoolId, input.locationId)))
        throw new ValidationProblem([{ field: 'locationId', rule: 'unknownAssetLocation', args: [] }]);
      assertOnOrAfter('effectiveOn', input.effectiveOn, before.inUseOn);
      const responsible = input.responsible === undefined ? before.responsible : input.responsible;
      await this.repo.moveTo(em, schoolId, assetId, input.locationId, responsible);
      return this.recorded(em, schoolId, before, 'MOVED', input.effectiveOn, {
        fromLocationId: before.location?.id ?? null,
        toLocationId: input.locationId,
        responsible,
      });
    });
  }

  /** The asset goes out on loan: LENT until it comes back. */
  async lend(scope: Scope, schoolId: string, assetId: string, input: AssetLoanInput): Promise<AssetLoan> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.lock.forMovement(em, schoolId, assetId, input.version);
      if (!LENDABLE.has(before.status))
        throw new ProblemException(HttpStatus.CONFLICT, 'asset_not_lendable', undefined, {
          assetStatus: before.status,
        });
      assertOnOrAfter('lentOn', input.lentOn, before.inUseOn);
      if (input.dueOn) assertOnOrAfter('dueOn', input.dueOn, input.lentOn);
      const loan = await this.repo.insertLoan(em, schoolId, assetId, {
        borrower: input.borrower,
        lentOn: input.lentOn,
        dueOn: input.dueOn ?? null,
        note: input.note ?? null,
      });
      await this.repo.setStatus(em, schoolId, assetId, 'LENT', before.condition);
      await this.recorded(em, schoolId, before, 'LENT', input.lentOn, {
        loanId: loan.id,
        borrower: loan.borrower,
        dueOn: loan.dueOn,
      });
      return loan;
    });
  }

  /** The asset is back, in the condition the school finds it in; it is in use again. */
  async giveBack(
    scope: Scope,
    schoolId: string,
    assetId: string,
    loanId: string,
    input: AssetReturnInput,
  ): Promise<AssetLoan> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.assets.find(em, schoolId, assetId, true);
      const loan = before && (await this.repo.lockLoan(em, schoolId, assetId, loanId));
      if (!before || !loan) throw new NotFoundException();
      if (loan.returnedOn !== null)
        throw new ProblemException(HttpStatus.CONFLICT, 'asset_loan_returned', undefined, {
          returnedOn: loan.returnedOn,
        });
      assertOnOrAfter('returnedOn', input.returnedOn, loan.lentOn);
      const condition = input.condition ?? before.condition;
      const returned = await this.repo.closeLoan(em, schoolId, loanId, input.returnedOn);
      await this.repo.setStatus(em, schoolId, assetId, 'IN_USE', condition);
      await this.recorded(em, schoolId, before, 'RETURNED', input.returnedOn, { loanId, condition });
      return returned;
    });
  }

  /**
   * The asset leaves the books by a decision: the disposal keeps its book values as it left (cost and accumulated
   * wear) and the decision's proceeds and costs; the record stays, DISPOSED and read-only. Disposed of before
   * December, it gets no wear for that year (Art. 12.1.a: wear is computed in December on the assets then held).
   */
  async dispose(scope: Scope, schoolId: string, assetId: string, input: AssetDisposalInput): Promise<AssetDetail> {
    assertInScope(scope, schoolId);
    return this.db.run(async (em) => {
      const before = await this.lock.forMovement(em, schoolId, assetId, input.version);
      if (before.status === 'LENT') throw new ProblemException(HttpStatus.CONFLICT, 'asset_lent');
      assertDisposal(input, before);
      await this.disposeLocked(em, schoolId, before, {
        method: input.method,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        disposedOn: input.disposedOn,
        proceeds: input.proceeds ?? 0,
        costs: input.costs ?? 0,
        note: input.note ?? null,
      });
      return this.details.load(em, schoolId, assetId);
    });
  }

  /**
   * Takes a locked asset off the books with its book values (the inventory's approval calls this for a loss):
   * the disposal row, DISPOSED from `disposedOn`, its history, audit and event.
   */
  async disposeLocked(
    em: EntityManager,
    schoolId: string,
    before: AssetRecord,
    d: Omit<AssetDisposalInput, 'version' | 'proceeds' | 'costs' | 'note'> & {
      proceeds: number;
      costs: number;
      note: string | null;
    },
  ): Promise<string> {
    const disposal = {
      ...d,
      quantity: before.quantity,
      cost: before.cost,
      accumulatedWear: before.accumulatedWear,
    };
    const disposalId = await this.repo.insertDisposal(em, schoolId, before.id, disposal);
    await this.repo.markDisposed(em, schoolId, before.id, d.disposedOn);
    await this.recorded(em, schoolId, before, 'DISPOSED', d.disposedOn, { disposalId, ...disposal });
    return disposalId;
  }

  /** After a change: its history row, the audit of the asset before and after, the event; answers the asset. */
  private async recorded(
    em: EntityManager,
    schoolId: string,
    before: AssetRecord,
    kind: AssetEventKind,
    effectiveOn: string,
    details: Record<string, unknown>,
  ): Promise<AssetDetail> {
    await this.history.record(em, schoolId, before.id, kind, effectiveOn, details);
    const after = await this.details.load(em, schoolId, before.id);
    await this.audit.record(em, {
      schoolId,
      entity: 'asset',
      entityId: before.id,
      action: 'UPDATE',
      before,
      after: { ...auditView(after), movement: kind, ...details },
    });
    await this.events.publishAssetsChanged(em, schoolId, before.id);
    return after;
  }
}

/** The asset as the audit keeps it: without what the history and the wear rows already hold. */
export function auditView(d: AssetDetail): Omit<AssetDetail, 'history' | 'wear' | 'attachments'> {
  const { history: _history, wear: _wear, attachments: _attachments, ...rest } = d;
  return rest;
}

/** A date of a movement may not be before the date it follows (put into use, lent). */
function assertOnOrAfter(field: string, date: string, earliest: string): void {
  if (date < earliest) throw new ValidationProblem([{ field, rule: 'notBefore', args: [earliest] }]);
}

/** The decision comes first, the asset leaves on or after it, never in the future; money only where it can be. */
function assertDisposal(input: AssetDisposalInput, asset: AssetRecord): void {
  const errors: RawFieldError[] = [];
  if (input.disposedOn < asset.inUseOn) errors.push({ field: 'disposedOn', rule: 'notBefore', args: [asset.inUseOn] });
  if (input.disposedOn < input.decisionDate)
    errors.push({ field: 'disposedOn', rule: 'notBefore', args: [input.decisionDate] });
  if (input.disposedOn > todayInVietnam()) errors.push({ field: 'disposedOn', rule: 'notInFuture', args: [] });
  if ((input.proceeds ?? 0) > 0 && !SOLD.has(input.method))
    errors.push({ field: 'proceeds', rule: 'proceedsOnlyWhenSold', args: [] });
  if (errors.length) throw new ValidationProblem(errors);
}
