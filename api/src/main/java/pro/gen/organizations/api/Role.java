package pro.gen.organizations.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The role a member holds in an organization. Roles are ordered from most to least
 * powerful; what each may do is decided by the write side from the organization's events.
 */
public enum Role {
    OWNER,
    MANAGER,
    EDITOR,
    VIEWER;

    /**
     * The name used on the wire, in lower case, such as {@code "owner"}.
     *
     * @return the lower-case name of this role
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a role from its wire name.
     *
     * @param wireName a lower-case role name such as {@code "editor"}
     * @return the role, or empty when the name is not one of the four roles
     */
    public static Optional<Role> fromWireName(String wireName) {
        for (Role role : values()) {
            if (role.wireName().equals(wireName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether this role is one that only an owner may grant, change or take away.
     *
     * @return true for owners and managers
     */
    public boolean isPrivileged() {
        return this == OWNER || this == MANAGER;
    }
}
