package pro.gen.organizations.api.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Deletes an organization for good. Its events stay as its history; every later command
 * is refused as if it had never existed.
 *
 * @param organizationId the organization to delete
 * @param actorUserId the caller, who must be an owner
 */
public record DeleteOrganization(
        @TargetAggregateIdentifier long organizationId,
        long actorUserId) {
}
