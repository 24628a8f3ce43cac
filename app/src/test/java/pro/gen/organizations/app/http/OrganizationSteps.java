package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;

/** The organization and member requests that the HTTP tests make, by name. */
final class OrganizationSteps {

    /** An id that no organization will reach in a test run. */
    static final long NO_SUCH_ORGANIZATION = 999_999_999_999L;

    static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final ApiClient api;

    OrganizationSteps(ApiClient api) {
        this.api = api;
    }

    static String organizationPath(long organizationId) {
        return "/v1/organizations/" + organizationId;
    }

    static String membersPath(long organizationId) {
        return organizationPath(organizationId) + "/members";
    }

    static String memberPath(long organizationId, long userId) {
        return membersPath(organizationId) + "/" + userId;
    }

    Answer organization(long organizationId, TestUser caller) {
        return api.get(organizationPath(organizationId), caller);
    }

    Answer members(long organizationId, TestUser caller) {
        return api.get(membersPath(organizationId), caller);
    }

    Answer rename(long organizationId, TestUser caller, String name) {
        return api.json("PATCH", organizationPath(organizationId), caller,
                Map.of("organization", Map.of("name", name)));
    }

    Answer delete(long organizationId, TestUser caller) {
        return api.delete(organizationPath(organizationId), caller);
    }

    Answer addMember(long organizationId, TestUser caller, long userId, String role) {
        return api.json("POST", membersPath(organizationId), caller,
                Map.of("member", Map.of("user_id", userId, "role", role)));
    }

    Answer addMemberByEmail(long organizationId, TestUser caller, String email, String role) {
        return api.json("POST", membersPath(organizationId), caller,
                Map.of("member", Map.of("email", email, "role", role)));
    }

    Answer changeRole(long organizationId, TestUser caller, long userId, String role) {
        return api.json("PATCH", memberPath(organizationId, userId), caller,
                Map.of("member", Map.of("role", role)));
    }

    Answer removeMember(long organizationId, TestUser caller, long userId) {
        return api.delete(memberPath(organizationId, userId), caller);
    }

    /** A new user whom the owner adds to the organization with the role. */
    TestUser newMember(long organizationId, TestUser owner, String role) {
        TestUser user = api.newUser();
        Answer added = addMember(organizationId, owner, user.id(), role);
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        return user;
    }

    /** The user ids of the members, in the order listed. */
    List<Long> memberIds(long organizationId, TestUser caller) {
        Answer answer = members(organizationId, caller);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        answer.json().forEach(member -> ids.add(member.get("user_id").asLong()));
        return ids;
    }

    /** The role of one member as the caller sees it in the list, or null for none. */
    String roleOf(long organizationId, TestUser caller, long userId) {
        Answer answer = members(organizationId, caller);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        for (JsonNode member : answer.json()) {
            if (member.get("user_id").asLong() == userId) {
                return member.get("role").asText();
            }
        }
        return null;
    }

    int totalMembers(long organizationId, TestUser caller) {
        return view(organizationId, caller).get("total_members").asInt();
    }

    String name(long organizationId, TestUser caller) {
        return view(organizationId, caller).get("name").asText();
    }

    JsonNode view(long organizationId, TestUser caller) {
        Answer answer = organization(organizationId, caller);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }

    /** The organization's view and member list as the caller sees them, to compare later. */
    List<JsonNode> state(long organizationId, TestUser caller) {
        Answer members = members(organizationId, caller);
        assertThat(members.status()).as(members.text()).isEqualTo(200);
        return List.of(view(organizationId, caller), members.json());
    }

    static void assertError(Answer answer, int status, String errorCode) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.errorCode()).as(answer.text()).isEqualTo(errorCode);
    }
}
