package pro.gen.organizations.app.history;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * Reads events straight from the event store, through Axon so that old revisions are
 * upcast: one organization's history by sequence, and the global feed by position.
 *
 * <p>The feed may hand out every event it can see: appends commit in the order of their
 * positions (see the {@code V5} migration), so no event can later appear below one that was
 * already read.
 */
@Component
public class EventHistory {

    private final EventStorageEngine storage;

    public EventHistory(EventStorageEngine storage) {
        this.storage = storage;
    }

    /** Up to {@code limit} events of an organization with a sequence above {@code after}. */
    public List<DomainEventMessage<?>> ofOrganization(long organizationId, long after, int limit) {
        DomainEventStream stream = storage.readEvents(Long.toString(organizationId), after + 1);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        while (events.size() < limit && stream.hasNext()) {
            events.add(stream.next());
        }
        return events;
    }

    /** Up to {@code limit} events of every organization with a position above {@code after}. */
    public List<RecordedEvent> feed(long after, int limit) {
        GapAwareTrackingToken from = after < 0 ? null
                : GapAwareTrackingToken.newInstance(after, List.of());
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(from, false)) {
            return events.limit(limit).map(EventRecords::ofFeed).toList();
        }
    }
}
