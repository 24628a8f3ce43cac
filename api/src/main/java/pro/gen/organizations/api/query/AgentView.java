package pro.gen.organizations.api.query;

import java.time.Instant;

/**
 * An agent that works in an organization.
 *
 * @param id the agent's id
 * @param name its display name
 * @param workspaceId the organization it belongs to
 * @param system whether it is the organization's system agent
 * @param createdAt when it was provisioned
 */
public record AgentView(long id, String name, long workspaceId, boolean system, Instant createdAt) {
}
