import { Global, Module } from '@nestjs/common';
import { EventSubscribers } from './event-subscribers';
import { JobBoss } from './job-boss';
import { OutboxPublisher } from './outbox-publisher';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

/** Background jobs and events for every context: the shared pg-boss, the outbox, its relay and the subscribers. */
@Global()
@Module({
  // The relay is listed before the pg-boss it uses so that it stops first; JobBoss refuses a restart whatever the order.
  providers: [OutboxRelay, JobBoss, OutboxRepository, OutboxPublisher, EventSubscribers],
  exports: [JobBoss, OutboxPublisher, EventSubscribers, OutboxRelay],
})
export class EventsModule {}
