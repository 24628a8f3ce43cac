package pro.gen.organizations.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import pro.gen.organizations.api.Role;

/**
 * A member was given another role.
 *
 * @param organizationId the organization
 * @param userId the member
 * @param role the role they hold now
 * @param previousRole the role they held before
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record MemberRoleChanged(
        long organizationId,
        long userId,
        Role role,
        Role previousRole,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
