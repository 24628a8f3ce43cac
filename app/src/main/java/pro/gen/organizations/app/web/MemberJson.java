package pro.gen.organizations.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import pro.gen.organizations.api.query.MemberView;

/** The contract's member of an organization. */
record MemberJson(
        @JsonProperty("user_id") long userId,
        String email,
        String name,
        String role,
        @JsonProperty("joined_at") String joinedAt,
        @JsonProperty("joined_at_ts") long joinedAtTs) {

    static MemberJson of(MemberView member) {
        return new MemberJson(member.userId(), member.email(), member.name(),
                member.role().wireName(), Times.iso(member.joinedAt()),
                Times.millis(member.joinedAt()));
    }
}
