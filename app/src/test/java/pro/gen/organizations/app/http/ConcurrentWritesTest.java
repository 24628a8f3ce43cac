package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/** Many writers at once, on real threads against the running service. */
class ConcurrentWritesTest extends ServiceTest {

    private static final int WRITERS = 20;
    private static final long TIMEOUT_SECONDS = 60;

    @Autowired
    private JdbcTemplate jdbc;

    private OrganizationSteps orgs;

    @BeforeEach
    void steps() {
        orgs = new OrganizationSteps(api);
    }

    @Test
    void parallelRenamesEachSucceedOrConflictAndTheLastWinnerStays() throws Exception {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Race Works");

        List<Answer> answers = inParallel(i -> () -> orgs.rename(id, owner, "Race " + i));

        Set<String> renamedTo = new HashSet<>();
        for (int i = 0; i < WRITERS; i++) {
            Answer answer = answers.get(i);
            assertThat(answer.status()).as(answer.text()).isIn(200, 409);
            if (answer.status() == 200) {
                renamedTo.add("Race " + i);
            } else {
                assertThat(answer.errorCode()).isEqualTo("conflict");
            }
        }
        assertThat(renamedTo).isNotEmpty();
        assertThat(orgs.name(id, owner)).isIn(renamedTo);
        Long renamedEvents = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%OrganizationRenamed'
                """, Long.class, Long.toString(id));
        assertThat(renamedEvents).isEqualTo((long) renamedTo.size());
    }

    @Test
    void renamesRacingADeletionEndWithTheDeletion() throws Exception {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Doomed Works");

        List<Answer> answers = inParallel(i -> () -> i == WRITERS / 2
                ? orgs.delete(id, owner)
                : orgs.rename(id, owner, "Doomed " + i));

        Answer deletion = answers.remove(WRITERS / 2);
        assertThat(deletion.status()).as(deletion.text()).isEqualTo(200);
        long renamed = 0;
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.text()).isIn(200, 409, 422);
            if (answer.status() == 422) {
                assertThat(answer.errorCode()).isEqualTo("organization_not_found");
            } else if (answer.status() == 200) {
                renamed++;
            }
        }
        assertThat(orgs.organization(id, owner).status()).isEqualTo(422);
        String lastEvent = jdbc.queryForObject("""
                SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?
                ORDER BY sequence_number DESC LIMIT 1
                """, String.class, Long.toString(id));
        assertThat(lastEvent).endsWith("OrganizationDeleted");
        Long renamedEvents = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%OrganizationRenamed'
                """, Long.class, Long.toString(id));
        assertThat(renamedEvents).isEqualTo(renamed);
    }

    @Test
    void parallelCreatesByOneUserAllSucceedWithDistinctIds() throws Exception {
        TestUser owner = api.newUser();

        List<Answer> answers = inParallel(i -> () -> api.json("POST", "/v1/organizations",
                owner, Map.of("organization", Map.of("name", "Parallel " + i))));

        List<Long> created = new ArrayList<>();
        for (Answer answer : answers) {
            assertThat(answer.status()).as(answer.text()).isEqualTo(201);
            long id = answer.json().get("organization_id").asLong();
            assertThat(answer.header("Location")).isEqualTo("/v1/organizations/" + id);
            created.add(id);
        }
        assertThat(created).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isPositive());
        List<Long> listed = new ArrayList<>();
        api.get("/v1/organizations", owner).json()
                .forEach(view -> listed.add(view.get("id").asLong()));
        assertThat(listed).isSorted().containsExactlyInAnyOrderElementsOf(created);
        List<Long> agentWorkspaces = new ArrayList<>();
        api.get("/v1/agents", owner).json()
                .forEach(agent -> agentWorkspaces.add(agent.get("workspace_id").asLong()));
        assertThat(agentWorkspaces).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void parallelAddsOfDistinctUsersAreAllCounted() throws Exception {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Crowd Works");
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            users.add(api.newUser());
        }

        List<Answer> answers = inParallel(i -> () -> orgs.addMember(id, owner,
                users.get(i).id(), i % 2 == 0 ? "editor" : "viewer"));

        assertThat(answers).allSatisfy(answer ->
                assertThat(answer.status()).as(answer.text()).isEqualTo(201));
        assertThat(orgs.memberIds(id, owner)).hasSize(WRITERS + 1).isSorted()
                .containsAll(users.stream().map(TestUser::id).toList());
        assertThat(orgs.totalMembers(id, owner)).isEqualTo(WRITERS + 1);
    }

    @Test
    void parallelAddsOfTheSameUserLetExactlyOneIn() throws Exception {
        TestUser owner = api.newUser();
        TestUser user = api.newUser();
        long id = api.newOrganization(owner, "Doorway Works");

        List<Answer> answers = inParallel(i -> () -> orgs.addMember(id, owner, user.id(),
                "viewer"));

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).allSatisfy(answer ->
                assertThat(answer.errorCode()).as(answer.text()).isEqualTo("validation_error"));
        assertThat(orgs.memberIds(id, owner)).containsExactly(owner.id(), user.id());
        assertThat(orgs.totalMembers(id, owner)).isEqualTo(2);
    }

    @Test
    void twoOwnersLeavingAtOnceLeaveOneOwnerBehind() throws Exception {
        TestUser first = api.newUser();
        long id = api.newOrganization(first, "Exodus Works");
        TestUser second = orgs.newMember(id, first, "owner");
        List<TestUser> owners = List.of(first, second);

        List<Answer> answers = inParallel(2, i -> () -> orgs.removeMember(id, owners.get(i),
                owners.get(i).id()));

        assertThat(answers).extracting(Answer::status).containsExactlyInAnyOrder(200, 422);
        TestUser stayed = answers.get(0).status() == 200 ? second : first;
        assertThat(orgs.memberIds(id, stayed)).containsExactly(stayed.id());
        assertThat(orgs.view(id, stayed).get("user_role").asText()).isEqualTo("owner");
    }

    /** Runs the requests on as many threads, released together; answers in request order. */
    private static List<Answer> inParallel(IntFunction<Callable<Answer>> request)
            throws Exception {
        return inParallel(WRITERS, request);
    }

    private static List<Answer> inParallel(int writers, IntFunction<Callable<Answer>> request)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch ready = new CountDownLatch(writers);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Callable<Answer> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertThat(ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
