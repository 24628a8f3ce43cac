package pro.gen.organizations.api.refusal;

/**
 * The user named by the command is not a member of the organization.
 */
public final class UnknownMember extends CommandRefused {

    /**
     * Creates the refusal.
     *
     * @param userId the user the command named
     */
    public UnknownMember(long userId) {
        super("User " + userId + " is not a member.");
    }
}
