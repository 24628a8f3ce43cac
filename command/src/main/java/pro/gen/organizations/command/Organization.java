package pro.gen.organizations.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.api.OrganizationName;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.AddMember;
import pro.gen.organizations.api.command.ChangeOrganizationAvatar;
import pro.gen.organizations.api.command.ChangeMemberRole;
import pro.gen.organizations.api.command.CreateOrganization;
import pro.gen.organizations.api.command.DeleteOrganization;
import pro.gen.organizations.api.command.RemoveMember;
import pro.gen.organizations.api.command.RenameOrganization;
import pro.gen.organizations.api.event.MemberAdded;
import pro.gen.organizations.api.event.MemberRemoved;
import pro.gen.organizations.api.event.MemberRoleChanged;
import pro.gen.organizations.api.event.OrganizationAvatarChanged;
import pro.gen.organizations.api.event.OrganizationCreated;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationRenamed;
import pro.gen.organizations.api.event.SystemAgentProvisioned;
import pro.gen.organizations.api.refusal.AlreadyAMember;
import pro.gen.organizations.api.refusal.LastOwner;
import pro.gen.organizations.api.refusal.NotAMember;
import pro.gen.organizations.api.refusal.OrganizationNotFound;
import pro.gen.organizations.api.refusal.UnknownMember;

/**
 * An organization: its name, its avatar and who may do what in it. Every rule is decided
 * here from the organization's own events, never from a read model.
 */
