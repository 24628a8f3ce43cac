package pro.gen.organizations.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import pro.gen.organizations.api.Role;

/**
 * Gives a member another role. Giving the role they have changes nothing.
 *
 * @param organizationId the organization
 * @param userId the member whose role changes
 * @param role the new role
 * @param actorUserId the caller; only owners may touch owners and managers
 */
public record ChangeMemberRole(
        @TargetAggregateIdentifier long organizationId,
        long userId,
        Role role,
        long actorUserId) {
}
