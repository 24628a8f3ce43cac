package pro.gen.organizations.api.refusal;

/**
 * The avatar given breaks one of the rules for avatars.
 */
public final class InvalidAvatar extends CommandRefused {

    private final String reason;

    /**
     * Creates the refusal.
     *
     * @param reason what is wrong, completing the sentence "Avatar ...", such as
     *               {@code "must be stored as PNG or JPEG"}
     */
    public InvalidAvatar(String reason) {
        super("Avatar " + reason + ".");
        this.reason = reason;
    }

    /**
     * What is wrong with the avatar, without the subject.
     *
     * @return a phrase such as {@code "must be stored as PNG or JPEG"}
     */
    public String reason() {
        return reason;
    }
}
