package pro.gen.organizations.api.query;

/**
 * Finds the organizations where a user is an owner or a manager, in ascending id order.
 *
 * @param userId the user who asks
 */
public record FindWorkspaces(long userId) {
}
