package pro.gen.organizations.api.command;

import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import pro.gen.organizations.api.Avatar;

/**
 * Creates an organization whose only member, its owner, is the caller, and provisions its
 * system agent in the same step, giving it an avatar too when one is named.
 *
 * @param organizationId the new organization's id, allocated beforehand and never reused
 * @param uuid the organization's fixed public UUID
 * @param name the display name, already trimmed and checked
 * @param systemAgentId the id for the organization's system agent
 * @param actorUserId the caller, who becomes the owner
 * @param avatar the organization's first avatar, whose files are already stored, or null
 *               for none
 */
public record CreateOrganization(
        @TargetAggregateIdentifier long organizationId,
        UUID uuid,
        String name,
        long systemAgentId,
        long actorUserId,
        Avatar avatar) {

    /**
     * Creates an organization without an avatar.
     *
     * @param organizationId the new organization's id
     * @param uuid the organization's fixed public UUID
     * @param name the display name
     * @param systemAgentId the id for the organization's system agent
     * @param actorUserId the caller, who becomes the owner
     */
    public CreateOrganization(long organizationId, UUID uuid, String name, long systemAgentId,
                              long actorUserId) {
        this(organizationId, uuid, name, systemAgentId, actorUserId, null);
    }
}
