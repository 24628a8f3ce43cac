package pro.gen.organizations.app.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import pro.gen.organizations.api.event.OrganizationRenamed;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * How an older stored shape of an event is read once its class changed: through an upcaster
 * that turns the stored JSON into the current revision before the event serializer reads it.
 * The older shape here is made up (see {@link NewNameUpcaster}).
 */
class UpcastingExampleTest extends ServiceTest {

    private static final String OLDER_SAMPLE =
            EventSamplesTest.SAMPLES + "upcasting-example/OrganizationRenamed-0.json";

    private static final OrganizationRenamed CURRENT = new OrganizationRenamed(42,
            "Difference Engines", 8, Instant.parse("2026-03-02T08:30:15.500Z"));

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    private final EventUpcasterChain upcasters = new EventUpcasterChain(new NewNameUpcaster());

    @Test
    void theOlderShapeIsUpcastToTheCurrentRevisionAndReadsWithEveryField() {
        IntermediateEventRepresentation stored = stored(EventSamplesTest.resource(OLDER_SAMPLE),
                "0");

        List<IntermediateEventRepresentation> upcast = upcasters.upcast(Stream.of(stored))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType()).isEqualTo(NewNameUpcaster.REVISION_1);
        EventSamplesTest.assertEveryField(serializer.deserialize(upcast.get(0).getData()),
                CURRENT);
    }

    @Test
    void theCurrentRevisionPassesThroughUnchanged() {
        IntermediateEventRepresentation stored = stored(
                EventSamplesTest.sample(OrganizationRenamed.class), "1");

        List<IntermediateEventRepresentation> upcast = upcasters.upcast(Stream.of(stored))
                .toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType()).isEqualTo(NewNameUpcaster.REVISION_1);
        EventSamplesTest.assertEveryField(serializer.deserialize(upcast.get(0).getData()),
                CURRENT);
    }

    @Test
    void withoutTheUpcasterTheOlderShapeWouldSilentlyLoseTheName() {
        byte[] older = EventSamplesTest.resource(OLDER_SAMPLE).getBytes(StandardCharsets.UTF_8);

        OrganizationRenamed read = serializer.deserialize(new SimpleSerializedObject<>(older,
                byte[].class, OrganizationRenamed.class.getName(), "0"));

        assertThat(read.name()).isNull();
        assertThat(read.organizationId()).isEqualTo(42);
    }

    private IntermediateEventRepresentation stored(String payload, String revision) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Organization", "42",
                3, UUID.randomUUID().toString(), "2026-03-02T08:30:15.500Z",
                OrganizationRenamed.class.getName(), revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8)),
                serializer);
    }
}
