import { Global, Module } from '@nestjs/common';
import { EventSubscribers } from './event-subscribers';
import { JobBoss } from './job-boss';
import { OutboxPublisher } from './outbox-publisher';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';

/** Background jobs and events for every context: the shared pg-boss, the outbox, its relay and the subscribers. */
@Global()
@Module({
  providers: [JobBoss, OutboxRepository, OutboxPublisher, EventSubscribers, OutboxRelay],
  exports: [JobBoss, OutboxPublisher, EventSubscribers, OutboxRelay],
})
export class EventsModule {}
