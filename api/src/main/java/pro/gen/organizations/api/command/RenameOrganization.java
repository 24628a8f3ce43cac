package pro.gen.organizations.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Gives an organization a new display name. Renaming to the current name changes nothing.
 *
 * @param organizationId the organization to rename
 * @param name the new name, already trimmed and checked
 * @param actorUserId the caller, who must be an owner or a manager
 */
public record RenameOrganization(
        @TargetAggregateIdentifier long organizationId,
        String name,
        long actorUserId) {
}
