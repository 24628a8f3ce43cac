package pro.gen.organizations.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import pro.gen.organizations.api.Role;

/**
 * A member left an organization or was removed from it.
 *
 * @param organizationId the organization
 * @param userId the member who is gone
 * @param role the role they held until then
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record MemberRemoved(
        long organizationId,
        long userId,
        Role role,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
