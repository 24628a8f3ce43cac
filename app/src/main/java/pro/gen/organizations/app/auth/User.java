package pro.gen.organizations.app.auth;

import java.time.Instant;

/**
 * A person known to the service, who may be a member of organizations.
 *
 * @param id the user's id
 * @param email their email address, unique regardless of case
 * @param name their display name
 * @param createdAt when they were provisioned
 */
public record User(long id, String email, String name, Instant createdAt) {
}
