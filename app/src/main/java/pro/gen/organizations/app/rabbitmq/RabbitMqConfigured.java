package pro.gen.organizations.app.rabbitmq;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code orgs.rabbitmq.url} has a value. The property is always present (the
 * environment variable defaults to empty), so a plain property condition would not do.
 */
class RabbitMqConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment()
                .getProperty(RabbitMqConfiguration.URL_PROPERTY));
    }
}
