package pro.gen.organizations.command;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.command.OrganizationHistory.AVATAR;
import static pro.gen.organizations.command.OrganizationHistory.EARLIER;
import static pro.gen.organizations.command.OrganizationHistory.EDITOR_ID;
import static pro.gen.organizations.command.OrganizationHistory.MANAGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.NAME;
import static pro.gen.organizations.command.OrganizationHistory.ORG_ID;
import static pro.gen.organizations.command.OrganizationHistory.OTHER_AVATAR;
import static pro.gen.organizations.command.OrganizationHistory.OWNER_ID;
import static pro.gen.organizations.command.OrganizationHistory.STRANGER_ID;
import static pro.gen.organizations.command.OrganizationHistory.VIEWER_ID;
import static pro.gen.organizations.command.OrganizationHistory.avatarChanged;
import static pro.gen.organizations.command.OrganizationHistory.foundedWithTeam;
import static pro.gen.organizations.command.OrganizationHistory.snapshotAfter;
import static pro.gen.organizations.command.OrganizationHistory.then;

import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.api.command.ChangeOrganizationAvatar;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.InvalidAvatar;
import pro.gen.organizations.api.refusal.NotAMember;

class ChangingAvatarTest {

    private final AggregateTestFixture<Organization> fixture =
            new AggregateTestFixture<>(Organization.class);

    @Test
    void ownerGivesTheOrganizationItsFirstAvatar() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(AVATAR, OWNER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectEvents(avatarChanged(AVATAR, OWNER_ID, fixture.currentTime()))
                .expectState(org -> {
                    assertThat(org.avatarHash()).isEqualTo(AVATAR.imageHash());
                    assertThat(org.avatarThumbnailHash()).isEqualTo(AVATAR.thumbnailHash());
                    assertThat(org.name()).isEqualTo(NAME);
                    assertThat(org.members()).hasSize(4);
                    assertThat(org.deleted()).isFalse();
                });
    }

    @Test
    void managerReplacesTheAvatar() {
        TestExecutor<Organization> withAvatar = fixture.given(
                then(foundedWithTeam(), avatarChanged(AVATAR, OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = withAvatar.when(change(OTHER_AVATAR, MANAGER_ID));

        result.expectEvents(avatarChanged(OTHER_AVATAR, MANAGER_ID, fixture.currentTime()))
                .expectState(org -> {
                    assertThat(org.avatarHash()).isEqualTo(OTHER_AVATAR.imageHash());
                    assertThat(org.avatarThumbnailHash())
                            .isEqualTo(OTHER_AVATAR.thumbnailHash());
                });
    }

    @Test
    void theSameAvatarAgainEmitsNothing() {
        TestExecutor<Organization> withAvatar = fixture.given(
                then(foundedWithTeam(), avatarChanged(AVATAR, OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = withAvatar.when(change(AVATAR, MANAGER_ID));

        result.expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectState(org -> assertThat(org.avatarHash()).isEqualTo(AVATAR.imageHash()));
    }

    @Test
    void anEarlierAvatarAgainIsAChange() {
        TestExecutor<Organization> changedTwice = fixture.given(then(foundedWithTeam(),
                avatarChanged(AVATAR, OWNER_ID, EARLIER),
                avatarChanged(OTHER_AVATAR, OWNER_ID, EARLIER)));

        ResultValidator<Organization> result = changedTwice.when(change(AVATAR, OWNER_ID));

        result.expectEvents(avatarChanged(AVATAR, OWNER_ID, fixture.currentTime()))
                .expectState(org -> assertThat(org.avatarHash()).isEqualTo(AVATAR.imageHash()));
    }

    @Test
    void theAvatarSurvivesASnapshot() {
        List<Object> history = then(foundedWithTeam(), avatarChanged(AVATAR, OWNER_ID, EARLIER));
        TestExecutor<Organization> fromSnapshot = fixture.given(
                List.of(snapshotAfter(history)));

        ResultValidator<Organization> result = fromSnapshot.when(change(AVATAR, OWNER_ID));

        result.expectNoEvents()
                .expectState(org -> assertThat(org.avatarThumbnailHash())
                        .isEqualTo(AVATAR.thumbnailHash()));
    }

    @Test
    void changeByEditorIsForbidden() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(AVATAR, EDITOR_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("An editor may not change the organization's avatar.")
                .expectNoEvents();
    }

    @Test
    void changeByViewerIsForbidden() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(AVATAR, VIEWER_ID));

        result.expectException(ActionNotAllowed.class)
                .expectExceptionMessage("A viewer may not change the organization's avatar.")
                .expectNoEvents();
    }

    @Test
    void changeByViewerIsForbiddenBeforeTheAvatarIsChecked() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(withHash("nope"), VIEWER_ID));

        result.expectException(ActionNotAllowed.class).expectNoEvents();
    }

    @Test
    void changeByNonMemberFindsNoOrganization() {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(AVATAR, STRANGER_ID));

        result.expectException(NotAMember.class)
                .expectExceptionMessage("Organization 42 does not exist.")
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAvatars")
    void anAvatarThatNoStoredFileCouldBeIsRefused(Avatar avatar, String reason) {
        TestExecutor<Organization> team = fixture.given(foundedWithTeam());

        ResultValidator<Organization> result = team.when(change(avatar, OWNER_ID));

        result.expectException(InvalidAvatar.class)
                .expectExceptionMessage("Avatar " + reason + ".")
                .expectNoEvents();
    }

    static Stream<Arguments> invalidAvatars() {
        String hashes = "must name its files by their SHA-256 hashes";
        String pixels = "must be at most 4096 x 4096 pixels";
        return Stream.of(
                Arguments.of(withHash(null), hashes),
                Arguments.of(withHash("ab"), hashes),
                Arguments.of(withHash("A".repeat(64)), hashes),
                Arguments.of(withHash("g".repeat(64)), hashes),
                Arguments.of(withThumbnailHash("0".repeat(63)), hashes),
                Arguments.of(withType("image/gif"), "must be stored as PNG or JPEG"),
                Arguments.of(withType(null), "must be stored as PNG or JPEG"),
                Arguments.of(withSize(4097, 10), pixels),
                Arguments.of(withSize(10, 4097), pixels),
                Arguments.of(withSize(0, 10), pixels),
                Arguments.of(new Avatar(AVATAR.imageHash(), AVATAR.thumbnailHash(),
                        "image/png", 10, 10, 0), "must not be empty"));
    }

    private static Avatar withHash(String hash) {
        return new Avatar(hash, AVATAR.thumbnailHash(), AVATAR.contentType(), AVATAR.width(),
                AVATAR.height(), AVATAR.size());
    }

    private static Avatar withThumbnailHash(String hash) {
        return new Avatar(AVATAR.imageHash(), hash, AVATAR.contentType(), AVATAR.width(),
                AVATAR.height(), AVATAR.size());
    }

    private static Avatar withType(String type) {
        return new Avatar(AVATAR.imageHash(), AVATAR.thumbnailHash(), type, AVATAR.width(),
                AVATAR.height(), AVATAR.size());
    }

    private static Avatar withSize(int width, int height) {
        return new Avatar(AVATAR.imageHash(), AVATAR.thumbnailHash(), AVATAR.contentType(),
                width, height, AVATAR.size());
    }

    private static ChangeOrganizationAvatar change(Avatar avatar, long actor) {
        return new ChangeOrganizationAvatar(ORG_ID, avatar, actor);
    }
}
