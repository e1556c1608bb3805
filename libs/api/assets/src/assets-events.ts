import { Injectable } from '@nestjs/common';
import { OutboxPublisher } from '@emis/api/platform';
import { EntityManager } from 'typeorm';

/**
 * Events the assets context publishes through the outbox (docs/adr/table-ownership-and-events.md): written in the
 * transaction of the change, so an event exists if and only if its change committed.
 */

/**
 * What the department's totals of a school show changed: an asset registered, edited, its cost changed, wear posted,
 * disposed of, transferred, or an inventory approved. The payload is empty: a subscriber reads the school's totals
 * again through the context's port rather than trusting a delta (delivery is at least once).
 */
export const ASSETS_CHANGED = 'assets.changed';

@Injectable()
export class AssetsEvents {
  constructor(private readonly outbox: OutboxPublisher) {}

  /** `assetId` names the asset when one asset changed; a change of many (a wear run, an inventory) names the school. */
  publishAssetsChanged(em: EntityManager, schoolId: string, assetId?: string): Promise<string> {
    return this.outbox.publish(em, { type: ASSETS_CHANGED, schoolId, aggregateId: assetId ?? schoolId, payload: {} });
  }
}
