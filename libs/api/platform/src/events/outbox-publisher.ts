import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NewOutboxEvent } from './outbox-event';
import { OutboxRepository } from './outbox.repository';

/**
 * Records an event in the transaction of the change it reports (the `em` a repository was given by TenantDb): the
 * event exists if and only if the change committed. The relay hands it on afterwards.
 */
@Injectable()
export class OutboxPublisher {
  constructor(private readonly repo: OutboxRepository) {}

  publish<P extends object>(em: EntityManager, event: NewOutboxEvent<P>): Promise<string> {
    return this.repo.insert(em, event as NewOutboxEvent, new Date());
  }
}
