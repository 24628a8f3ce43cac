package pro.gen.organizations.api.refusal;

/**
 * The user to add is a member of the organization already.
 */
public final class AlreadyAMember extends CommandRefused {

    /**
     * Creates the refusal.
     *
     * @param userId the user that was to be added
     */
    public AlreadyAMember(long userId) {
        super("User " + userId + " is already a member.");
    }
}
