package pro.gen.organizations.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import pro.gen.organizations.app.auth.UserDirectory;

/** Provisioning users and their first API key, for deployments without an identity provider. */
@RestController
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private static final String EMAIL = "user[email]";
    private static final String NAME = "user[name]";
    private static final int MAX_EMAIL = 254;
    private static final int MAX_NAME = 255;

    /**
     * An ASCII address: the local part in the characters RFC 5322 allows unquoted, and a
     * domain of dot-separated labels. Non-ASCII addresses are refused, since lower-casing
     * them for the uniqueness check would make look-alikes (a Kelvin sign for a K) collide.
     */
    private static final Pattern EMAIL_SHAPE = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private final UserDirectory users;
    private final int maxBodyBytes;

    public AdminController(UserDirectory users,
                           @Value("${orgs.http.max-body-bytes}") int maxBodyBytes) {
        this.users = users;
        this.maxBodyBytes = maxBodyBytes;
    }

    record ProvisionedJson(long id, String email, String name,
                           @JsonProperty("api_key") String apiKey,
                           @JsonProperty("created_at") String createdAt,
                           @JsonProperty("created_at_ts") long createdAtTs) {
    }

    @PostMapping("/v1/admin/users")
    ResponseEntity<ProvisionedJson> provision(HttpServletRequest request) {
        RequestFields fields = RequestFields.read(request, maxBodyBytes).requireGroup("user");
        String email = fields.text(EMAIL).map(String::strip).orElse("");
        String name = fields.text(NAME).map(String::strip).orElse("");
        if (email.isEmpty()) {
            throw ApiException.invalidField(EMAIL, "can't be blank");
        }
        if (email.length() > MAX_EMAIL || !EMAIL_SHAPE.matcher(email).matches()) {
            throw ApiException.invalidField(EMAIL, "is not a valid email address");
        }
        if (name.isEmpty()) {
            throw ApiException.invalidField(NAME, "can't be blank");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME
                || name.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(NAME,
                    "must be at most 255 characters with no control characters");
        }

        UserDirectory.Provisioned provisioned;
        try {
            provisioned = users.provision(email, name);
        } catch (UserDirectory.EmailTaken e) {
            throw ApiException.invalidField(EMAIL, "has already been taken");
        }

        log.info("User [{}] provisioned", provisioned.user().id());
        var user = provisioned.user();
        return ResponseEntity.status(HttpStatus.CREATED).body(new ProvisionedJson(
                user.id(), user.email(), user.name(), provisioned.apiKey(),
                Times.iso(user.createdAt()), Times.millis(user.createdAt())));
    }
}
