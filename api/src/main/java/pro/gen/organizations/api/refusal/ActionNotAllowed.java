package pro.gen.organizations.api.refusal;

import pro.gen.organizations.api.Role;

/**
 * The caller is a member, but their role does not allow what they asked for.
 */
public final class ActionNotAllowed extends CommandRefused {

    private final Role role;

    /**
     * Creates the refusal.
     *
     * @param role the caller's role in the organization
     * @param action what was asked, completing the sentence "A viewer may not ..."
     */
    public ActionNotAllowed(Role role, String action) {
        super(article(role) + " " + role.wireName() + " may not " + action + ".");
        this.role = role;
    }

    /**
     * The caller's role, which did not suffice.
     *
     * @return the caller's role
     */
    public Role role() {
        return role;
    }

    private static String article(Role role) {
        return role == Role.OWNER || role == Role.EDITOR ? "An" : "A";
    }
}
