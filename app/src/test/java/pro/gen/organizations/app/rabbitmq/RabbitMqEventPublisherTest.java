package pro.gen.organizations.app.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.amqp.rabbit.core.RabbitOperations.OperationsCallback;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import pro.gen.organizations.api.event.OrganizationRenamed;
import pro.gen.organizations.app.history.EventRecords;

/**
 * The publisher's position may only move once the broker confirmed: an acked event lets the
 * unit of work commit, a nack or a missing confirm fails it.
 */
class RabbitMqEventPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RabbitTemplate rabbit = mock(RabbitTemplate.class);
    private final RabbitOperations channel = mock(RabbitOperations.class);
    private final List<Sent> sent = new ArrayList<>();
    private final RabbitMqEventPublisher publisher =
            new RabbitMqEventPublisher(rabbit, JSON, Duration.ofMillis(200));

    private record Sent(String exchange, String routingKey, Message message) {
    }

    @AfterEach
    void noUnitOfWorkLeft() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void aConfirmedEventLetsTheBatchCommit() throws Exception {
        broker(confirm -> confirm.getFuture().complete(new CorrelationData.Confirm(true, null)));
        TrackedEventMessage<?> event = renamed(42);

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        publisher.on(event.getPayload(), event);
        unitOfWork.commit();

        assertThat(sent).hasSize(1);
        Sent one = sent.get(0);
        assertThat(one.exchange()).isEqualTo("organizations.events");
        assertThat(one.routingKey()).isEqualTo("organization.OrganizationRenamed");
        assertThat(one.message().getMessageProperties().getMessageId())
                .isEqualTo(event.getIdentifier());
        assertThat(one.message().getMessageProperties().getContentType())
                .isEqualTo("application/json");
        assertThat(one.message().getMessageProperties().getDeliveryMode())
                .isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(JSON.readTree(one.message().getBody()))
                .isEqualTo(JSON.readTree(JSON.writeValueAsBytes(EventRecords.ofFeed(event))));
    }

    @Test
    void aNackFailsTheBatch() throws Exception {
        broker(confirm -> confirm.getFuture()
                .complete(new CorrelationData.Confirm(false, "disk alarm")));
        TrackedEventMessage<?> event = renamed(43);

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        publisher.on(event.getPayload(), event);

        assertThatThrownBy(unitOfWork::commit)
                .isInstanceOf(RabbitMqEventPublisher.EventNotPublished.class)
                .hasMessageContaining(event.getIdentifier())
                .hasMessageContaining("disk alarm");
        assertThat(unitOfWork.isRolledBack()).isTrue();
    }

    @Test
    void noConfirmInTimeFailsTheBatch() throws Exception {
        broker(confirm -> { });
        TrackedEventMessage<?> event = renamed(44);

        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        publisher.on(event.getPayload(), event);

        assertThatThrownBy(unitOfWork::commit)
                .isInstanceOf(RabbitMqEventPublisher.EventNotPublished.class)
                .hasMessageContaining("No confirm");
        assertThat(unitOfWork.isRolledBack()).isTrue();
    }

    /** A broker that answers each publish as told. */
    @SuppressWarnings("unchecked")
    private void broker(Consumer<CorrelationData> answer) {
        when(rabbit.invoke(any(OperationsCallback.class))).thenAnswer(invocation ->
                ((OperationsCallback<Object>) invocation.getArgument(0)).doInRabbit(channel));
        doAnswer(invocation -> {
            sent.add(new Sent(invocation.getArgument(0), invocation.getArgument(1),
                    invocation.getArgument(2)));
            answer.accept(invocation.getArgument(3));
            return null;
        }).when(channel).send(anyString(), anyString(), any(Message.class),
                any(CorrelationData.class));
    }

    private static TrackedEventMessage<?> renamed(long organizationId) {
        OrganizationRenamed payload = new OrganizationRenamed(organizationId, "Renamed", 7,
                Instant.parse("2026-01-02T03:04:05.678Z"));
        return new GenericTrackedDomainEventMessage<>(
                new GapAwareTrackingToken(100 + organizationId, Set.of()),
                new GenericDomainEventMessage<>("OrganizationRenamed",
                        Long.toString(organizationId), 3, payload,
                        MetaData.from(Map.of("requestId", "req-1"))));
    }
}
