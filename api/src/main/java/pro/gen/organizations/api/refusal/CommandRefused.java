package pro.gen.organizations.api.refusal;

/**
 * A command that the organization turned down because it breaks one of its rules. Each
 * refusal is expected behaviour, not a fault, and names the rule in its type.
 */
public abstract class CommandRefused extends RuntimeException {

    /**
     * Creates a refusal.
     *
     * @param message a sentence for people that says which rule was broken
     */
    protected CommandRefused(String message) {
        super(message, null, false, false);
    }
}
