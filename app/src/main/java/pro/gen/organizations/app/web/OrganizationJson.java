package pro.gen.organizations.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import pro.gen.organizations.api.query.OrganizationView;
import pro.gen.organizations.app.avatar.AvatarUrls;

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

    /** Absolute URLs of the avatar image and its thumbnail, both null without an avatar. */
    record Avatar(String url, @JsonProperty("thumbnail_url") String thumbnailUrl) {
    }

    /** Credit per bucket, as decimal strings. */
    record AvailableCredit(String generic, String aura) {
    }

    private static final String ZERO = "0.0";

    public static OrganizationJson of(OrganizationView view, AvatarUrls urls) {
        return new OrganizationJson(
                view.id(),
                view.uuid().toString(),
                view.id(),
                view.name(),
                new Avatar(urls.of(view.avatarHash()), urls.of(view.avatarThumbnailHash())),
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
