package pro.gen.organizations.app.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.event.OrganizationEvent;
import pro.gen.organizations.app.config.AxonConfiguration;

/** Turns stored event messages into the {@link RecordedEvent}s of the history endpoints. */
public final class EventRecords {

    /** Fields every event has; they are shown beside {@code data}, not inside it. */
    private static final Set<String> ENVELOPE =
            Set.of("organization_id", "actor_user_id", "occurred_at");

    private static final ObjectMapper SNAKE_CASE = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new SimpleModule().addSerializer(Role.class, new RoleAsWireName()))
            .build();

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventRecords() {
    }

    /** An event of one organization's history, without its global position. */
    public static RecordedEvent ofHistory(DomainEventMessage<?> message) {
        return of(message, null);
    }

    /** An event of the global feed, with its position. */
    public static RecordedEvent ofFeed(TrackedEventMessage<?> message) {
        return of((DomainEventMessage<?>) message, position(message.trackingToken()));
    }

    public static long position(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return token.position().orElseThrow();
    }

    private static RecordedEvent of(DomainEventMessage<?> message, Long position) {
        Object payload = message.getPayload();
        Instant occurredAt = message.getTimestamp();
        Long actor = null;
        Long organizationId = parseId(message.getAggregateIdentifier());
        if (payload instanceof OrganizationEvent event) {
            occurredAt = event.occurredAt();
            actor = event.actorUserId();
            organizationId = event.organizationId();
        }
        Object requestId = message.getMetaData().get(AxonConfiguration.REQUEST_ID);

        return new RecordedEvent(
                position,
                message.getIdentifier(),
                position == null ? null : organizationId,
                message.getSequenceNumber(),
                payload.getClass().getSimpleName(),
                revision(payload),
                ISO_MILLIS.format(occurredAt),
                occurredAt.toEpochMilli(),
                actor,
                requestId == null ? null : requestId.toString(),
                data(payload));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Object payload) {
        Map<String, Object> fields = new LinkedHashMap<>(
                SNAKE_CASE.convertValue(payload, Map.class));
        fields.keySet().removeAll(ENVELOPE);
        return fields;
    }

    private static String revision(Object payload) {
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    private static Long parseId(String aggregateIdentifier) {
        try {
            return Long.parseLong(aggregateIdentifier);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Roles read as on the wire everywhere else, {@code "owner"}. */
    private static final class RoleAsWireName extends StdSerializer<Role> {

        RoleAsWireName() {
            super(Role.class);
        }

        @Override
        public void serialize(Role role, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            json.writeString(role.wireName());
        }
    }
}
