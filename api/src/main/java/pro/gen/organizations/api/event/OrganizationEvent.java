package pro.gen.organizations.api.event;

import java.time.Instant;

/**
 * What every organization event tells: whose history it belongs to, who caused it and when.
 */
public interface OrganizationEvent {

    /**
     * The organization this event happened to.
     *
     * @return the organization's id
     */
    long organizationId();

    /**
     * The user whose request caused the event.
     *
     * @return the acting user's id
     */
    long actorUserId();

    /**
     * When the event happened.
     *
     * @return the moment the organization decided it
     */
    Instant occurredAt();
}
