package pro.gen.organizations.app.events;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.TestImages.picture;
import static pro.gen.organizations.app.support.TestImages.png;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.event.MemberAdded;
import pro.gen.organizations.api.event.MemberRemoved;
import pro.gen.organizations.api.event.MemberRoleChanged;
import pro.gen.organizations.api.event.OrganizationAvatarChanged;
import pro.gen.organizations.api.event.OrganizationCreated;
import pro.gen.organizations.api.event.OrganizationDeleted;
import pro.gen.organizations.api.event.OrganizationRenamed;
import pro.gen.organizations.api.event.SystemAgentProvisioned;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * The published events as stored: for every event class a sample of its current revision in
 * {@code event-samples/<Type>-<revision>.json}, byte for byte the JSON that the event
 * serializer writes. A sample that no longer reads, or an event class without one, means the
 * stored contract changed without a new revision.
 */
class EventSamplesTest extends ServiceTest {

    static final String EVENT_PACKAGE = "pro.gen.organizations.api.event";
    static final String SAMPLES = "/event-samples/";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What each sample holds; every field differs from its type's default. */
    private static final Map<Class<?>, Object> EXPECTED = Map.of(
            OrganizationCreated.class, new OrganizationCreated(42,
                    UUID.fromString("0b5a7c9e-3f4d-4e21-9a6b-8c2d1e0f7a35"),
                    "Analytical Engines \u2728", 7, Instant.parse("2026-03-01T12:00:00.123456Z")),
            MemberAdded.class, new MemberAdded(42, 7, Role.OWNER, 7,
                    Instant.parse("2026-03-01T12:00:00.123456Z")),
            SystemAgentProvisioned.class, new SystemAgentProvisioned(42, 13, "System Agent", 7,
                    Instant.parse("2026-03-01T12:00:00.123456Z")),
            OrganizationRenamed.class, new OrganizationRenamed(42, "Difference Engines", 8,
                    Instant.parse("2026-03-02T08:30:15.500Z")),
            MemberRoleChanged.class, new MemberRoleChanged(42, 8, Role.MANAGER, Role.VIEWER, 7,
                    Instant.parse("2026-03-02T08:00:00.001Z")),
            MemberRemoved.class, new MemberRemoved(42, 8, Role.MANAGER, 8,
                    Instant.parse("2026-03-03T17:45:00.250Z")),
            OrganizationAvatarChanged.class, new OrganizationAvatarChanged(42,
                    "6105d6cc76af400325e94d588ce511be5bfdbb73b437dc51eca43917d7a43e3d",
                    "80f61f96184524ba54db767ed49487392430ad26bf5cf2ef689905f3400325d7",
                    "image/png", 640, 480, 20480, 8, Instant.parse("2026-03-05T10:00:00.750Z")),
            OrganizationDeleted.class, new OrganizationDeleted(42, 7,
                    Instant.parse("2026-03-04T09:00:00Z")));

    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void everyEventClassHasASampleOfItsCurrentRevision() {
        List<Class<?>> events = eventClasses().toList();

        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(revision(event)).as("@Revision of %s", event.getSimpleName()).isNotNull();
            assertThat(EventSamplesTest.class.getResource(samplePath(event)))
                    .as("sample %s", samplePath(event)).isNotNull();
            assertThat(EXPECTED).as("expected fields of %s", event.getSimpleName())
                    .containsKey(event);
        });
        assertThat(events).contains(OrganizationCreated.class, OrganizationRenamed.class,
                OrganizationDeleted.class, MemberAdded.class, MemberRoleChanged.class,
                MemberRemoved.class, SystemAgentProvisioned.class,
                OrganizationAvatarChanged.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void theSampleReadsBackWithEveryFieldFromBytes(Class<?> event) {
        byte[] stored = sample(event).getBytes(StandardCharsets.UTF_8);

        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                event.getName(), revision(event)));

        assertThat(read).isInstanceOf(event);
        assertEveryField(read, EXPECTED.get(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void theSampleReadsBackWithEveryFieldFromText(Class<?> event) {
        Object read = serializer.deserialize(new SimpleSerializedObject<>(sample(event),
                String.class, event.getName(), revision(event)));

        assertEveryField(read, EXPECTED.get(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventClasses")
    void theSerializerWritesTheSampleByteForByte(Class<?> event) {
        Object expected = EXPECTED.get(event);

        var written = serializer.serialize(expected, byte[].class);

        assertThat(new String(written.getData(), StandardCharsets.UTF_8))
                .isEqualTo(sample(event));
        assertThat(written.getType().getName()).isEqualTo(event.getName());
        assertThat(written.getType().getRevision()).isEqualTo(revision(event));
    }

    @Test
    void everySampleExpectsEveryFieldToDifferFromItsDefault() {
        assertThat(EXPECTED.values()).allSatisfy(event -> {
            for (RecordComponent component : event.getClass().getRecordComponents()) {
                Object value = value(component, event);
                assertThat(value).as("%s.%s", event.getClass().getSimpleName(),
                        component.getName()).isNotNull().isNotEqualTo(0L).isNotEqualTo(0)
                        .isNotEqualTo(false);
            }
        });
    }

    @Test
    void eventsStoredByTheServiceHaveTheFieldsRevisionAndTypesOfTheirSamples() {
        TestUser owner = api.newUser();
        TestUser member = api.newUser();
        long id = api.newOrganization(owner, "Sample Works");
        String members = "/v1/organizations/" + id + "/members";
        List<Answer> writes = List.of(
                api.json("POST", members, owner,
                        Map.of("member", Map.of("user_id", member.id(), "role", "viewer"))),
                api.json("PATCH", members + "/" + member.id(), owner,
                        Map.of("member", Map.of("role", "manager"))),
                api.json("PATCH", "/v1/organizations/" + id, member,
                        Map.of("organization", Map.of("name", "Sample Works Renamed"))),
                api.multipart("PATCH", "/v1/organizations/" + id, member, Map.of(),
                        "organization[avatar]", png(picture(40, 30, false, 11))),
                api.delete(members + "/" + member.id(), owner),
                api.delete("/v1/organizations/" + id, owner));
        assertThat(writes).allSatisfy(answer ->
                assertThat(answer.status()).as(answer.text()).isIn(200, 201));

        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload
                FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number
                """, Long.toString(id));

        Map<String, String> storedTypes = new TreeMap<>();
        assertThat(rows).hasSize(9).allSatisfy(row -> {
            Class<?> event = Class.forName((String) row.get("payload_type"));
            assertThat(row.get("payload_revision")).isEqualTo(revision(event));
            JsonNode stored = JSON.readTree((String) row.get("payload"));
            JsonNode sample = JSON.readTree(sample(event));
            assertThat(shape(stored)).as("stored %s", event.getSimpleName())
                    .isEqualTo(shape(sample));
            storedTypes.put(event.getSimpleName(), (String) row.get("payload_revision"));
        });
        assertThat(storedTypes.keySet()).containsExactlyInAnyOrderElementsOf(
                eventClasses().map(Class::getSimpleName).toList());
    }

    /** The concrete classes of the event package, found on the class path. */
    static Stream<Class<?>> eventClasses() {
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition found : scanner.findCandidateComponents(EVENT_PACKAGE)) {
            if (!found.getBeanClassName().endsWith("package-info")) {
                classes.add(load(found.getBeanClassName()));
            }
        }
        return classes.stream();
    }

    static String revision(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    static String samplePath(Class<?> event) {
        return SAMPLES + event.getSimpleName() + "-" + revision(event) + ".json";
    }

    static String sample(Class<?> event) {
        return resource(samplePath(event));
    }

    static String resource(String path) {
        try (InputStream in = EventSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("resource %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares field by field, so that a failure names the field. */
    static void assertEveryField(Object read, Object expected) {
        assertThat(read).isInstanceOf(expected.getClass());
        for (RecordComponent component : expected.getClass().getRecordComponents()) {
            assertThat(value(component, read))
                    .as("%s.%s", expected.getClass().getSimpleName(), component.getName())
                    .isEqualTo(value(component, expected));
        }
        assertThat(read).isEqualTo(expected);
    }

    /** Field names in order, each with the kind of JSON value it holds. */
    private static List<String> shape(JsonNode node) {
        List<String> shape = new ArrayList<>();
        node.fields().forEachRemaining(field ->
                shape.add(field.getKey() + ":" + field.getValue().getNodeType()));
        return shape;
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
