package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static pro.gen.organizations.command.OrganizationHistory.AGENT_ID;
import static pro.gen.organizations.command.OrganizationHistory.AVATAR;
import static pro.gen.organizations.command.OrganizationHistory.NAME;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.ORG_UUID;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.agentProvisioned;
import static pro.gen.organizations.command.OrganizationHistory.avatarChanged;
import static pro.gen.organizations.command.OrganizationHistory.memberAdded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.CreateOrganization;
import pro.gen.organizations.api.event.OrganizationCreated;
import pro.gen.organizations.api.event.SystemAgentProvisioned;
import pro.gen.organizations.api.refusal.InvalidAvatar;
import pro.gen.organizations.api.refusal.InvalidOrganizationName;

class CreatingOrganizationTest {

    private static final String BLANK = "can't be blank";
    private static final String TOO_LONG = "is too long (at most 255 characters)";
    private static final String CONTROL = "must not contain control characters";

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    @Test
    void creatingMakesTheCreatorOwnerAndProvisionsTheSystemAgent() {
        TestExecutor<Organization> noHistory = fixture.givenNoPriorActivity();

        ResultValidator<Organization> result = noHistory.when(create(NAME));

        Instant now = fixture.currentTime();
        result.expectSuccessfulHandlerExecution()
                .expectEvents(
                        new OrganizationCreated(ORG_ID, ORG_UUID, NAME, OWNER_ID, now),
                        memberAdded(OWNER_ID, Role.OWNER, OWNER_ID, now),
                        agentProvisioned(now))
                .expectState(org -> {
                    assertThat(org.id()).isEqualTo(ORG_ID);
                    assertThat(org.name()).isEqualTo(NAME);
                    assertThat(org.members()).isEqualTo(Map.of(OWNER_ID, Role.OWNER));
                    assertThat(org.deleted()).isFalse();
                });
    }

    @Test
    void theSystemAgentGetsTheGivenIdAndIsNamedSystemAgent() {
        TestExecutor<Organization> noHistory = fixture.givenNoPriorActivity();

        ResultValidator<Organization> result = noHistory.when(
                new CreateOrganization(ORG_ID, ORG_UUID, NAME, 77L, OWNER_ID));

        Instant now = fixture.currentTime();
        result.expectEvents(
                new OrganizationCreated(ORG_ID, ORG_UUID, NAME, OWNER_ID, now),
                memberAdded(OWNER_ID, Role.OWNER, OWNER_ID, now),
                new SystemAgentProvisioned(
                        ORG_ID, 77L, "System Agent", OWNER_ID, now));
    }

    @Test
    void creatingWithAnAvatarGivesItInTheSameStep() {
        TestExecutor<Organization> noHistory = fixture.givenNoPriorActivity();

        ResultValidator<Organization> result = noHistory.when(
                new CreateOrganization(ORG_ID, ORG_UUID, NAME, AGENT_ID, OWNER_ID, AVATAR));

        Instant now = fixture.currentTime();
        result.expectSuccessfulHandlerExecution()
                .expectEvents(
                        new OrganizationCreated(ORG_ID, ORG_UUID, NAME, OWNER_ID, now),
                        memberAdded(OWNER_ID, Role.OWNER, OWNER_ID, now),
                        agentProvisioned(now),
                        avatarChanged(AVATAR, OWNER_ID, now))
                .expectState(org -> {
                    assertThat(org.avatarHash()).isEqualTo(AVATAR.imageHash());
                    assertThat(org.avatarThumbnailHash()).isEqualTo(AVATAR.thumbnailHash());
                    assertThat(org.members()).isEqualTo(Map.of(OWNER_ID, Role.OWNER));
                });
    }

    @Test
    void creatingWithoutAnAvatarLeavesItWithNone() {
        TestExecutor<Organization> noHistory = fixture.givenNoPriorActivity();

        ResultValidator<Organization> result = noHistory.when(create(NAME));

        result.expectState(org -> {
            assertThat(org.avatarHash()).isNull();
            assertThat(org.avatarThumbnailHash()).isNull();
        });
    }

