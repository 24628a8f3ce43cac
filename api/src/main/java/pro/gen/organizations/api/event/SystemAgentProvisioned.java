package pro.gen.organizations.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The organization's system agent was set up, as part of creating the organization.
 *
 * @param organizationId the organization
 * @param agentId the agent's id
 * @param name the agent's display name
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record SystemAgentProvisioned(
        long organizationId,
        long agentId,
        String name,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
