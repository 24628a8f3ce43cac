package pro.gen.organizations.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import pro.gen.organizations.api.Role;

/**
 * A user joined an organization with a role.
 *
 * @param organizationId the organization
 * @param userId the user who joined
 * @param role the role they were given
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record MemberAdded(
        long organizationId,
        long userId,
        Role role,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
