package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.command.OrganizationHistory.EARLIER;
import static pro.gen.organizations.command.OrganizationHistory.EDITOR_ID;
import static pro.gen.organizations.command.OrganizationHistory.MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.NAME;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.STRANGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.VIEWER_ID;
import static pro.gen.organizations.command.OrganizationHistory.foundedWithTeam;
import static pro.gen.organizations.command.OrganizationHistory.memberRemoved;
import static pro.gen.organizations.command.OrganizationHistory.renamed;
import static pro.gen.organizations.command.OrganizationHistory.then;

import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.RenameOrganization;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.InvalidOrganizationName;
import pro.gen.organizations.api.refusal.NotAMember;

class RenamingOrganizationTest {

    private static final Map<Long, Role> TEAM = Map.of(
            OWNER_ID, Role.OWNER,
            MANAGER_ID, Role.MANAGER,
            EDITOR_ID, Role.EDITOR,
            VIEWER_ID, Role.VIEWER);

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    @Test
    void renameByOwnerRenamesTheOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("Acme Labs", OWNER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectEvents(renamed("Acme Labs", OWNER_ID, fixture.currentTime()))
                .expectState(org -> {
                    assertThat(org.name()).isEqualTo("Acme Labs");
                    assertThat(org.id()).isEqualTo(ORG_ID);
                    assertThat(org.members()).isEqualTo(TEAM);
                    assertThat(org.deleted()).isFalse();
                });
    }

    @Test
    void renameByManagerRenamesTheOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("Acme Labs", MANAGER_ID));

        result.expectEvents(renamed("Acme Labs", MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.name()).isEqualTo("Acme Labs"));
    }

    @Test
    void renameStoresTheTrimmedName() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("  Acme Labs \n", OWNER_ID));

        result.expectEvents(renamed("Acme Labs", OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.name()).isEqualTo("Acme Labs"));
    }

    @Test
    void renameToTheSameNameEmitsNothing() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename(NAME, OWNER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(org -> assertThat(org.name()).isEqualTo(NAME));
    }

    @Test
    void renameToTheSameNameWithSurroundingSpacesEmitsNothing() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("   " + NAME + " ", MANAGER_ID));

        result.expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void renameOnlyInCaseIsARename() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("ACME", OWNER_ID));

        result.expectEvents(renamed("ACME", OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.name()).isEqualTo("ACME"));
    }

    @Test
    void renameComparesWithTheLatestNameNotTheFirst() {
        TestExecutor<Organization> renamedOnce = fixture.given(
                then(foundedWithTeam(), renamed("Acme Labs", OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = renamedOnce.when(rename("Acme Labs", OWNER_ID));

        result.expectNoEvents()
                .expectState(org -> assertThat(org.name()).isEqualTo("Acme Labs"));
    }

    @Test
    void renameBackToTheFirstNameIsARename() {
        TestExecutor<Organization> renamedOnce = fixture.given(
                then(foundedWithTeam(), renamed("Acme Labs", OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = renamedOnce.when(rename(NAME, MANAGER_ID));

        result.expectEvents(renamed(NAME, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.name()).isEqualTo(NAME));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Ac\u0000me", "Acme\u2028Labs"})
    void renameToAnInvalidNameIsRefused(String name) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename(name, OWNER_ID));

        result.expectException(InvalidOrganizationName.class).expectNoEvents();
    }

    @Test
    void renameToATooLongNameIsRefused() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("x".repeat(256), MANAGER_ID));

        result.expectException(InvalidOrganizationName.class)
                .expectExceptionMessage("Name is too long (at most 255 characters).")
                .expectNoEvents();
    }

    @Test
    void renameToANullNameIsRefused() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename(null, OWNER_ID));

        result.expectException(InvalidOrganizationName.class)
                .expectExceptionMessage("Name can't be blank.")
                .expectNoEvents();
    }

    @Test
    void renameByEditorIsForbidden() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("Acme Labs", EDITOR_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("An editor may not rename the organization.")
                .expectNoEvents();
    }

    @Test
    void renameByViewerIsForbidden() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("Acme Labs", VIEWER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A viewer may not rename the organization.")
                .expectNoEvents();
    }

    @Test
    void renameByViewerIsForbiddenBeforeTheNameIsChecked() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("   ", VIEWER_ID));

        result.expectException(ActionNotAllowed.class).expectNoEvents();
    }

    @Test
    void renameByNonMemberFindsNoOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(rename("Acme Labs", STRANGER_ID));

        result.expectException(NotAMember.class)
                .expectExceptionMessage("Organization 42 does not exist.")
                .expectNoEvents();
    }

    @Test
    void renameByFormerMemberFindsNoOrganization() {
        TestExecutor<Organization> managerLeft = fixture.given(then(foundedWithTeam(),
                memberRemoved(MANAGER_ID, Role.MANAGER, MANAGER_ID, EARLIER)));

        ResultValidator<Organization> result = managerLeft.when(rename("Acme Labs", MANAGER_ID));

        result.expectException(NotAMember.class).expectNoEvents();
    }

    private static RenameOrganization rename(String name, long actor) {
        return new RenameOrganization(ORG_ID, name, actor);
    }
}
