package pro.gen.organizations.app.avatar;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats accepted for avatars, told apart by the first bytes of a file alone:
 * never by a file name or a declared content type.
 */
public enum ImageFormat {

    JPEG("image/jpeg", "jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", "png",
            new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    GIF("image/gif", "gif", ascii("GIF8")),
    WEBP("image/webp", "webp", ascii("RIFF"));

    private static final byte[] WEBP_TAG = ascii("WEBP");
    private static final int WEBP_TAG_OFFSET = 8;
    private static final byte[] WEBP_LOSSY_CHUNK = ascii("VP8 ");
    private static final int WEBP_FIRST_CHUNK_OFFSET = 12;

    private final String mediaType;
    private final String readerName;
    private final byte[] signature;

    ImageFormat(String mediaType, String readerName, byte[] signature) {
        this.mediaType = mediaType;
        this.readerName = readerName;
        this.signature = signature;
    }

    /** The format whose signature the content starts with, if any. */
    public static Optional<ImageFormat> of(byte[] content) {
        for (ImageFormat format : values()) {
            if (format.matches(content)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * Whether the content was compressed with losses throughout: a JPEG, or a WebP in the
     * simple lossy form (one VP8 image, no alpha, no animation).
     */
    boolean isLossy(byte[] content) {
        return this == JPEG
                || this == WEBP && startsWith(content, WEBP_FIRST_CHUNK_OFFSET, WEBP_LOSSY_CHUNK);
    }

    /** The name ImageIO knows the format's reader by. */
    String readerName() {
        return readerName;
    }

    private boolean matches(byte[] content) {
        if (!startsWith(content, 0, signature)) {
            return false;
        }
        return switch (this) {
            // GIF87a or GIF89a.
            case GIF -> content.length >= 6 && (content[4] == '7' || content[4] == '9')
                    && content[5] == 'a';
            // A RIFF container holding WebP, not a WAV or an AVI.
            case WEBP -> startsWith(content, WEBP_TAG_OFFSET, WEBP_TAG);
            default -> true;
        };
    }

    private static boolean startsWith(byte[] content, int offset, byte[] prefix) {
        return content.length >= offset + prefix.length
                && Arrays.equals(content, offset, offset + prefix.length,
                prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
