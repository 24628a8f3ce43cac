package pro.gen.organizations.api.query;

import java.time.Instant;
import pro.gen.organizations.api.Role;

/**
 * A member of an organization.
 *
 * @param userId the member's user id
 * @param email the member's email address
 * @param name the member's display name
 * @param role the member's role
 * @param joinedAt when they joined
 */
public record MemberView(long userId, String email, String name, Role role, Instant joinedAt) {
}
