package pro.gen.organizations.api.query;

import java.util.List;

/**
 * The members of an organization, in ascending user id order.
 *
 * @param members the members
 */
public record MemberList(List<MemberView> members) {

    /**
     * Creates the list, keeping an unmodifiable copy.
     *
     * @param members the members
     */
    public MemberList {
        members = List.copyOf(members);
    }
}
