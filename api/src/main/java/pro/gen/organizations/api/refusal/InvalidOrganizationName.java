package pro.gen.organizations.api.refusal;

/**
 * The organization name breaks one of the naming rules.
 */
public final class InvalidOrganizationName extends CommandRefused {

    private final String reason;

    /**
     * Creates the refusal.
     *
     * @param reason what is wrong, completing the sentence "Name ...", such as
     *               {@code "can't be blank"}
     */
    public InvalidOrganizationName(String reason) {
        super("Name " + reason + ".");
        this.reason = reason;
    }

    /**
     * What is wrong with the name, without the subject.
     *
     * @return a phrase such as {@code "can't be blank"}
     */
    public String reason() {
        return reason;
    }
}
