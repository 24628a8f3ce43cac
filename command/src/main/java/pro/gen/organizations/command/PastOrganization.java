package pro.gen.organizations.command;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import pro.gen.organizations.api.Role;

/**
 * An organization as it stood after one of its events.
 *
 * @param id its id
 * @param uuid its public UUID
 * @param name its name then
 * @param members the role of each member then, by user id
 * @param createdAt when it was created
 * @param updatedAt when its name, avatar or membership last changed, as of then
 * @param avatarHash the hash of its avatar image then, or null
 * @param avatarThumbnailHash the hash of that avatar's thumbnail, or null
 * @param version the sequence number of the last event folded in
 */
public record PastOrganization(
        long id,
        UUID uuid,
        String name,
        Map<Long, Role> members,
        Instant createdAt,
        Instant updatedAt,
        String avatarHash,
        String avatarThumbnailHash,
        long version) {
}
