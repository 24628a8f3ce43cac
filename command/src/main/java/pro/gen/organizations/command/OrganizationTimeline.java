package pro.gen.organizations.command;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import pro.gen.organizations.api.event.OrganizationEvent;

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

    /**
     * The state after the last event that happened at or before the given moment. An event
     * happened when it says, to the millisecond, as its time is shown everywhere else; the
     * message's own timestamp is stamped a little later and may fall in the next millisecond.
     */
    public static Optional<PastOrganization> asOf(
            Iterator<? extends DomainEventMessage<?>> history, Instant moment) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (history.hasNext()) {
            DomainEventMessage<?> event = history.next();
            if (occurredAt(event).isAfter(moment)) {
                break;
            }
            events.add(event);
        }
        return fold(events);
    }

    private static Instant occurredAt(DomainEventMessage<?> event) {
        Instant occurredAt = event.getPayload() instanceof OrganizationEvent organizationEvent
                ? organizationEvent.occurredAt()
                : event.getTimestamp();
        return occurredAt.truncatedTo(ChronoUnit.MILLIS);
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
