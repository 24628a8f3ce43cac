package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static pro.gen.organizations.command.OrganizationHistory.AVATAR;
import static pro.gen.organizations.command.OrganizationHistory.EDITOR_ID;
import static pro.gen.organizations.command.OrganizationHistory.MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.NEWCOMER_ID;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.SECOND_EDITOR_ID;
import static pro.gen.organizations.command.OrganizationHistory.SECOND_MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.VIEWER_ID;
import static pro.gen.organizations.command.OrganizationHistory.avatarChanged;
import static pro.gen.organizations.command.OrganizationHistory.deleted;
import static pro.gen.organizations.command.OrganizationHistory.foundedWithTeam;
import static pro.gen.organizations.command.OrganizationHistory.joined;
import static pro.gen.organizations.command.OrganizationHistory.memberAdded;
import static pro.gen.organizations.command.OrganizationHistory.memberRemoved;
import static pro.gen.organizations.command.OrganizationHistory.renamed;
import static pro.gen.organizations.command.OrganizationHistory.roleChanged;
import static pro.gen.organizations.command.OrganizationHistory.then;

import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.AddMember;
import pro.gen.organizations.api.command.ChangeMemberRole;
import pro.gen.organizations.api.command.ChangeOrganizationAvatar;
import pro.gen.organizations.api.command.DeleteOrganization;
import pro.gen.organizations.api.command.RemoveMember;
import pro.gen.organizations.api.command.RenameOrganization;
import pro.gen.organizations.api.refusal.ActionNotAllowed;

/**
 * The table of role rights, row by row. Each actor acts on someone else (a second manager or
 * a second editor), so that no row is a member leaving, which everyone may do.
 */
class RoleTableTest {

    private static final boolean YES = true;
    private static final boolean NO = false;

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    static Stream<Arguments> roleTable() {
        return Stream.of(
                //                            owner manager editor viewer
                row(Action.RENAME,            YES,  YES,    NO,    NO),
                row(Action.CHANGE_AVATAR,     YES,  YES,    NO,    NO),
                row(Action.DELETE,            YES,  NO,     NO,    NO),
                row(Action.ADD_EDITOR,        YES,  YES,    NO,    NO),
                row(Action.ADD_MANAGER,       YES,  NO,     NO,    NO),
                row(Action.EDITOR_TO_VIEWER,  YES,  YES,    NO,    NO),
                row(Action.EDITOR_TO_MANAGER, YES,  NO,     NO,    NO),
                row(Action.REMOVE_EDITOR,     YES,  YES,    NO,    NO),
                row(Action.REMOVE_MANAGER,    YES,  NO,     NO,    NO))
                .flatMap(row -> row);
    }

    @ParameterizedTest(name = "{1} may {0}: {2}")
    @MethodSource("roleTable")
    void eachRoleMayDoExactlyWhatTheTableAllows(Action action, Role actor, boolean allowed) {
        TestExecutor<Organization> team = fixture.given(then(foundedWithTeam(),
                joined(SECOND_MANAGER_ID, Role.MANAGER),
                joined(SECOND_EDITOR_ID, Role.EDITOR)));

        ResultValidator<Organization> result = team.when(action.command(idOf(actor)));

        if (allowed) {
            result.expectSuccessfulHandlerExecution()
                    .expectEvents(action.event(idOf(actor), fixture.currentTime()))
                    .expectState(action.stateAfter);
        } else {
            result.expectException(ActionNotAllowed.class)
                    .expectExceptionMessage(containsString(" " + actor.wireName() + " may not "))
                    .expectNoEvents();
        }
    }

    enum Action {
        RENAME(
                actor -> new RenameOrganization(ORG_ID, "Acme Labs", actor),
                (actor, at) -> renamed("Acme Labs", actor, at),
                org -> assertThat(org.name()).isEqualTo("Acme Labs")),
        CHANGE_AVATAR(
                actor -> new ChangeOrganizationAvatar(ORG_ID, AVATAR, actor),
                (actor, at) -> avatarChanged(AVATAR, actor, at),
                org -> assertThat(org.avatarHash()).isEqualTo(AVATAR.imageHash())),
        DELETE(
                actor -> new DeleteOrganization(ORG_ID, actor),
                (actor, at) -> deleted(actor, at),
                org -> assertThat(org.deleted()).isTrue()),
        ADD_EDITOR(
                actor -> new AddMember(ORG_ID, NEWCOMER_ID, Role.EDITOR, actor),
                (actor, at) -> memberAdded(NEWCOMER_ID, Role.EDITOR, actor, at),
                org -> assertThat(org.members()).containsEntry(NEWCOMER_ID, Role.EDITOR)),
        ADD_MANAGER(
                actor -> new AddMember(ORG_ID, NEWCOMER_ID, Role.MANAGER, actor),
                (actor, at) -> memberAdded(NEWCOMER_ID, Role.MANAGER, actor, at),
                org -> assertThat(org.members()).containsEntry(NEWCOMER_ID, Role.MANAGER)),
        EDITOR_TO_VIEWER(
                actor -> new ChangeMemberRole(ORG_ID, SECOND_EDITOR_ID, Role.VIEWER, actor),
                (actor, at) -> roleChanged(
                        SECOND_EDITOR_ID, Role.VIEWER, Role.EDITOR, actor, at),
                org -> assertThat(org.members()).containsEntry(SECOND_EDITOR_ID, Role.VIEWER)),
        EDITOR_TO_MANAGER(
                actor -> new ChangeMemberRole(ORG_ID, SECOND_EDITOR_ID, Role.MANAGER, actor),
                (actor, at) -> roleChanged(
                        SECOND_EDITOR_ID, Role.MANAGER, Role.EDITOR, actor, at),
                org -> assertThat(org.members()).containsEntry(SECOND_EDITOR_ID, Role.MANAGER)),
        REMOVE_EDITOR(
                actor -> new RemoveMember(ORG_ID, SECOND_EDITOR_ID, actor),
                (actor, at) -> memberRemoved(SECOND_EDITOR_ID, Role.EDITOR, actor, at),
                org -> assertThat(org.members()).doesNotContainKey(SECOND_EDITOR_ID)),
        REMOVE_MANAGER(
                actor -> new RemoveMember(ORG_ID, SECOND_MANAGER_ID, actor),
                (actor, at) -> memberRemoved(SECOND_MANAGER_ID, Role.MANAGER, actor, at),
                org -> assertThat(org.members()).doesNotContainKey(SECOND_MANAGER_ID));

        private final LongFunction<Object> command;
        private final BiFunction<Long, Instant, Object> event;
        private final Consumer<Organization> stateAfter;

        Action(LongFunction<Object> command,
               BiFunction<Long, Instant, Object> event,
               Consumer<Organization> stateAfter) {
            this.command = command;
            this.event = event;
            this.stateAfter = stateAfter;
        }

        Object command(long actor) {
            return command.apply(actor);
        }

        Object event(long actor, Instant at) {
            return event.apply(actor, at);
        }
    }

    private static Stream<Arguments> row(
            Action action, boolean owner, boolean manager, boolean editor, boolean viewer) {
        return Stream.of(
                Arguments.of(action, Role.OWNER, owner),
                Arguments.of(action, Role.MANAGER, manager),
                Arguments.of(action, Role.EDITOR, editor),
                Arguments.of(action, Role.VIEWER, viewer));
    }

    private static long idOf(Role role) {
        return switch (role) {
            case OWNER -> OWNER_ID;
            case MANAGER -> MANAGER_ID;
            case EDITOR -> EDITOR_ID;
            case VIEWER -> VIEWER_ID;
        };
    }
}
