package pro.gen.organizations.api.event;

import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An organization came into being with a name and a fixed public UUID. The creator
 * joins it as owner through a {@link MemberAdded} that follows.
 *
 * @param organizationId the new organization's id
 * @param uuid its public UUID, fixed for life
 * @param name its display name
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record OrganizationCreated(
        long organizationId,
        UUID uuid,
        String name,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
