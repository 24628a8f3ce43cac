package pro.gen.organizations.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.ExceptionUtils;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.web.RequestIds;
import pro.gen.organizations.command.OrganizationIds;

/**
 * Axon on PostgreSQL: the JDBC event and token store on the Flyway-owned schema, Jackson for
 * every stored message, snapshots every N events, and a command gateway that retries a
 * command which lost an optimistic-locking race.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Metadata key of the HTTP request id, copied from each command to its events. */
    public static final String REQUEST_ID = "requestId";

    private static final String UNIQUE_VIOLATION = "23505";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /**
     * Tells Axon that a unique-key violation means someone else appended the same event
     * sequence first. Axon's default JDBC resolver looks for an exception type that the
     * PostgreSQL driver never throws, so it has to be told by SQL state.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> ExceptionUtils.findException(exception, SQLException.class)
                .map(sql -> UNIQUE_VIOLATION.equals(sql.getSQLState()))
                .orElse(false);
    }

    /**
     * Axon's own mapper, so that settings made for HTTP JSON can never change the format of
     * stored events. Unknown fields are ignored so that an event of a later revision with an
     * added field still reads.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    SnapshotTriggerDefinition organizationSnapshotTrigger(
            Snapshotter snapshotter, @Value("${orgs.snapshot.every-events:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    @Bean
    CorrelationDataProvider originCorrelation() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider requestIdCorrelation() {
        return new SimpleCorrelationDataProvider(REQUEST_ID);
    }

    /**
     * Commands carry the request id of the HTTP request that sent them. Two writers of one
     * organization on different instances can collide on the next sequence number; the loser
     * is retried from fresh state a few times, and any other failure is final at once.
     */
    @Bean
    CommandGateway commandGateway(
            CommandBus commandBus,
            @Value("${orgs.commands.retries:3}") int retries,
            @Value("${orgs.commands.retry-interval-ms:20}") int retryIntervalMs) {
        ScheduledExecutorService retryExecutor = Executors.newSingleThreadScheduledExecutor(
                runnable -> {
                    Thread thread = new Thread(runnable, "command-retry");
                    thread.setDaemon(true);
                    return thread;
                });
        MessageDispatchInterceptor<CommandMessage<?>> requestId = messages -> (index, message) -> {
            String id = MDC.get(RequestIds.MDC_KEY);
            return id == null ? message : message.andMetaData(Map.of(REQUEST_ID, id));
        };
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .dispatchInterceptors(List.of(requestId))
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retryExecutor)
                        .retryInterval(retryIntervalMs)
                        .maxRetryCount(retries)
                        .nonTransientFailurePredicate(failure -> ExceptionUtils
                                .findException(failure, ConcurrencyException.class).isEmpty())
                        .build())
                .build();
    }

    @Bean
    OrganizationIds organizationIds(JdbcTemplate jdbc) {
        return new OrganizationIds(jdbc);
    }
}
