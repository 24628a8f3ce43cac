package pro.gen.organizations.app.consistency;

/**
 * Names a streaming processor that feeds no read model, such as one that forwards events to
 * a message broker. Writes do not wait for it: reads never depend on it, and it may stall
 * for reasons outside this service.
 */
public record NotAReadModel(String processorName) {
}
