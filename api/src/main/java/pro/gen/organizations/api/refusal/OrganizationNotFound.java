package pro.gen.organizations.api.refusal;

/**
 * The organization does not exist, was deleted, or the caller cannot see it.
 */
public final class OrganizationNotFound extends CommandRefused {

    /**
     * Creates the refusal.
     *
     * @param organizationId the organization that was asked for
     */
    public OrganizationNotFound(long organizationId) {
        super("Organization " + organizationId + " does not exist.");
    }
}
