package pro.gen.organizations.api.query;

/**
 * Finds every organization a user is a member of, in ascending id order.
 *
 * @param userId the user who asks
 */
public record FindOrganizationsOfUser(long userId) {
}
