package pro.gen.organizations.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.command.AddMember;
import pro.gen.organizations.api.command.ChangeMemberRole;
import pro.gen.organizations.api.command.RemoveMember;
import pro.gen.organizations.api.query.FindMembers;
import pro.gen.organizations.api.query.MemberList;
import pro.gen.organizations.app.auth.User;
import pro.gen.organizations.app.auth.UserDirectory;
import pro.gen.organizations.app.consistency.Commands;

/** The members of an organization: list, add, change role, remove. */
@RestController
@RequestMapping("/v1/organizations/{id}/members")
public class MemberController {

    private static final Logger log = LoggerFactory.getLogger(MemberController.class);

    private static final String USER_ID = "member[user_id]";
    private static final String EMAIL = "member[email]";
    private static final String ROLE = "member[role]";

    private final Commands commands;
    private final QueryGateway queries;
    private final UserDirectory users;
    private final int maxBodyBytes;

    public MemberController(Commands commands, QueryGateway queries, UserDirectory users,
                            @Value("${orgs.http.max-body-bytes}") int maxBodyBytes) {
        this.commands = commands;
        this.queries = queries;
        this.users = users;
        this.maxBodyBytes = maxBodyBytes;
    }

    @GetMapping
    List<MemberJson> list(User user, @PathVariable("id") String rawId) {
        long id = Ids.organization(rawId);
        return members(id, user).members().stream().map(MemberJson::of).toList();
    }

    @PostMapping
    ResponseEntity<MemberJson> add(User user, @PathVariable("id") String rawId,
                                   HttpServletRequest request) {
        long id = Ids.organization(rawId);
        members(id, user);
        RequestFields fields =
                RequestFields.read(request, maxBodyBytes).requireGroup("member");
        Role role = role(fields);
        long userId = newMember(fields);

        commands.send(id, new AddMember(id, userId, role, user.id()));

        log.info("User [{}] added to organization [{}] as {} by user [{}]", userId, id,
                role.wireName(), user.id());
        return ResponseEntity.status(HttpStatus.CREATED).body(member(id, userId, user));
    }

    @PatchMapping("/{userId}")
    MemberJson changeRole(User user, @PathVariable("id") String rawId,
                          @PathVariable("userId") String rawUserId, HttpServletRequest request) {
        long id = Ids.organization(rawId);
        members(id, user);
        long userId = existingMember(rawUserId);
        RequestFields fields =
                RequestFields.read(request, maxBodyBytes).requireGroup("member");
        Role role = role(fields);

        commands.send(id, new ChangeMemberRole(id, userId, role, user.id()));

        log.info("User [{}] in organization [{}] made {} by user [{}]", userId, id,
                role.wireName(), user.id());
        return member(id, userId, user);
    }

    @DeleteMapping("/{userId}")
    ResponseEntity<Void> remove(User user, @PathVariable("id") String rawId,
                                @PathVariable("userId") String rawUserId) {
        long id = Ids.organization(rawId);
        members(id, user);
        long userId = existingMember(rawUserId);

        commands.send(id, new RemoveMember(id, userId, user.id()));

        log.info("User [{}] removed from organization [{}] by user [{}]", userId, id, user.id());
        return ResponseEntity.ok().build();
    }

    /** The members, or organization_not_found when the caller is not one of them. */
    private MemberList members(long id, User user) {
        return queries.query(new FindMembers(id, user.id()),
                        ResponseTypes.optionalInstanceOf(MemberList.class)).join()
                .orElseThrow(() -> ApiException.organizationNotFound(id));
    }

    private MemberJson member(long id, long userId, User user) {
        return members(id, user).members().stream()
                .filter(member -> member.userId() == userId)
                .map(MemberJson::of)
                .findFirst()
                .orElseThrow(() -> ApiException.validation("User " + userId
                        + " is not a member."));
    }

    private long newMember(RequestFields fields) {
        Long userId = fields.positiveNumber(USER_ID).orElse(null);
        if (userId != null) {
            return users.findById(userId).map(User::id)
                    .orElseThrow(() -> ApiException.invalidField(USER_ID, "does not exist"));
        }
        String email = fields.text(EMAIL).map(String::strip).orElse(null);
        if (email != null && !email.isEmpty()) {
            return users.findByEmail(email).map(User::id)
                    .orElseThrow(() -> ApiException.invalidField(EMAIL, "does not exist"));
        }
        throw ApiException.invalidField(USER_ID, "can't be blank (or give member[email])");
    }

    private static long existingMember(String rawUserId) {
        Long userId = Ids.positive(rawUserId);
        if (userId == null) {
            throw ApiException.validation("User is not a member.");
        }
        return userId;
    }

    private static Role role(RequestFields fields) {
        String given = fields.text(ROLE).orElse(null);
        if (given == null || given.isBlank()) {
            throw ApiException.invalidField(ROLE, "can't be blank");
        }
        return Role.fromWireName(given.strip()).orElseThrow(() -> ApiException.invalidField(
                ROLE, "must be one of owner, manager, editor, viewer"));
    }
}
