package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/** Renames racing for one organization: each wins or is told of the conflict, none fails. */
class ConcurrentRenamesTest extends ServiceTest {

    private static final int WRITERS = 8;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void racingRenamesEachSucceedOrConflictAndTheLastWinnerStays() throws Exception {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Contested");
        int eventsBefore = renameEvents(id);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<CompletableFuture<Answer>> renames = new ArrayList<>();

        try {
            for (int writer = 0; writer < WRITERS; writer++) {
                String name = "Writer " + writer;
                renames.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return api.json("PATCH", "/v1/organizations/" + id, owner,
                            Map.of("organization", Map.of("name", name)));
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(renames.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }

        List<Answer> answers = renames.stream().map(CompletableFuture::join).toList();
        int succeeded = 0;
        for (Answer answer : answers) {
            if (answer.status() == 200) {
                succeeded++;
            } else {
                assertError(answer, 409, "conflict");
            }
        }
        assertThat(succeeded).isPositive();
        assertThat(renameEvents(id) - eventsBefore).isEqualTo(succeeded);
        String finalName = api.get("/v1/organizations/" + id, owner).json().get("name").asText();
        assertThat(finalName).isEqualTo(lastRenamedTo(id));
    }

    private int renameEvents(long id) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND payload_type LIKE '%OrganizationRenamed'",
                Integer.class, Long.toString(id));
    }

    private String lastRenamedTo(long id) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8')::json ->> 'name'"
                + " FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%OrganizationRenamed'"
                + " ORDER BY sequence_number DESC LIMIT 1", String.class, Long.toString(id));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
