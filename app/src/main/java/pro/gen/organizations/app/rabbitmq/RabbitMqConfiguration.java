package pro.gen.organizations.app.rabbitmq;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import pro.gen.organizations.app.consistency.NotAReadModel;

/**
 * Publishing every event to RabbitMQ, only when {@code orgs.rabbitmq.url} is set; without it
 * there is no RabbitMQ bean at all and no connection is ever tried. Spring Boot's own
 * RabbitMQ auto-configuration is excluded in {@code application.yml} for the same reason.
 *
 * <p>The events are forwarded by a tracking processor of its own, so the broker being away
 * only holds that processor, never a write or a read model.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(RabbitMqConfigured.class)
public class RabbitMqConfiguration {

    static final String URL_PROPERTY = "orgs.rabbitmq.url";

    @Bean
    CachingConnectionFactory rabbitConnectionFactory(
            @Value("${" + URL_PROPERTY + "}") String url,
            @Value("${orgs.rabbitmq.connect-timeout-ms:5000}") int connectTimeoutMs)
            throws NoSuchAlgorithmException {
        URI uri = URI.create(url.strip());
        CachingConnectionFactory factory = new CachingConnectionFactory(uri);
        if (uri.getPath() == null || uri.getPath().isEmpty() || "/".equals(uri.getPath())) {
            // amqp://host/ names the vhost "" in the AMQP URI spec; people mean the default.
            factory.setVirtualHost("/");
        }
        if ("amqps".equalsIgnoreCase(uri.getScheme())) {
            // The client's default for amqps trusts any certificate; check it like HTTPS does.
            factory.getRabbitConnectionFactory().useSslProtocol(SSLContext.getDefault());
            factory.getRabbitConnectionFactory().enableHostnameVerification();
        }
        factory.getRabbitConnectionFactory().setConnectionTimeout(connectTimeoutMs);
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setConnectionNameStrategy(connectionFactory -> "organizations-events");
        return factory;
    }

    @Bean
    RabbitTemplate rabbitTemplate(CachingConnectionFactory connectionFactory) {
        return new RabbitTemplate(connectionFactory);
    }

    /** Declares the exchange on every new connection, so a broker that lost it gets it back. */
    @Bean
    RabbitAdmin rabbitAdmin(CachingConnectionFactory connectionFactory) {
        RabbitAdmin admin = new RabbitAdmin(connectionFactory);
        // A failed declaration fails the publish at once; the processor retries it later.
        admin.setRetryTemplate(null);
        return admin;
    }

    @Bean
    TopicExchange organizationEventsExchange() {
        return new TopicExchange(RabbitMqEventPublisher.EXCHANGE, true, false);
    }

    @Bean
    RabbitMqEventPublisher rabbitMqEventPublisher(
            RabbitTemplate rabbitTemplate, ObjectMapper httpObjectMapper,
            @Value("${orgs.rabbitmq.confirm-timeout-ms:10000}") long confirmTimeoutMs) {
        return new RabbitMqEventPublisher(rabbitTemplate, httpObjectMapper,
                Duration.ofMillis(confirmTimeoutMs));
    }

    /** Writes never wait for the broker. */
    @Bean
    NotAReadModel rabbitMqPublisherIsNotAReadModel() {
        return new NotAReadModel(RabbitMqEventPublisher.GROUP);
    }

    /**
     * A failed publish must fail the batch, so that the processor keeps its position and
     * tries again; Axon's default for handler errors is to log them and move on.
     */
    @Bean
    ConfigurerModule rabbitMqPublisherPropagatesErrors() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(RabbitMqEventPublisher.GROUP,
                        configuration -> PropagatingErrorHandler.instance()));
    }
}
