package pro.gen.organizations.app.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One stored event as auditors and downstream consumers see it: where it sits in the
 * organization's history (and, in the feed, in the global order), who caused it, and its
 * own fields in {@code data}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordedEvent(
        Long position,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("organization_id") Long organizationId,
        long sequence,
        String type,
        String revision,
        @JsonProperty("occurred_at") String occurredAt,
        @JsonProperty("occurred_at_ts") long occurredAtTs,
        @JsonProperty("actor_user_id") Long actorUserId,
        @JsonProperty("request_id") @JsonInclude(JsonInclude.Include.ALWAYS) String requestId,
        Map<String, Object> data) {
}
