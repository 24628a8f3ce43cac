package pro.gen.organizations.command;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.event.MemberAdded;
import pro.gen.organizations.api.event.MemberRemoved;
import pro.gen.organizations.api.event.MemberRoleChanged;
import pro.gen.organizations.api.event.OrganizationAvatarChanged;
import pro.gen.organizations.api.event.OrganizationCreated;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationRenamed;
import pro.gen.organizations.api.event.SystemAgentProvisioned;

/** Ids, names and small event factories shared by the organization fixture tests. */
final class OrganizationHistory {

    static final long ORG_ID = 42L;
    static final UUID ORG_UUID = UUID.fromString("6f1c1c8e-3b5a-4a8e-9a57-0c8f3e1d2b44");
    static final String NAME = "Acme";
    static final long AGENT_ID = 900L;

    static final long OWNER_ID = 1L;
    static final long MANAGER_ID = 2L;
    static final long EDITOR_ID = 3L;
    static final long VIEWER_ID = 4L;
    static final long SECOND_OWNER_ID = 5L;
    static final long SECOND_MANAGER_ID = 6L;
    static final long SECOND_EDITOR_ID = 7L;
    static final long NEWCOMER_ID = 8L;
    static final long STRANGER_ID = 9L;

    /** A stored PNG avatar and its thumbnail. */
    static final Avatar AVATAR = new Avatar(
            "a".repeat(64), "b".repeat(64), "image/png", 640, 480, 20_000);
    /** Another one, a JPEG. */
    static final Avatar OTHER_AVATAR = new Avatar(
            "c".repeat(64), "d".repeat(64), "image/jpeg", 4096, 4096, 3_000_000);

    /** When the given events happened; only events from the `when` step use the fixture's now. */
    static final Instant EARLIER = Instant.parse("2025-01-01T09:00:00Z");

    private OrganizationHistory() {
    }

    static OrganizationCreated created(Instant at) {
        return new OrganizationCreated(ORG_ID, ORG_UUID, NAME, OWNER_ID, at);
    }

    static SystemAgentProvisioned agentProvisioned(Instant at) {
        return new SystemAgentProvisioned(
                ORG_ID, AGENT_ID, Organization.SYSTEM_AGENT_NAME, OWNER_ID, at);
    }

    static MemberAdded memberAdded(long userId, Role role, long actor, Instant at) {
        return new MemberAdded(ORG_ID, userId, role, actor, at);
    }

    static MemberRoleChanged roleChanged(
            long userId, Role role, Role previous, long actor, Instant at) {
        return new MemberRoleChanged(ORG_ID, userId, role, previous, actor, at);
    }

    static MemberRemoved memberRemoved(long userId, Role role, long actor, Instant at) {
        return new MemberRemoved(ORG_ID, userId, role, actor, at);
    }

    static OrganizationRenamed renamed(String name, long actor, Instant at) {
        return new OrganizationRenamed(ORG_ID, name, actor, at);
    }

    static OrganizationAvatarChanged avatarChanged(Avatar avatar, long actor, Instant at) {
        return new OrganizationAvatarChanged(ORG_ID, avatar.imageHash(), avatar.thumbnailHash(),
                avatar.contentType(), avatar.width(), avatar.height(), avatar.size(), actor, at);
    }

    static OrganizationDeleted deleted(long actor, Instant at) {
        return new OrganizationDeleted(ORG_ID, actor, at);
    }

    /** An earlier member addition, made by the founding owner. */
    static MemberAdded joined(long userId, Role role) {
        return memberAdded(userId, role, OWNER_ID, EARLIER);
    }

    /** The three events of a creation by {@link #OWNER_ID}, who is the only member. */
    static List<Object> founded() {
        return List.of(
                created(EARLIER),
                memberAdded(OWNER_ID, Role.OWNER, OWNER_ID, EARLIER),
                agentProvisioned(EARLIER));
    }

    /** Founded, then joined by a manager, an editor and a viewer. */
    static List<Object> foundedWithTeam() {
        return then(founded(),
                joined(MANAGER_ID, Role.MANAGER),
                joined(EDITOR_ID, Role.EDITOR),
                joined(VIEWER_ID, Role.VIEWER));
    }

    /** A history followed by more events. */
    static List<Object> then(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /**
     * A snapshot of the organization built from the given history the way Axon's snapshotter
     * builds it: the events are sourced into a fresh aggregate, whose root is the payload.
     */
    static DomainEventMessage<Organization> snapshotAfter(List<Object> history) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        for (Object event : history) {
            messages.add(new GenericDomainEventMessage<>(
                    Organization.class.getSimpleName(),
                    String.valueOf(ORG_ID),
                    messages.size(),
                    event));
        }
        EventSourcedAggregate<Organization> aggregate = EventSourcedAggregate.initialize(
                new Organization(),
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Organization.class),
                null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(messages));
        return new GenericDomainEventMessage<>(
                Organization.class.getSimpleName(),
                String.valueOf(ORG_ID),
                messages.size() - 1L,
                aggregate.getAggregateRoot());
    }
}