    @Test
    void creatingWithAnInvalidAvatarCreatesNothing() {
        TestExecutor<Organization> noHistory = fixture.givenNoPriorActivity();
        Avatar gif = new Avatar(AVATAR.imageHash(), AVATAR.thumbnailHash(), "image/gif",
                AVATAR.width(), AVATAR.height(), AVATAR.size());

        ResultValidator<Organization> result = noHistory.when(
                new CreateOrganization(ORG_ID, ORG_UUID, NAME, AGENT_ID, OWNER_ID, gif));

        result.expectException(InvalidAvatar.class)
                .expectExceptionMessage("Avatar must be stored as PNG or JPEG.")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "[{0}] is stored as [{1}]")
    @MethodSource("acceptedNames")
    void creatingStoresTheTrimmedName(String given, String stored) {
        TestExecutor<Organization> noHistory = fixture.givenNoPriorActivity();

        ResultValidator<Organization> result = noHistory.when(create(given));

        Instant now = fixture.currentTime();
        result.expectEvents(
                        new OrganizationCreated(ORG_ID, ORG_UUID, stored, OWNER_ID, now),
                        memberAdded(OWNER_ID, Role.OWNER, OWNER_ID, now),
                        agentProvisioned(now))
                .expectState(org -> assertThat(org.name()).isEqualTo(stored));
    }

    static Stream<Arguments> acceptedNames() {
        String longest = "a".repeat(255);
        String longestInEmoji = "\uD83D\uDE80".repeat(255);
        return Stream.of(
                Arguments.of("Acme", "Acme"),
                Arguments.of("  Acme  ", "Acme"),
                Arguments.of("\tAcme Corp\n", "Acme Corp"),
                Arguments.of("\u2003Acme\u3000", "Acme"),
                Arguments.of("Ünïcødé 組織 \uD83D\uDE80", "Ünïcødé 組織 \uD83D\uDE80"),
                Arguments.of("a", "a"),
                Arguments.of(longest, longest),
                Arguments.of("   " + longest + "   ", longest),
                Arguments.of(longestInEmoji, longestInEmoji));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("invalidNames")
    void creatingWithAnInvalidNameIsRefused(String name, String reason) {
        TestExecutor<Organization> noHistory = fixture.givenNoPriorActivity();

        ResultValidator<Organization> result = noHistory.when(create(name));

        result.expectException(InvalidOrganizationName.class)
                .expectExceptionMessage("Name " + reason + ".")
                .expectNoEvents();
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of(
                Arguments.of(null, BLANK),
                Arguments.of("", BLANK),
                Arguments.of("   ", BLANK),
                Arguments.of("\t\n\r ", BLANK),
                Arguments.of("\u2003\u3000", BLANK),
                Arguments.of("a".repeat(256), TOO_LONG),
                Arguments.of("\uD83D\uDE80".repeat(256), TOO_LONG),
                Arguments.of("Ac\u0000me", CONTROL),
                Arguments.of("Ac\tme", CONTROL),
                Arguments.of("Acme\nCorp", CONTROL),
                Arguments.of("Ac\u007Fme", CONTROL),
                Arguments.of("Ac\u0085me", CONTROL),
                Arguments.of("Acme\u2028Corp", CONTROL),
                Arguments.of("Acme\u2029Corp", CONTROL),
                Arguments.of("Ac\uD800me", CONTROL),
                Arguments.of("Acme\uDC00", CONTROL));
    }

    /**
     * Outside the fixture, as Axon's repository creates the organization: each creation event
     * must belong to the organization's own event stream, numbered from 0.
     */
    @Test
    void everyCreationEventIsRecordedInTheOrganizationsOwnStream() throws Exception {
        List<DomainEventMessage<?>> published = new ArrayList<>();
        SimpleEventBus eventBus = SimpleEventBus.builder().build();
        eventBus.subscribe(messages -> messages.forEach(
                message -> published.add((DomainEventMessage<?>) message)));
        Callable<Organization> creation = () -> new Organization(create(NAME));

        EventSourcedAggregate.initialize(
                creation,
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Organization.class),
                eventBus,
                NoSnapshotTriggerDefinition.TRIGGER);

        assertThat(published)
                .extracting(
                        message -> message.getPayloadType().getSimpleName(),
                        DomainEventMessage::getAggregateIdentifier,
                        DomainEventMessage::getSequenceNumber)
                .containsExactly(
                        tuple("OrganizationCreated", "42", 0L),
                        tuple("MemberAdded", "42", 1L),
                        tuple("SystemAgentProvisioned", "42", 2L));
    }

    private static CreateOrganization create(String name) {
        return new CreateOrganization(ORG_ID, ORG_UUID, name, AGENT_ID, OWNER_ID);
    }
}
