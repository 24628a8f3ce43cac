package pro.gen.organizations.api.query;

/**
 * Finds the members of an organization, in ascending user id order. The answer is empty
 * when the user who asks is not a member.
 *
 * @param organizationId the organization
 * @param userId the user who asks
 */
public record FindMembers(long organizationId, long userId) {
}
