package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.command.OrganizationHistory.EARLIER;
import static pro.gen.organizations.command.OrganizationHistory.EDITOR_ID;
import static pro.gen.organizations.command.OrganizationHistory.MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.NEWCOMER_ID;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.SECOND_MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.SECOND_OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.STRANGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.VIEWER_ID;
import static pro.gen.organizations.command.OrganizationHistory.founded;
import static pro.gen.organizations.command.OrganizationHistory.foundedWithTeam;
import static pro.gen.organizations.command.OrganizationHistory.joined;
import static pro.gen.organizations.command.OrganizationHistory.memberRemoved;
import static pro.gen.organizations.command.OrganizationHistory.roleChanged;
import static pro.gen.organizations.command.OrganizationHistory.then;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.ChangeMemberRole;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.LastOwner;
import pro.gen.organizations.api.refusal.NotAMember;
import pro.gen.organizations.api.refusal.UnknownMember;

class ChangingMemberRolesTest {

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    @Test
    void ownerPromotesAnEditorToManager() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(EDITOR_ID, Role.MANAGER, OWNER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectEvents(roleChanged(
                        EDITOR_ID, Role.MANAGER, Role.EDITOR, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members()).isEqualTo(Map.of(
                        OWNER_ID, Role.OWNER,
                        MANAGER_ID, Role.MANAGER,
                        EDITOR_ID, Role.MANAGER,
                        VIEWER_ID, Role.VIEWER)));
    }

