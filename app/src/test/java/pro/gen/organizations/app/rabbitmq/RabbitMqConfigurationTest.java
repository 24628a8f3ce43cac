package pro.gen.organizations.app.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** How the URL an operator gives is read, without connecting anywhere. */
class RabbitMqConfigurationTest {

    private final RabbitMqConfiguration configuration = new RabbitMqConfiguration();

    @Test
    void aTrailingSlashMeansTheDefaultVirtualHost() throws Exception {
        CachingConnectionFactory factory = configuration.rabbitConnectionFactory(
                "amqp://orgs:secret@broker.example:5673/", 5000);
        try {
            assertThat(factory.getHost()).isEqualTo("broker.example");
            assertThat(factory.getPort()).isEqualTo(5673);
            assertThat(factory.getUsername()).isEqualTo("orgs");
            assertThat(factory.getVirtualHost()).isEqualTo("/");
            assertThat(factory.getRabbitConnectionFactory().getConnectionTimeout())
                    .isEqualTo(5000);
            assertThat(factory.isPublisherConfirms()).isTrue();
        } finally {
            factory.destroy();
        }
    }

    @Test
    void aNamedVirtualHostIsKept() throws Exception {
        CachingConnectionFactory factory =
                configuration.rabbitConnectionFactory("amqp://broker.example/orgs", 5000);
        try {
            assertThat(factory.getVirtualHost()).isEqualTo("orgs");
            assertThat(factory.getRabbitConnectionFactory().isSSL()).isFalse();
        } finally {
            factory.destroy();
        }
    }

    @Test
    void amqpsUsesTls() throws Exception {
        CachingConnectionFactory factory =
                configuration.rabbitConnectionFactory("amqps://broker.example/", 5000);
        try {
            assertThat(factory.getPort()).isEqualTo(5671);
            assertThat(factory.getRabbitConnectionFactory().isSSL()).isTrue();
        } finally {
            factory.destroy();
        }
    }
}
