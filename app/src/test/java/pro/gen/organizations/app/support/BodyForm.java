package pro.gen.organizations.app.support;

import java.util.Map;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;

/** The three equivalent forms of an organization body that POST and PATCH accept. */
public enum BodyForm {

    JSON {
        @Override
        public Answer send(ApiClient api, String method, String path, TestUser user,
                           String name) {
            Map<String, Object> organization = name == null ? Map.of() : Map.of("name", name);
            return api.json(method, path, user, Map.of("organization", organization));
        }
    },

    URLENCODED {
        @Override
        public Answer send(ApiClient api, String method, String path, TestUser user,
                           String name) {
            return api.form(method, path, user, fields(name));
        }
    },

    MULTIPART {
        @Override
        public Answer send(ApiClient api, String method, String path, TestUser user,
                           String name) {
            return api.multipart(method, path, user, fields(name), null, null);
        }
    };

    /** Sends {@code organization[name]} in this form; a null name sends no name field. */
    public abstract Answer send(ApiClient api, String method, String path, TestUser user,
                                String name);

    private static Map<String, String> fields(String name) {
        return name == null ? Map.of() : Map.of("organization[name]", name);
    }
}
