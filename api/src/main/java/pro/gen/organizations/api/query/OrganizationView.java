package pro.gen.organizations.api.query;

import java.time.Instant;
import java.util.UUID;
import pro.gen.organizations.api.Role;

/**
 * An organization as one of its members sees it.
 *
 * @param id the organization's id
 * @param uuid its public UUID
 * @param name its display name
 * @param userRole the role of the member who asked
 * @param totalMembers how many members it has
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param avatarHash the SHA-256 hash naming its avatar image in the avatar store, or null
 *                   when it has none
 * @param avatarThumbnailHash the hash naming the avatar's thumbnail, or null
 */
public record OrganizationView(
        long id,
        UUID uuid,
        String name,
        Role userRole,
        int totalMembers,
        Instant createdAt,
        Instant updatedAt,
        String avatarHash,
        String avatarThumbnailHash) {
}
