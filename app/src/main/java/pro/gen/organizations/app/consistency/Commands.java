package pro.gen.organizations.app.consistency;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

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
     * @throws RuntimeException the organization's refusal, or the write side's failure
     */
    public void send(long organizationId, Object command) {
        gateway.sendAndWait(command);
        readYourWrites.awaitOrganization(organizationId);
    }
}
