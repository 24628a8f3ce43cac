package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.agentProvisioned;
import static pro.gen.organizations.command.OrganizationHistory.created;
import static pro.gen.organizations.command.OrganizationHistory.memberAdded;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationEvent;
import pro.gen.organizations.api.event.OrganizationRenamed;

/**
 * Past states folded from stored events. Each stored message carries Axon's own timestamp,
 * stamped a moment after the event decided its time and kept to the millisecond; the times
 * shown to people are the events' own, also to the millisecond.
 */
class OrganizationTimelineTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final Instant RENAMED = Instant.parse("2026-03-01T12:00:05.999800Z");

    @Test
    void atTheMillisecondShownAsAnEventsTimeThatEventHasHappened() {
        List<DomainEventMessage<?>> history = List.of(
                stamped(0, created(CREATED), "2026-03-01T12:00:00.124Z"),
                stamped(1, memberAdded(OWNER_ID, Role.OWNER, OWNER_ID, CREATED),
                        "2026-03-01T12:00:00.124Z"),
                stamped(2, agentProvisioned(CREATED), "2026-03-01T12:00:00.124Z"),
                stamped(3, renamed("Later", RENAMED), "2026-03-01T12:00:06.000Z"));

        Optional<PastOrganization> atCreation = OrganizationTimeline.asOf(history.iterator(),
                Instant.parse("2026-03-01T12:00:00.123Z"));
        Optional<PastOrganization> atRename = OrganizationTimeline.asOf(history.iterator(),
                Instant.parse("2026-03-01T12:00:05.999Z"));

        assertThat(atCreation).map(PastOrganization::version).contains(2L);
        assertThat(atCreation).map(PastOrganization::name).contains(OrganizationHistory.NAME);
        assertThat(atRename).map(PastOrganization::version).contains(3L);
        assertThat(atRename).map(PastOrganization::name).contains("Later");
    }

    @Test
    void aMillisecondBeforeAnEventItHasNotHappened() {
        List<DomainEventMessage<?>> history = List.of(
                stamped(0, created(CREATED), "2026-03-01T12:00:00.123Z"),
                stamped(1, renamed("Later", RENAMED), "2026-03-01T12:00:05.999Z"));

        Optional<PastOrganization> beforeCreation = OrganizationTimeline.asOf(
                history.iterator(), Instant.parse("2026-03-01T12:00:00.122Z"));
        Optional<PastOrganization> beforeRename = OrganizationTimeline.asOf(history.iterator(),
                Instant.parse("2026-03-01T12:00:05.998999Z"));

        assertThat(beforeCreation).isEmpty();
        assertThat(beforeRename).map(PastOrganization::name).contains(OrganizationHistory.NAME);
        assertThat(beforeRename).map(PastOrganization::version).contains(0L);
    }

    @Test
    void aVersionIsTheStateAfterThatEventAndOnlyIfItExists() {
        List<DomainEventMessage<?>> history = List.of(
                stamped(0, created(CREATED), "2026-03-01T12:00:00.123Z"),
                stamped(1, memberAdded(OWNER_ID, Role.OWNER, OWNER_ID, CREATED),
                        "2026-03-01T12:00:00.123Z"),
                stamped(2, renamed("Later", RENAMED), "2026-03-01T12:00:05.999Z"));

        Optional<PastOrganization> first = OrganizationTimeline.atVersion(history.iterator(), 0);
        Optional<PastOrganization> last = OrganizationTimeline.atVersion(history.iterator(), 2);
        Optional<PastOrganization> beyond = OrganizationTimeline.atVersion(history.iterator(), 3);

        assertThat(first).map(PastOrganization::members).contains(Map.of());
        assertThat(last).map(PastOrganization::members).contains(Map.of(OWNER_ID, Role.OWNER));
        assertThat(last).map(PastOrganization::updatedAt).contains(RENAMED);
        assertThat(beyond).isEmpty();
    }

    @Test
    void onceDeletedThereIsNothingToShow() {
        List<DomainEventMessage<?>> history = List.of(
                stamped(0, created(CREATED), "2026-03-01T12:00:00.123Z"),
                stamped(1, new OrganizationDeleted(ORG_ID, OWNER_ID, RENAMED),
                        "2026-03-01T12:00:05.999Z"));

        Optional<PastOrganization> deleted = OrganizationTimeline.atVersion(history.iterator(),
                1);
        Optional<PastOrganization> before = OrganizationTimeline.atVersion(history.iterator(),
                0);

        assertThat(deleted).isEmpty();
        assertThat(before).isPresent();
    }

    private static OrganizationRenamed renamed(String name, Instant at) {
        return new OrganizationRenamed(ORG_ID, name, OWNER_ID, at);
    }

    /** A stored event as read back: Axon's timestamp is the one given, not the event's. */
    private static DomainEventMessage<?> stamped(long sequence, OrganizationEvent event,
                                                 String storedTimestamp) {
        return new GenericDomainEventMessage<>("Organization", Long.toString(ORG_ID), sequence,
                event, Map.of(), UUID.randomUUID().toString(), Instant.parse(storedTimestamp));
    }
}
