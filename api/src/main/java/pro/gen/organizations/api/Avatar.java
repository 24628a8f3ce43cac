package pro.gen.organizations.api;

import java.util.Set;
import pro.gen.organizations.api.refusal.InvalidAvatar;

/**
 * An organization's avatar as the organization knows it: the facts about a stored image and
 * its thumbnail, never their bytes. The files themselves live in the avatar store, each
 * under the SHA-256 hash of its content.
 *
 * @param imageHash the SHA-256 hash of the stored image, 64 lowercase hex digits
 * @param thumbnailHash the SHA-256 hash of its square thumbnail, in the same form
 * @param contentType the media type of the stored image, {@code image/png} or
 *                    {@code image/jpeg}
 * @param width the image's width in pixels
 * @param height the image's height in pixels
 * @param size the stored image's length in bytes
 */
public record Avatar(
        String imageHash,
        String thumbnailHash,
        String contentType,
        int width,
        int height,
        long size) {

    /** The widest and the tallest image accepted, in pixels. */
    public static final int MAX_SIDE = 4096;

    /** The largest file accepted for upload, in bytes: 5 MiB. */
    public static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

    /** The side of the square thumbnail, in pixels. */
    public static final int THUMBNAIL_SIDE = 256;

    /** The media types in which images and thumbnails are stored. */
    public static final Set<String> STORED_TYPES = Set.of("image/png", "image/jpeg");

    private static final int HASH_LENGTH = 64;

    /**
     * Checks that the facts describe a file the store can hold.
     *
     * @return this avatar
     * @throws InvalidAvatar when a hash is malformed, the type is not a stored one, or a size
     *                       is out of bounds
     */
    public Avatar checked() {
        if (!isHash(imageHash) || !isHash(thumbnailHash)) {
            throw new InvalidAvatar("must name its files by their SHA-256 hashes");
        }
        if (contentType == null || !STORED_TYPES.contains(contentType)) {
            throw new InvalidAvatar("must be stored as PNG or JPEG");
        }
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidAvatar("must be at most " + MAX_SIDE + " x " + MAX_SIDE
                    + " pixels");
        }
        if (size < 1) {
            throw new InvalidAvatar("must not be empty");
        }
        return this;
    }

    /**
     * Whether a text is a hash in the form files are named by.
     *
     * @param text the text to check, possibly null
     * @return true for 64 lowercase hexadecimal digits
     */
    public static boolean isHash(String text) {
        if (text == null || text.length() != HASH_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lowerHex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!lowerHex) {
                return false;
            }
        }
        return true;
    }
}
