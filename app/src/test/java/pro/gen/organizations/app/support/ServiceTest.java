package pro.gen.organizations.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import pro.gen.organizations.app.OrganizationsApplication;

/**
 * The base of every test that runs the whole service on real PostgreSQL. All of them share
 * one Spring context, and so one running service, on the database {@code orgs_service}:
 * tests make their own users and organizations rather than expecting an empty database.
 */
@SpringBootTest(classes = OrganizationsApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orgs.admin-token=" + ApiClient.ADMIN_TOKEN,
                "orgs.snapshot.every-events=5",
                "orgs.database.pool-size=20"
        })
@Import(TestDatabaseLease.class)
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("orgs.database.url", () -> TestDatabase.url("orgs_service"));
        registry.add("orgs.database.user", TestDatabase::user);
    }

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }
}
