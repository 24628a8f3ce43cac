package pro.gen.organizations.app.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitOperations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.consistency.NotAReadModel;
import pro.gen.organizations.app.support.ServiceTest;

/** Without a RabbitMQ URL there is nothing of RabbitMQ in the running service. */
class RabbitMqOffTest extends ServiceTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withoutAUrlThereIsNoRabbitMqBeanProcessorOrToken() {
        api.newOrganization(api.newUser(), "No broker here");

        assertThat(context.getBeanNamesForType(ConnectionFactory.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RabbitOperations.class)).isEmpty();
        assertThat(context.getBeanNamesForType(RabbitMqEventPublisher.class)).isEmpty();
        assertThat(context.getBeanNamesForType(NotAReadModel.class)).isEmpty();
        assertThat(processing.eventProcessors()).doesNotContainKey(RabbitMqEventPublisher.GROUP)
                .containsKey("organizations");
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class,
                RabbitMqEventPublisher.GROUP)).isZero();
    }
}
