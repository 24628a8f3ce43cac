package pro.gen.organizations.app.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * A downstream consumer on the broker: a durable queue bound to every event type, read with
 * acknowledgements. The client reconnects by itself after a broker restart and carries on.
 */
final class TestConsumer implements AutoCloseable {

    static final String QUEUE = "orgs-test-consumer";

    /** One delivery as the consumer saw it, with when it arrived. */
    record Received(String exchange, String routingKey, String messageId, String contentType,
                    Integer deliveryMode, byte[] body, long arrivedNanos) {
    }

    private final Connection connection;
    private final List<Received> received = new ArrayList<>();

    private TestConsumer(Connection connection) {
        this.connection = connection;
    }

    static TestConsumer connect(int port) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(200);
        TestConsumer consumer = new TestConsumer(factory.newConnection("orgs-test-consumer"));
        consumer.subscribe();
        return consumer;
    }

    private void subscribe() throws IOException {
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(RabbitMqEventPublisher.EXCHANGE, "topic", true);
        channel.queueDeclare(QUEUE, true, false, false, null);
        channel.queueBind(QUEUE, RabbitMqEventPublisher.EXCHANGE, "organization.#");
        channel.basicQos(500);
        channel.basicConsume(QUEUE, false, new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope,
                                       AMQP.BasicProperties properties, byte[] body)
                    throws IOException {
                long now = System.nanoTime();
                synchronized (received) {
                    received.add(new Received(envelope.getExchange(), envelope.getRoutingKey(),
                            properties.getMessageId(), properties.getContentType(),
                            properties.getDeliveryMode(), body, now));
                }
                getChannel().basicAck(envelope.getDeliveryTag(), false);
            }
        });
    }

    /** Everything received so far, duplicates included, in arrival order. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() throws IOException {
        connection.abort();
    }
}
