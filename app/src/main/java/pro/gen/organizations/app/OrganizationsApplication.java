package pro.gen.organizations.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The organizations service: HTTP in front, Axon and PostgreSQL behind. */
@SpringBootApplication(scanBasePackages = "pro.gen.organizations")
@EnableScheduling
public class OrganizationsApplication {

    public static void main(String[] args) {
        // Axon's update checker phones home; this service makes no calls it was not asked to.
        if (System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        SpringApplication.run(OrganizationsApplication.class, args);
    }
}
