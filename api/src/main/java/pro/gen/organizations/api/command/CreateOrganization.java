package pro.gen.organizations.api.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an organization whose only member, its owner, is the caller, and provisions its
 * system agent in the same step.
 *
 * @param organizationId the new organization's id, allocated beforehand and never reused
 * @param uuid the organization's fixed public UUID
 * @param name the display name, already trimmed and checked
 * @param systemAgentId the id for the organization's system agent
 * @param actorUserId the caller, who becomes the owner
 */
public record CreateOrganization(
        @TargetAggregateIdentifier long organizationId,
        UUID uuid,
        String name,
        long systemAgentId,
        long actorUserId) {
}
