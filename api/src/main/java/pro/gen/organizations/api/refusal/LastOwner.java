package pro.gen.organizations.api.refusal;

/**
 * The command would leave the organization without an owner.
 */
public final class LastOwner extends CommandRefused {

    /**
     * Creates the refusal.
     *
     * <p>The rule is the same for every organization, so there is nothing to name.
     */
    public LastOwner() {
        super("An organization must keep at least one owner.");
    }
}