@Aggregate(snapshotTriggerDefinition = "organizationSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Organization {

    static final String SYSTEM_AGENT_NAME = "System Agent";

    @AggregateIdentifier
    private Long id;
    private UUID uuid;
    private String name;
    private Instant createdAt;
    private Instant updatedAt;
    private String avatarHash;
    private String avatarThumbnailHash;
    private Map<Long, Role> members = new HashMap<>();
    private boolean deleted;

    /** For Axon, which rebuilds the organization from its events or a snapshot. */
    protected Organization() {
    }

    @CommandHandler
    public Organization(CreateOrganization command) {
        String checkedName = OrganizationName.normalize(command.name());
        Avatar avatar = command.avatar() == null ? null : command.avatar().checked();
        long id = command.organizationId();
        long actor = command.actorUserId();
        Instant now = now();

        apply(new OrganizationCreated(id, command.uuid(), checkedName, actor, now));
        apply(new MemberAdded(id, actor, Role.OWNER, actor, now));
        apply(new SystemAgentProvisioned(
                id, command.systemAgentId(), SYSTEM_AGENT_NAME, actor, now));
        if (avatar != null) {
            apply(avatarChanged(id, avatar, actor, now));
        }
    }

    @CommandHandler
    public void handle(RenameOrganization command) {
        Role actorRole = roleOf(command.actorUserId());
        Permissions.checkMayRename(actorRole);
        String newName = OrganizationName.normalize(command.name());

        if (!newName.equals(name)) {
            apply(new OrganizationRenamed(id, newName, command.actorUserId(), now()));
        }
    }

    @CommandHandler
    public void handle(ChangeOrganizationAvatar command) {
        Role actorRole = roleOf(command.actorUserId());
        Permissions.checkMayChangeAvatar(actorRole);
        Avatar avatar = command.avatar().checked();

        boolean same = avatar.imageHash().equals(avatarHash)
                && avatar.thumbnailHash().equals(avatarThumbnailHash);
        if (!same) {
            apply(avatarChanged(id, avatar, command.actorUserId(), now()));
        }
    }

    @CommandHandler
    public void handle(DeleteOrganization command) {
        Role actorRole = roleOf(command.actorUserId());
        Permissions.checkMayDelete(actorRole);

        apply(new OrganizationDeleted(id, command.actorUserId(), now()));
    }

    @CommandHandler
    public void handle(AddMember command) {
        Role actorRole = roleOf(command.actorUserId());
        Permissions.checkMayManageMembers(actorRole);
        Permissions.checkMayManage(actorRole, command.role());
        if (members.containsKey(command.userId())) {
            throw new AlreadyAMember(command.userId());
        }

        apply(new MemberAdded(
                id, command.userId(), command.role(), command.actorUserId(), now()));
    }

    @CommandHandler
    public void handle(ChangeMemberRole command) {
        Role actorRole = roleOf(command.actorUserId());
        Permissions.checkMayManageMembers(actorRole);
        Role current = memberRole(command.userId());
        Role wanted = command.role();
        Permissions.checkMayManage(actorRole, current);
        Permissions.checkMayManage(actorRole, wanted);
        if (current == wanted) {
            return;
        }
        if (current == Role.OWNER && ownerCount() == 1) {
            throw new LastOwner();
        }

        apply(new MemberRoleChanged(
                id, command.userId(), wanted, current, command.actorUserId(), now()));
    }

    @CommandHandler
    public void handle(RemoveMember command) {
        Role actorRole = roleOf(command.actorUserId());
        boolean leaving = command.userId() == command.actorUserId();
        if (!leaving) {
            Permissions.checkMayManageMembers(actorRole);
        }
        Role current = memberRole(command.userId());
        if (!leaving) {
            Permissions.checkMayManage(actorRole, current);
        }
        if (current == Role.OWNER && ownerCount() == 1) {
            throw new LastOwner();
        }

        apply(new MemberRemoved(id, command.userId(), current, command.actorUserId(), now()));
    }

    @EventSourcingHandler
    void on(OrganizationCreated event) {
        id = event.organizationId();
        uuid = event.uuid();
        name = event.name();
        createdAt = event.occurredAt();
        updatedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(OrganizationRenamed event) {
        name = event.name();
        updatedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(OrganizationAvatarChanged event) {
        avatarHash = event.imageHash();
        avatarThumbnailHash = event.thumbnailHash();
        updatedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(MemberAdded event) {
        members.put(event.userId(), event.role());
        updatedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        members.put(event.userId(), event.role());
    }

    @EventSourcingHandler
    void on(MemberRemoved event) {
        members.remove(event.userId());
        updatedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(OrganizationDeleted event) {
        deleted = true;
        markDeleted();
    }

    /**
     * The role of the user who sends a command. A user who is not a member is told the
     * organization does not exist, and so is anyone once it is deleted: Axon refuses to load
     * a deleted organization from its events, and this also covers one read from a snapshot.
     */
    private Role roleOf(long actorUserId) {
        if (deleted) {
            throw new OrganizationNotFound(id);
        }
        Role role = members.get(actorUserId);
        if (role == null) {
            throw new NotAMember(id);
        }
        return role;
    }

    private Role memberRole(long userId) {
        Role role = members.get(userId);
        if (role == null) {
            throw new UnknownMember(userId);
        }
        return role;
    }

    private static OrganizationAvatarChanged avatarChanged(
            long id, Avatar avatar, long actor, Instant at) {
        return new OrganizationAvatarChanged(id, avatar.imageHash(), avatar.thumbnailHash(),
                avatar.contentType(), avatar.width(), avatar.height(), avatar.size(), actor, at);
    }

    private long ownerCount() {
        return members.values().stream().filter(role -> role == Role.OWNER).count();
    }

    /** Axon's clock, which stamps the event messages too and which test fixtures control. */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** The state as it stands, for point-in-time views and for tests. */
    PastOrganization state(long version) {
        return new PastOrganization(id, uuid, name, Map.copyOf(members), createdAt, updatedAt,
                avatarHash, avatarThumbnailHash, version);
    }

    // Read by tests that check the state each event leaves behind.

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String avatarHash() {
        return avatarHash;
    }

    String avatarThumbnailHash() {
        return avatarThumbnailHash;
    }

    Map<Long, Role> members() {
        return Map.copyOf(members);
    }

    boolean deleted() {
        return deleted;
    }
}
