package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.command.OrganizationHistory.AGENT_ID;
import static pro.gen.organizations.command.OrganizationHistory.AVATAR;
import static pro.gen.organizations.command.OrganizationHistory.EARLIER;
import static pro.gen.organizations.command.OrganizationHistory.EDITOR_ID;
import static pro.gen.organizations.command.OrganizationHistory.MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.NAME;
import static pro.gen.organizations.command.OrganizationHistory.NEWCOMER_ID;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.ORG_UUID;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.STRANGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.VIEWER_ID;
import static pro.gen.organizations.command.OrganizationHistory.deleted;
import static pro.gen.organizations.command.OrganizationHistory.foundedWithTeam;
import static pro.gen.organizations.command.OrganizationHistory.renamed;
import static pro.gen.organizations.command.OrganizationHistory.snapshotAfter;
import static pro.gen.organizations.command.OrganizationHistory.then;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.AddMember;
import pro.gen.organizations.api.command.ChangeMemberRole;
import pro.gen.organizations.api.command.ChangeOrganizationAvatar;
import pro.gen.organizations.api.command.CreateOrganization;
import pro.gen.organizations.api.command.DeleteOrganization;
import pro.gen.organizations.api.command.RemoveMember;
import pro.gen.organizations.api.command.RenameOrganization;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.NotAMember;
import pro.gen.organizations.api.refusal.OrganizationNotFound;

class DeletingOrganizationTest {

    private static final Map<Long, Role> TEAM = Map.of(
            OWNER_ID, Role.OWNER,
            MANAGER_ID, Role.MANAGER,
            EDITOR_ID, Role.EDITOR,
            VIEWER_ID, Role.VIEWER);

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    @Test
    void ownerDeletesTheOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(delete(OWNER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectEvents(deleted(OWNER_ID, fixture.currentTime()))
                .expectMarkedDeleted()
                .expectState(org -> {
                    assertThat(org.deleted()).isTrue();
                    assertThat(org.id()).isEqualTo(ORG_ID);
                    assertThat(org.name()).isEqualTo(NAME);
                    assertThat(org.members()).isEqualTo(TEAM);
                });
    }

    @Test
    void deleteByManagerIsForbidden() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(delete(MANAGER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A manager may not delete the organization.")
                .expectNoEvents();
    }

    @Test
    void deleteByEditorIsForbidden() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(delete(EDITOR_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("An editor may not delete the organization.")
                .expectNoEvents();
    }

    @Test
    void deleteByViewerIsForbidden() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(delete(VIEWER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A viewer may not delete the organization.")
                .expectNoEvents();
    }

    @Test
    void deleteByNonMemberFindsNoOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(delete(STRANGER_ID));

        result.expectException(NotAMember.class)
                .expectExceptionMessage("Organization 42 does not exist.")
                .expectNoEvents();
    }

    /**
     * Axon's event-sourcing repository will not load an aggregate whose history ends in
     * markDeleted(), so the command never reaches the organization.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOnTheDeletedOrganization")
    void everyCommandOnADeletedOrganizationFindsItDeleted(Object command) {
        TestExecutor<Organization> deletedOrganization = fixture.given(
                then(foundedWithTeam(), deleted(OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = deletedOrganization.when(command);

        result.expectException(AggregateDeletedException.class)
                .expectExceptionMessage(
                        "Aggregate with identifier [42] not found. It has been deleted.")
                .expectNoEvents();
    }

    /**
     * A snapshot taken after the deletion holds deleted = true but is not marked deleted
     * for Axon, so here the organization's own guard must refuse.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOnTheDeletedOrganization")
    void everyCommandOnADeletedOrganizationReadFromASnapshotFindsNoOrganization(
            Object command) {
        TestExecutor<Organization> deletedSnapshot = fixture.given(List.of(
                snapshotAfter(then(foundedWithTeam(), deleted(OWNER_ID, EARLIER)))));

        ResultValidator<Organization> result = deletedSnapshot.when(command);

        result.expectException(OrganizationNotFound.class)
                .expectExceptionMessage("Organization 42 does not exist.")
                .expectNoEvents();
    }

    static Stream<Named<Object>> commandsOnTheDeletedOrganization() {
        return Stream.of(
                Named.of("owner renames", new RenameOrganization(ORG_ID, "Acme Labs", OWNER_ID)),
                Named.of("owner deletes again", new DeleteOrganization(ORG_ID, OWNER_ID)),
                Named.of("owner changes the avatar",
                        new ChangeOrganizationAvatar(ORG_ID, AVATAR, OWNER_ID)),
                Named.of("owner adds a member",
                        new AddMember(ORG_ID, NEWCOMER_ID, Role.EDITOR, OWNER_ID)),
                Named.of("manager adds a member",
                        new AddMember(ORG_ID, NEWCOMER_ID, Role.VIEWER, MANAGER_ID)),
                Named.of("owner changes a role",
                        new ChangeMemberRole(ORG_ID, EDITOR_ID, Role.VIEWER, OWNER_ID)),
                Named.of("owner removes a member",
                        new RemoveMember(ORG_ID, EDITOR_ID, OWNER_ID)),
                Named.of("viewer leaves", new RemoveMember(ORG_ID, VIEWER_ID, VIEWER_ID)),
                Named.of("owner leaves", new RemoveMember(ORG_ID, OWNER_ID, OWNER_ID)),
                Named.of("viewer renames",
                        new RenameOrganization(ORG_ID, "Acme Labs", VIEWER_ID)),
                Named.of("non-member renames",
                        new RenameOrganization(ORG_ID, "Acme Labs", STRANGER_ID)));
    }

    @Test
    void aSnapshotOfALiveOrganizationStillTakesCommands() {
        TestExecutor<Organization> liveSnapshot = fixture.given(
                List.of(snapshotAfter(foundedWithTeam())));

        ResultValidator<Organization> result = liveSnapshot.when(
                new RenameOrganization(ORG_ID, "Acme Labs", MANAGER_ID));

        result.expectEvents(renamed("Acme Labs", MANAGER_ID, fixture.currentTime()))
                .expectState(org -> {
                    assertThat(org.name()).isEqualTo("Acme Labs");
                    assertThat(org.members()).isEqualTo(TEAM);
                });
    }

    /**
     * Creating again under a deleted organization's id is refused by the event store, whose
     * stream for that id already exists; the organization itself is never consulted.
     */
    @Test
    void creatingAgainUnderTheIdOfADeletedOrganizationIsRefusedByTheEventStore() {
        TestExecutor<Organization> deletedOrganization = fixture.given(
                then(foundedWithTeam(), deleted(OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = deletedOrganization.when(
                new CreateOrganization(ORG_ID, ORG_UUID, "Acme Again", AGENT_ID, OWNER_ID));

        result.expectException(EventStoreException.class);
    }

    private static DeleteOrganization delete(long actor) {
        return new DeleteOrganization(ORG_ID, actor);
    }
}
