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
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.RemoveMember;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.LastOwner;
import pro.gen.organizations.api.refusal.NotAMember;
import pro.gen.organizations.api.refusal.UnknownMember;

class RemovingMembersTest {

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    @ParameterizedTest(name = "owner removes the {1}")
    @MethodSource("teamMembers")
    void ownerMayRemoveAnyOtherMember(long userId, Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(userId, OWNER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectEvents(memberRemoved(userId, role, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .hasSize(3)
                        .doesNotContainKey(userId)
                        .containsEntry(OWNER_ID, Role.OWNER));
    }

    static Stream<Arguments> teamMembers() {
        return Stream.of(
                Arguments.of(MANAGER_ID, Role.MANAGER),
                Arguments.of(EDITOR_ID, Role.EDITOR),
                Arguments.of(VIEWER_ID, Role.VIEWER));
    }

    @Test
    void ownerMayRemoveAnotherOwner() {
        TestExecutor<Organization> twoOwners = fixture.given(
                then(founded(), joined(SECOND_OWNER_ID, Role.OWNER)));

        ResultValidator<Organization> result = twoOwners.when(remove(SECOND_OWNER_ID, OWNER_ID));

        result.expectEvents(
                        memberRemoved(SECOND_OWNER_ID, Role.OWNER, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .isEqualTo(Map.of(OWNER_ID, Role.OWNER)));
    }

    @Test
    void managerMayRemoveAnEditor() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(EDITOR_ID, MANAGER_ID));

        result.expectEvents(
                        memberRemoved(EDITOR_ID, Role.EDITOR, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members()).doesNotContainKey(EDITOR_ID));
    }

    @Test
    void managerMayRemoveAViewer() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(VIEWER_ID, MANAGER_ID));

        result.expectEvents(
                        memberRemoved(VIEWER_ID, Role.VIEWER, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members()).doesNotContainKey(VIEWER_ID));
    }

    @Test
    void managerMayNotRemoveAnotherManager() {
        TestExecutor<Organization> twoManagers = fixture.given(
                then(foundedWithTeam(), joined(SECOND_MANAGER_ID, Role.MANAGER)));

        ResultValidator<Organization> result =
                twoManagers.when(remove(SECOND_MANAGER_ID, MANAGER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A manager may not manage owners or managers.")
                .expectNoEvents();
    }

    @Test
    void managerMayNotRemoveAnOwner() {
        TestExecutor<Organization> twoOwners = fixture.given(
                then(foundedWithTeam(), joined(SECOND_OWNER_ID, Role.OWNER)));

        ResultValidator<Organization> result = twoOwners.when(remove(SECOND_OWNER_ID, MANAGER_ID));

        result.expectException(ActionNotAllowed.class).expectNoEvents();
    }

    @Test
    void editorMayNotRemoveOthers() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(VIEWER_ID, EDITOR_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("An editor may not manage members.")
                .expectNoEvents();
    }

    @Test
    void viewerMayNotRemoveOthers() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(EDITOR_ID, VIEWER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A viewer may not manage members.")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "the {1} leaves")
    @MethodSource("teamMembers")
    void anyMemberMayLeave(long userId, Role role) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(userId, userId));

        result.expectSuccessfulHandlerExecution()
                .expectEvents(memberRemoved(userId, role, userId, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .hasSize(3)
                        .doesNotContainKey(userId));
    }

    @Test
    void ownerMayLeaveWhenASecondOwnerRemains() {
        TestExecutor<Organization> twoOwners = fixture.given(
                then(foundedWithTeam(), joined(SECOND_OWNER_ID, Role.OWNER)));

        ResultValidator<Organization> result = twoOwners.when(remove(OWNER_ID, OWNER_ID));

        result.expectEvents(memberRemoved(OWNER_ID, Role.OWNER, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.members())
                        .doesNotContainKey(OWNER_ID)
                        .containsEntry(SECOND_OWNER_ID, Role.OWNER));
    }

    @Test
    void lastOwnerMayNotLeave() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(OWNER_ID, OWNER_ID));

        result.expectException(LastOwner.class)
                .expectExceptionMessage("An organization must keep at least one owner.")
                .expectNoEvents();
    }

    @Test
    void soleMemberWhoIsTheLastOwnerMayNotLeave() {
        TestExecutor<Organization> justFounded = fixture.given(founded());

        ResultValidator<Organization> result = justFounded.when(remove(OWNER_ID, OWNER_ID));

        result.expectException(LastOwner.class).expectNoEvents();
    }

    @Test
    void ownerIsTheLastOwnerAgainOnceTheSecondOwnerIsDemoted() {
        TestExecutor<Organization> secondOwnerDemoted = fixture.given(then(foundedWithTeam(),
                joined(SECOND_OWNER_ID, Role.OWNER),
                roleChanged(SECOND_OWNER_ID, Role.VIEWER, Role.OWNER, OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = secondOwnerDemoted.when(remove(OWNER_ID, OWNER_ID));

        result.expectException(LastOwner.class).expectNoEvents();
    }

    @Test
    void removingAnUnknownMemberIsRefused() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(NEWCOMER_ID, MANAGER_ID));

        result.expectException(UnknownMember.class)
                .expectExceptionMessage("User 8 is not a member.")
                .expectNoEvents();
    }

    @Test
    void removingAMemberTwiceIsRefusedAsUnknown() {
        TestExecutor<Organization> viewerRemoved = fixture.given(then(foundedWithTeam(),
                memberRemoved(VIEWER_ID, Role.VIEWER, OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = viewerRemoved.when(remove(VIEWER_ID, OWNER_ID));

        result.expectException(UnknownMember.class).expectNoEvents();
    }

    @Test
    void viewerRemovingAnUnknownMemberIsForbiddenFirst() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(NEWCOMER_ID, VIEWER_ID));

        result.expectException(ActionNotAllowed.class).expectNoEvents();
    }

    @Test
    void removingByNonMemberFindsNoOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(EDITOR_ID, STRANGER_ID));

        result.expectException(NotAMember.class)
                .expectExceptionMessage("Organization 42 does not exist.")
                .expectNoEvents();
    }

    @Test
    void nonMemberLeavingFindsNoOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(remove(STRANGER_ID, STRANGER_ID));

        result.expectException(NotAMember.class).expectNoEvents();
    }

    private static RemoveMember remove(long userId, long actor) {
        return new RemoveMember(ORG_ID, userId, actor);
    }
}
