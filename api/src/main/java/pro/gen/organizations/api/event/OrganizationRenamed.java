package pro.gen.organizations.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization took a new display name.
 *
 * @param organizationId the organization
 * @param name the new name
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record OrganizationRenamed(
        long organizationId,
        String name,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
