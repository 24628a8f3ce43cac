package pro.gen.organizations.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import pro.gen.organizations.api.event.OrganizationRenamed;

/**
 * An example of the upcaster that a changed event needs, for tests only: it reads a made-up
 * revision "0" of {@link OrganizationRenamed} that called its name {@code newName}, as the
 * current revision "1". No such revision was ever stored; a real one would be a Spring bean
 * in the application, which Axon then applies to every event it reads.
 */
final class NewNameUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_0 =
            new SimpleSerializedType(OrganizationRenamed.class.getName(), "0");
    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(OrganizationRenamed.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_0);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_1, JsonNode.class, payload -> {
            ObjectNode fields = (ObjectNode) payload;
            fields.set("name", fields.remove("newName"));
            return fields;
        });
    }
}
