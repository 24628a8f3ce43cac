package pro.gen.organizations.app.consistency;

import java.time.Duration;
import java.util.Locale;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sends a command to an organization and answers once its outcome is visible to reads:
 * the way every write endpoint talks to the write side.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final ReadYourWrites readYourWrites;

    public Commands(CommandGateway gateway, ReadYourWrites readYourWrites) {
        this.gateway = gateway;
        this.readYourWrites = readYourWrites;
    }

    /**
     * Sends the command, waits for its outcome and for the read models to show it.
     *
     * @return true when every read model shows the outcome; false when the wait gave up
     * @throws RuntimeException the organization's refusal, or the write side's failure
     */
    public boolean send(long organizationId, Object command) {
        gateway.sendAndWait(command);

        ReadYourWrites.Wait wait = readYourWrites.awaitOrganization(organizationId);
        reportWait(wait.waited());
        return wait.caughtUp();
    }

    /**
     * Tells the client, in a standard {@code Server-Timing} header, how long its answer was
     * held for the read models: the price of read-your-writes, visible per request.
     */
    private static void reportWait(Duration waited) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web
                && web.getResponse() != null) {
            String millis = String.format(Locale.ROOT, "%.1f", waited.toNanos() / 1e6);
            web.getResponse().setHeader("Server-Timing", "projections;dur=" + millis);
        }
    }
}
