package pro.gen.organizations.app.rabbitmq;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import pro.gen.organizations.app.history.EventRecords;
import pro.gen.organizations.app.history.RecordedEvent;

/**
 * Forwards every stored event to the topic exchange {@value #EXCHANGE} with routing key
 * {@code organization.<Type>}, the event as the feed shows it as body and the event id as
 * {@code message_id}, persistent.
 *
 * <p>The handler only collects the events of a batch. Before the batch commits, and so before
 * the processor's position moves, they are published on one channel, in order, and every one
 * must be confirmed by the broker. A nack, a timeout or a lost connection throws, the batch
 * is rolled back and the processor tries the same events again later: at least once, in
 * order per organization (an event may come twice after a failure).
 */
@ProcessingGroup(RabbitMqEventPublisher.GROUP)
public class RabbitMqEventPublisher {

    public static final String GROUP = "rabbitmq-publisher";
    public static final String EXCHANGE = "organizations.events";
    public static final String ROUTING_KEY_PREFIX = "organization.";

    private static final Logger log = LoggerFactory.getLogger(RabbitMqEventPublisher.class);
    private static final String BATCH = RabbitMqEventPublisher.class.getName() + ".batch";

    private final RabbitTemplate rabbit;
    private final ObjectMapper json;
    private final Duration confirmTimeout;

    RabbitMqEventPublisher(RabbitTemplate rabbit, ObjectMapper json, Duration confirmTimeout) {
        this.rabbit = rabbit;
        this.json = json;
        this.confirmTimeout = confirmTimeout;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) throws JsonProcessingException {
        if (!(message instanceof TrackedEventMessage<?> tracked)
                || !(message instanceof DomainEventMessage<?>)) {
            throw new IllegalStateException("Only stored events can be published, got "
                    + message.getClass().getName());
        }
        Message amqp = toAmqp(EventRecords.ofFeed(tracked));
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<Message> batch = unitOfWork.root().getOrComputeResource(BATCH, key -> {
            List<Message> messages = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(committing -> publish(messages));
            return messages;
        });
        batch.add(amqp);
    }

    private Message toAmqp(RecordedEvent event) throws JsonProcessingException {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(event.eventId());
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setType(event.type());
        properties.setTimestamp(new Date(event.occurredAtTs()));
        properties.setAppId("organizations");
        properties.setHeader("organization_id", event.organizationId());
        properties.setHeader("sequence", event.sequence());
        return new Message(json.writeValueAsBytes(event), properties);
    }

    /** Publishes the batch on one channel and returns once the broker confirmed all of it. */
    private void publish(List<Message> messages) {
        long start = System.nanoTime();
        try {
            publishAndConfirm(messages);
        } catch (RuntimeException e) {
            // The retry starts on a fresh connection, which declares the exchange again.
            if (rabbit.getConnectionFactory() instanceof CachingConnectionFactory connections) {
                connections.resetConnection();
            }
            throw e;
        }
        if (log.isDebugEnabled()) {
            log.debug("Published {} events to RabbitMQ in {} µs", messages.size(),
                    (System.nanoTime() - start) / 1000);
        }
    }

    private void publishAndConfirm(List<Message> messages) {
        rabbit.invoke(operations -> {
            List<CorrelationData> confirms = new ArrayList<>(messages.size());
            for (Message message : messages) {
                MessageProperties properties = message.getMessageProperties();
                CorrelationData confirm = new CorrelationData(properties.getMessageId());
                operations.send(EXCHANGE, ROUTING_KEY_PREFIX + properties.getType(), message,
                        confirm);
                confirms.add(confirm);
            }
            long deadline = System.nanoTime() + confirmTimeout.toNanos();
            for (CorrelationData confirm : confirms) {
                awaitConfirm(confirm, deadline);
            }
            return null;
        });
    }

    private void awaitConfirm(CorrelationData correlation, long deadline) {
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture()
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new EventNotPublished("No confirm from RabbitMQ for event ["
                    + correlation.getId() + "] within " + confirmTimeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new EventNotPublished("RabbitMQ did not confirm event ["
                    + correlation.getId() + "]", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotPublished("Interrupted while waiting for RabbitMQ to confirm event ["
                    + correlation.getId() + "]", e);
        }
        if (!confirm.isAck()) {
            throw new EventNotPublished("RabbitMQ refused event [" + correlation.getId() + "]: "
                    + confirm.getReason(), null);
        }
    }

    /** An event the broker has not taken responsibility for; its batch is tried again. */
    static final class EventNotPublished extends AmqpException {

        EventNotPublished(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
