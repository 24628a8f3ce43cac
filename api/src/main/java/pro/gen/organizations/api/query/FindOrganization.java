package pro.gen.organizations.api.query;

/**
 * Finds one organization as a member sees it. The answer is empty when the organization
 * does not exist or the user is not a member of it: the two are not told apart.
 *
 * @param organizationId the organization
 * @param userId the user who asks
 */
public record FindOrganization(long organizationId, long userId) {
}
