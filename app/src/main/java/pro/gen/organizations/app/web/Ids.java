package pro.gen.organizations.app.web;

/** Reading ids from paths: positive whole numbers, anything else is not found. */
public final class Ids {

    private Ids() {
    }

    public static long organization(String raw) {
        Long id = positive(raw);
        if (id == null) {
            throw ApiException.organizationNotFound();
        }
        return id;
    }

    public static Long positive(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            return null;
        }
        long id = Long.parseLong(raw);
        return id > 0 ? id : null;
    }
}
