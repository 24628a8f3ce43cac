package pro.gen.organizations.app.avatar;

/**
 * An uploaded file that is not accepted as an avatar, with the reason in words that complete
 * the sentence "organization[avatar] ...".
 */
public final class RefusedImage extends RuntimeException {

    private final String reason;

    RefusedImage(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    /** What is wrong with the file, such as {@code "is empty"}. */
    public String reason() {
        return reason;
    }
}
