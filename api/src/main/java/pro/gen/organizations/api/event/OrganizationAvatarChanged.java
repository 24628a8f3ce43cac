package pro.gen.organizations.api.event;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An organization took a new avatar. The event names the stored files by the SHA-256 hashes
 * of their content and tells what they are; it never carries their bytes.
 *
 * @param organizationId the organization
 * @param imageHash the SHA-256 hash of the stored image
 * @param thumbnailHash the SHA-256 hash of its 256 x 256 thumbnail
 * @param contentType the media type of the stored image and thumbnail
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param size the stored image's length in bytes
 * @param actorUserId the user whose request caused it
 * @param occurredAt when it happened
 */
@Revision("1")
public record OrganizationAvatarChanged(
        long organizationId,
        String imageHash,
        String thumbnailHash,
        String contentType,
        int width,
        int height,
        long size,
        long actorUserId,
        Instant occurredAt) implements OrganizationEvent {
}
