package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.command.OrganizationHistory.EARLIER;
import static pro.gen.organizations.command.OrganizationHistory.EDITOR_ID;
import static pro.gen.organizations.command.OrganizationHistory.MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.NEWCOMER_ID;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.STRANGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.VIEWER_ID;
import static pro.gen.organizations.command.OrganizationHistory.founded;
import static pro.gen.organizations.command.OrganizationHistory.foundedWithTeam;
import static pro.gen.organizations.command.OrganizationHistory.memberAdded;
import static pro.gen.organizations.command.OrganizationHistory.memberRemoved;
import static pro.gen.organizations.command.OrganizationHistory.then;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.AddMember;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.AlreadyAMember;
import pro.gen.organizations.api.refusal.NotAMember;

class AddingMembersTest {

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    @ParameterizedTest
    @EnumSource(Role.class)
    void ownerMayAddAMemberWithAnyRole(Role role) {
        TestExecutor<Organization> justFounded = fixture.given(founded());

        ResultValidator<Organization> result = justFounded.when(add(NEWCOMER_ID, role, OWNER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectEvents(memberAdded(NEWCOMER_ID, role, OWNER_ID, fixture.currentTime()))
                .expectState(org -> {
                    assertThat(org.members())
                            .isEqualTo(Map.of(OWNER_ID, Role.OWNER, NEWCOMER_ID, role));
                    assertThat(org.deleted()).isFalse();
                });
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"EDITOR", "VIEWER"})
    void managerMayAddEditorsAndViewers(Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(add(NEWCOMER_ID, role, MANAGER_ID));

        result.expectEvents(memberAdded(NEWCOMER_ID, role, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .hasSize(5)
                        .containsEntry(NEWCOMER_ID, role));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OWNER", "MANAGER"})
    void managerMayNotAddOwnersOrManagers(Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(add(NEWCOMER_ID, role, MANAGER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A manager may not manage owners or managers.")
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void editorMayNotAddMembers(Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(add(NEWCOMER_ID, role, EDITOR_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("An editor may not manage members.")
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void viewerMayNotAddMembers(Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(add(NEWCOMER_ID, role, VIEWER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A viewer may not manage members.")
                .expectNoEvents();
    }

    @Test
    void addingByNonMemberFindsNoOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(add(NEWCOMER_ID, Role.VIEWER, STRANGER_ID));

        result.expectException(NotAMember.class)
                .expectExceptionMessage("Organization 42 does not exist.")
                .expectNoEvents();
    }

    @Test
    void addingAnExistingMemberIsRefused() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(add(EDITOR_ID, Role.VIEWER, OWNER_ID));

        result.expectException(AlreadyAMember.class)
                .expectExceptionMessage("User 3 is already a member.")
                .expectNoEvents();
    }

    @Test
    void addingAnExistingMemberWithTheSameRoleIsRefused() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(add(VIEWER_ID, Role.VIEWER, MANAGER_ID));

        result.expectException(AlreadyAMember.class).expectNoEvents();
    }

    @Test
    void addingYourselfIsRefusedAsAlreadyAMember() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(add(OWNER_ID, Role.EDITOR, OWNER_ID));

        result.expectException(AlreadyAMember.class)
                .expectExceptionMessage("User 1 is already a member.")
                .expectNoEvents();
    }

    @Test
    void aFormerMemberMayBeAddedAgain() {
        TestExecutor<Organization> editorLeft = fixture.given(then(foundedWithTeam(),
                memberRemoved(EDITOR_ID, Role.EDITOR, EDITOR_ID, EARLIER)));

        ResultValidator<Organization> result =
                editorLeft.when(add(EDITOR_ID, Role.VIEWER, MANAGER_ID));

        result.expectEvents(
                        memberAdded(EDITOR_ID, Role.VIEWER, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .containsEntry(EDITOR_ID, Role.VIEWER));
    }

    private static AddMember add(long userId, Role role, long actor) {
        return new AddMember(ORG_ID, userId, role, actor);
    }
}
