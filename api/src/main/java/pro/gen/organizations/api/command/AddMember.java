package pro.gen.organizations.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import pro.gen.organizations.api.Role;

/**
 * Makes a user a member of an organization with the given role.
 *
 * @param organizationId the organization to join
 * @param userId the user to add, who must exist and not be a member yet
 * @param role the role to grant
 * @param actorUserId the caller; only owners may grant owner or manager
 */
public record AddMember(
        @TargetAggregateIdentifier long organizationId,
        long userId,
        Role role,
        long actorUserId) {
}
