package pro.gen.organizations.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import pro.gen.organizations.api.query.OrganizationView;

/** The contract's organization view, as one member sees it. */
public record OrganizationJson(
        long id,
        String uuid,
        @JsonProperty("organization_id") long organizationId,
        String name,
        Avatar avatar,
        @JsonProperty("user_role") String userRole,
        String credit,
        @JsonProperty("available_credit") AvailableCredit availableCredit,
        @JsonProperty("total_members") int totalMembers,
        @JsonProperty("credit_plan") Object creditPlan,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("created_at_ts") long createdAtTs,
        @JsonProperty("updated_at_ts") long updatedAtTs) {

    /** Avatar URLs, both null until avatars are stored. */
    record Avatar(String url, @JsonProperty("thumbnail_url") String thumbnailUrl) {
    }

    /** Credit per bucket, as decimal strings. */
    record AvailableCredit(String generic, String aura) {
    }

    private static final String ZERO = "0.0";

    public static OrganizationJson of(OrganizationView view) {
        return new OrganizationJson(
                view.id(),
                view.uuid().toString(),
                view.id(),
                view.name(),
                new Avatar(null, null),
                view.userRole().wireName(),
                ZERO,
                new AvailableCredit(ZERO, ZERO),
                view.totalMembers(),
                null,
                Times.iso(view.createdAt()),
                Times.iso(view.updatedAt()),
                Times.millis(view.createdAt()),
                Times.millis(view.updatedAt()));
    }
}
