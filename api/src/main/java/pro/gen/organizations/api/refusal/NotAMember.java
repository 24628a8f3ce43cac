package pro.gen.organizations.api.refusal;

/**
 * The caller is not a member of the organization, which to them does not exist.
 */
public final class NotAMember extends CommandRefused {

    /**
     * Creates the refusal.
     *
     * @param organizationId the organization that was asked for
     */
    public NotAMember(long organizationId) {
        super("Organization " + organizationId + " does not exist.");
    }
}
