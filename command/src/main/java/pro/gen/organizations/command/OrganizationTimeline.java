package pro.gen.organizations.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * Folds an organization's events up to a point, with the aggregate's own event sourcing
 * handlers: a past state is computed by the same code that decides the present one.
 */
public final class OrganizationTimeline {

    private static final AggregateModel<Organization> MODEL =
            AnnotatedAggregateMetaModelFactory.inspectAggregate(Organization.class);

    private OrganizationTimeline() {
    }

    /** The state after the event with the given sequence number, if it exists. */
    public static Optional<PastOrganization> atVersion(
            Iterator<? extends DomainEventMessage<?>> history, long version) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (history.hasNext()) {
            DomainEventMessage<?> event = history.next();
            if (event.getSequenceNumber() > version) {
                break;
            }
            events.add(event);
        }
        if (events.isEmpty() || events.get(events.size() - 1).getSequenceNumber() != version) {
            return Optional.empty();
        }
        return fold(events);
    }

    /** The state after the last event that happened at or before the given moment. */
    public static Optional<PastOrganization> asOf(
            Iterator<? extends DomainEventMessage<?>> history, Instant moment) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (history.hasNext()) {
            DomainEventMessage<?> event = history.next();
            if (event.getTimestamp().isAfter(moment)) {
                break;
            }
            events.add(event);
        }
        return fold(events);
    }

    private static Optional<PastOrganization> fold(List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Organization root = new Organization();
        EventSourcedAggregate<Organization> aggregate = EventSourcedAggregate.initialize(
                root, MODEL, null, NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events));
        if (aggregate.isDeleted()) {
            return Optional.empty();
        }
        long version = events.get(events.size() - 1).getSequenceNumber();
        return Optional.of(aggregate.getAggregateRoot().state(version));
    }
}
