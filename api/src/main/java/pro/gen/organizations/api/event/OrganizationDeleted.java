package pro.gen.organizations.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization was deleted. Nothing can happen to it afterwards.
 *
 * @param organizationId the organization
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record OrganizationDeleted(
        long organizationId,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
