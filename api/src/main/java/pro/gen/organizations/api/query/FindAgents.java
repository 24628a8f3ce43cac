package pro.gen.organizations.api.query;

/**
 * Finds the agents of the organizations where a user is an owner or a manager, in
 * ascending id order, optionally of one organization only.
 *
 * @param userId the user who asks
 * @param workspaceId the one organization to keep, or null for all of them
 */
public record FindAgents(long userId, Long workspaceId) {
}
