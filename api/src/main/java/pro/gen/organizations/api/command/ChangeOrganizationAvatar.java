package pro.gen.organizations.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import pro.gen.organizations.api.Avatar;

/**
 * Gives an organization a new avatar, whose files are already in the avatar store. Giving
 * it the avatar it has changes nothing.
 *
 * @param organizationId the organization
 * @param avatar the facts about the new image and its thumbnail
 * @param actorUserId the caller, who must be an owner or a manager
 */
public record ChangeOrganizationAvatar(
        @TargetAggregateIdentifier long organizationId,
        Avatar avatar,
        long actorUserId) {
}
