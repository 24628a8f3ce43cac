package pro.gen.organizations.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a member out of an organization. Any member may remove themselves, as long as the
 * organization keeps an owner.
 *
 * @param organizationId the organization
 * @param userId the member to remove
 * @param actorUserId the caller
 */
public record RemoveMember(
        @TargetAggregateIdentifier long organizationId,
        long userId,
        long actorUserId) {
}
