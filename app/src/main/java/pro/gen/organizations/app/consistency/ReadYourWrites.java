package pro.gen.organizations.app.consistency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Holds a write's answer until every projection has applied the write's last event, so that
 * any read that follows the answer sees it. The event is found by its global index, and a
 * projection has applied it when its token is past that index with no gap left at it: the
 * token in memory when this instance runs the projection, the stored one when another does.
 * Processors named by a {@link NotAReadModel} bean are not waited for.
 */
@Component
public class ReadYourWrites {

    private static final Logger log = LoggerFactory.getLogger(ReadYourWrites.class);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long STORED_TOKEN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final ObjectMapper TOKEN_JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Duration timeout;
    private final Set<String> notReadModels;

    public ReadYourWrites(JdbcTemplate jdbc, EventProcessingConfiguration processing,
                          @Value("${orgs.read-your-writes.timeout-ms:10000}") long timeoutMs,
                          ObjectProvider<NotAReadModel> notReadModels) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.timeout = Duration.ofMillis(timeoutMs);
        this.notReadModels = notReadModels.stream()
                .map(NotAReadModel::processorName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * How a wait ended.
     *
     * @param waited how long it took
     * @param caughtUp whether every read model showed the event in the end, rather than the
     *                 wait giving up after its timeout
     */
    public record Wait(Duration waited, boolean caughtUp) {
    }

    /** Waits until the latest event of an organization is in every read model. */
    public Wait awaitOrganization(long organizationId) {
        List<Long> latest = jdbc.queryForList("""
                SELECT global_index FROM domain_event_entry
                WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1
                """, Long.class, Long.toString(organizationId));
        if (latest.isEmpty()) {
            return new Wait(Duration.ZERO, true);
        }
        return awaitIndex(latest.get(0), organizationId);
    }

    private Wait awaitIndex(long globalIndex, long organizationId) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Collection<StreamingEventProcessor> processors =
                processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .filter(processor -> !notReadModels.contains(processor.getName()))
                        .map(StreamingEventProcessor.class::cast)
                        .toList();
        for (StreamingEventProcessor processor : processors) {
            while (!hasApplied(processor, globalIndex)) {
                if (System.nanoTime() > deadline) {
                    log.warn("Projection [{}] has not applied event [{}] of organization [{}]"
                                    + " after {} ms; answering anyway",
                            processor.getName(), globalIndex, organizationId, timeout.toMillis());
                    return new Wait(Duration.ofNanos(System.nanoTime() - start), false);
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        if (log.isDebugEnabled()) {
            log.debug("Read models caught up with organization [{}] in {} µs", organizationId,
                    waited.toNanos() / 1000);
        }
        return new Wait(waited, true);
    }

    private boolean hasApplied(StreamingEventProcessor processor, long globalIndex) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        if (segments.isEmpty()) {
            return storedTokensCover(processor.getName(), globalIndex);
        }
        for (EventTrackerStatus segment : segments) {
            if (!covers(segment.getTrackingToken(), globalIndex)) {
                return false;
            }
        }
        return true;
    }

    /**
     * When another instance runs this processor, its progress is read from the token store.
     * A stored token is committed together with the projection's writes, so it never claims
     * more than the read model shows.
     */
    private boolean storedTokensCover(String processorName, long globalIndex) {
        LockSupport.parkNanos(STORED_TOKEN_POLL_NANOS);
        List<String> tokens = jdbc.queryForList("""
                SELECT CASE WHEN token_type LIKE '%GapAwareTrackingToken'
                            THEN convert_from(token, 'UTF8') END
                FROM token_entry WHERE processor_name = ?
                """, String.class, processorName);
        if (tokens.isEmpty()) {
            return false;
        }
        for (String token : tokens) {
            if (token == null || !storedTokenCovers(token, globalIndex)) {
                return false;
            }
        }
        return true;
    }

    private static boolean storedTokenCovers(String token, long globalIndex) {
        try {
            JsonNode stored = TOKEN_JSON.readTree(token);
            if (stored.path("index").asLong(-1) < globalIndex) {
                return false;
            }
            for (JsonNode gap : stored.path("gaps")) {
                if (gap.asLong() == globalIndex) {
                    return false;
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static boolean covers(TrackingToken token, long globalIndex) {
        if (token == null) {
            return false;
        }
        TrackingToken raw = WrappedToken.unwrapLowerBound(token);
        if (raw instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= globalIndex && !gapAware.getGaps().contains(globalIndex);
        }
        return raw != null && raw.position().orElse(-1) >= globalIndex;
    }
}