    @Test
    void ownerPromotesAManagerToOwner() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(MANAGER_ID, Role.OWNER, OWNER_ID));

        result.expectEvents(roleChanged(
                        MANAGER_ID, Role.OWNER, Role.MANAGER, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .containsEntry(MANAGER_ID, Role.OWNER)
                        .containsEntry(OWNER_ID, Role.OWNER));
    }

    @Test
    void ownerDemotesAManagerToViewer() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(MANAGER_ID, Role.VIEWER, OWNER_ID));

        result.expectEvents(roleChanged(
                        MANAGER_ID, Role.VIEWER, Role.MANAGER, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .containsEntry(MANAGER_ID, Role.VIEWER));
    }

    @Test
    void ownerDemotesAnotherOwner() {
        TestExecutor<Organization> twoOwners = fixture.given(
                then(foundedWithTeam(), joined(SECOND_OWNER_ID, Role.OWNER)));

        ResultValidator<Organization> result =
                twoOwners.when(change(SECOND_OWNER_ID, Role.EDITOR, OWNER_ID));

        result.expectEvents(roleChanged(
                        SECOND_OWNER_ID, Role.EDITOR, Role.OWNER, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .containsEntry(SECOND_OWNER_ID, Role.EDITOR)
                        .containsEntry(OWNER_ID, Role.OWNER));
    }

    @Test
    void managerChangesAnEditorToViewer() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(EDITOR_ID, Role.VIEWER, MANAGER_ID));

        result.expectEvents(roleChanged(
                        EDITOR_ID, Role.VIEWER, Role.EDITOR, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .containsEntry(EDITOR_ID, Role.VIEWER));
    }

    @Test
    void managerChangesAViewerToEditor() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(VIEWER_ID, Role.EDITOR, MANAGER_ID));

        result.expectEvents(roleChanged(
                        VIEWER_ID, Role.EDITOR, Role.VIEWER, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .containsEntry(VIEWER_ID, Role.EDITOR));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"OWNER", "MANAGER"})
    void managerMayNotPromoteToOwnerOrManager(Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(VIEWER_ID, role, MANAGER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A manager may not manage owners or managers.")
                .expectNoEvents();
    }

    @Test
    void managerMayNotDemoteAnotherManager() {
        TestExecutor<Organization> twoManagers = fixture.given(
                then(foundedWithTeam(), joined(SECOND_MANAGER_ID, Role.MANAGER)));

        ResultValidator<Organization> result =
                twoManagers.when(change(SECOND_MANAGER_ID, Role.EDITOR, MANAGER_ID));

        result.expectException(ActionNotAllowed.class).expectNoEvents();
    }

    @Test
    void managerMayNotDemoteAnOwner() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(OWNER_ID, Role.VIEWER, MANAGER_ID));

        result.expectException(ActionNotAllowed.class).expectNoEvents();
    }

    @Test
    void managerMayNotDemoteThemselves() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(MANAGER_ID, Role.EDITOR, MANAGER_ID));

        result.expectException(ActionNotAllowed.class).expectNoEvents();
    }

    @Test
    void editorMayNotChangeRoles() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(VIEWER_ID, Role.EDITOR, EDITOR_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("An editor may not manage members.")
                .expectNoEvents();
    }

    @Test
    void viewerMayNotChangeRolesNotEvenTheirOwn() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(VIEWER_ID, Role.EDITOR, VIEWER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A viewer may not manage members.")
                .expectNoEvents();
    }

    @Test
    void changingAnUnknownMemberIsRefused() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(NEWCOMER_ID, Role.EDITOR, MANAGER_ID));

        result.expectException(UnknownMember.class)
                .expectExceptionMessage("User 8 is not a member.")
                .expectNoEvents();
    }

    @Test
    void changingAFormerMemberIsRefused() {
        TestExecutor<Organization> editorLeft = fixture.given(then(foundedWithTeam(),
                memberRemoved(EDITOR_ID, Role.EDITOR, EDITOR_ID, EARLIER)));

        ResultValidator<Organization> result =
                editorLeft.when(change(EDITOR_ID, Role.VIEWER, OWNER_ID));

        result.expectException(UnknownMember.class).expectNoEvents();
    }

    @Test
    void changingByNonMemberFindsNoOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(EDITOR_ID, Role.VIEWER, STRANGER_ID));

        result.expectException(NotAMember.class)
                .expectExceptionMessage("Organization 42 does not exist.")
                .expectNoEvents();
    }

    @Test
    void changingToTheSameRoleEmitsNothing() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result =
                team.when(change(EDITOR_ID, Role.EDITOR, MANAGER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(org -> assertThat(org.members())
                        .containsEntry(EDITOR_ID, Role.EDITOR));
    }

    @Test
    void lastOwnerKeepingTheOwnerRoleEmitsNothing() {
        TestExecutor<Organization> justFounded = fixture.given(founded());

        ResultValidator<Organization> result =
                justFounded.when(change(OWNER_ID, Role.OWNER, OWNER_ID));

        result.expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MANAGER", "EDITOR", "VIEWER"})
    void lastOwnerMayNotDemoteThemselves(Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(OWNER_ID, role, OWNER_ID));

        result.expectException(LastOwner.class)
                .expectExceptionMessage("An organization must keep at least one owner.")
                .expectNoEvents();
    }

    @Test
    void ownerMayDemoteThemselvesWhenASecondOwnerRemains() {
        TestExecutor<Organization> twoOwners = fixture.given(
                then(foundedWithTeam(), joined(SECOND_OWNER_ID, Role.OWNER)));

        ResultValidator<Organization> result =
                twoOwners.when(change(OWNER_ID, Role.MANAGER, OWNER_ID));

        result.expectEvents(roleChanged(
                        OWNER_ID, Role.MANAGER, Role.OWNER, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .containsEntry(OWNER_ID, Role.MANAGER)
                        .containsEntry(SECOND_OWNER_ID, Role.OWNER));
    }

    @Test
    void ownerIsTheLastOwnerAgainOnceTheSecondOwnerIsGone() {
        TestExecutor<Organization> secondOwnerLeft = fixture.given(then(foundedWithTeam(),
                joined(SECOND_OWNER_ID, Role.OWNER),
                memberRemoved(SECOND_OWNER_ID, Role.OWNER, SECOND_OWNER_ID, EARLIER)));

        ResultValidator<Organization> result =
                secondOwnerLeft.when(change(OWNER_ID, Role.MANAGER, OWNER_ID));

        result.expectException(LastOwner.class).expectNoEvents();
    }

    @Test
    void ownerIsTheLastOwnerAgainOnceTheSecondOwnerIsDemoted() {
        TestExecutor<Organization> secondOwnerDemoted = fixture.given(then(foundedWithTeam(),
                joined(SECOND_OWNER_ID, Role.OWNER),
                roleChanged(SECOND_OWNER_ID, Role.EDITOR, Role.OWNER, OWNER_ID, EARLIER)));

        ResultValidator<Organization> result =
                secondOwnerDemoted.when(change(OWNER_ID, Role.MANAGER, OWNER_ID));

        result.expectException(LastOwner.class).expectNoEvents();
    }

    private static ChangeMemberRole change(long userId, Role role, long actor) {
        return new ChangeMemberRole(ORG_ID, userId, role, actor);
    }
}
